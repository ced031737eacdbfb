/// One OMM record (a JSON object or a CSV row) on its way to an `ElementSet`.
///
/// Keywords are those of CCSDS 502.0-B-3 (Orbit Mean-Elements Message) as CelesTrak and
/// Space-Track publish them; numbers may come as JSON numbers or as text (Space-Track
/// quotes every value).
struct OMMRecord {
    enum Value {
        case number(Double)
        case text(String)
    }

    var values: [String: Value] = [:]
    let source: String
    /// 1-based CSV line, or nil for JSON.
    let line: Int?
    /// 1-based JSON array index, or nil for CSV.
    let record: Int?

    func error(_ field: String, _ reason: ElementSetError.Reason) -> ElementSetError {
        ElementSetError(source: source, line: line, record: record, field: field, reason: reason)
    }

    func elementSet() throws(ElementSetError) -> ElementSet {
        guard let epochText = try text("EPOCH", required: true) else { throw error("EPOCH", .missingField) }
        guard let epoch = OMMEpoch.julianDate(epochText) else {
            throw error("EPOCH", .notADate(epochText))
        }
        let eccentricity = try number("ECCENTRICITY", in: 0..<1, describing: "0 to below 1")
        let meanMotion = try number(
            "MEAN_MOTION", in: Double.leastNonzeroMagnitude..<1e6,
            describing: "greater than 0 rev/day")
        return ElementSet(
            name: try text("OBJECT_NAME") ?? "",
            catalogNumber: try integer("NORAD_CAT_ID", default: nil),
            classification: try text("CLASSIFICATION_TYPE") ?? "U",
            internationalDesignator: try text("OBJECT_ID") ?? "",
            epoch: epoch,
            meanMotionDot: try number("MEAN_MOTION_DOT", default: 0),
            meanMotionDDot: try number("MEAN_MOTION_DDOT", default: 0),
            bstar: try number("BSTAR"),
            ephemerisType: try integer("EPHEMERIS_TYPE", default: 0),
            elementSetNumber: try integer("ELEMENT_SET_NO", default: 999),
            inclinationDegrees: try number("INCLINATION", in: 0..<180.0.nextUp, describing: "0 to 180"),
            raanDegrees: try number("RA_OF_ASC_NODE", in: 0..<360.0.nextUp, describing: "0 to 360"),
            eccentricity: eccentricity,
            argumentOfPerigeeDegrees: try number(
                "ARG_OF_PERICENTER", in: 0..<360.0.nextUp, describing: "0 to 360"),
            meanAnomalyDegrees: try number("MEAN_ANOMALY", in: 0..<360.0.nextUp, describing: "0 to 360"),
            meanMotionRevsPerDay: meanMotion,
            revolutionNumberAtEpoch: try integer("REV_AT_EPOCH", default: 0))
    }

    /// The trimmed text of a field; numbers are written back in their shortest form.
    private func text(_ key: String, required: Bool = false) throws(ElementSetError) -> String? {
        switch values[key] {
        case .text(let text):
            let trimmed = text.trimmingSpaces()
            if trimmed.isEmpty && required { throw error(key, .missingField) }
            return trimmed.isEmpty ? nil : trimmed
        case .number(let value): return "\(value)"
        case nil:
            if required { throw error(key, .missingField) }
            return nil
        }
    }

    private func number(
        _ key: String, default defaultValue: Double? = nil
    ) throws(ElementSetError) -> Double {
        switch values[key] {
        case .number(let value) where value.isFinite: return value
        case .number(let value): throw error(key, .notANumber("\(value)"))
        case .text(let text):
            let trimmed = text.trimmingSpaces()
            if trimmed.isEmpty, let defaultValue { return defaultValue }
            guard let value = Self.parseNumber(trimmed) else { throw error(key, .notANumber(trimmed)) }
            return value
        case nil:
            guard let defaultValue else { throw error(key, .missingField) }
            return defaultValue
        }
    }

    private func number(
        _ key: String, in range: Range<Double>, describing allowed: String
    ) throws(ElementSetError) -> Double {
        let value = try number(key)
        guard range.contains(value) else {
            throw error(key, .outOfRange(value: "\(value)", allowed: allowed))
        }
        return value
    }

    private func integer(_ key: String, default defaultValue: Int?) throws(ElementSetError) -> Int {
        if values[key] == nil, let defaultValue { return defaultValue }
        if case .text(let text) = values[key], text.trimmingSpaces().isEmpty, let defaultValue {
            return defaultValue
        }
        let value = try number(key)
        guard value == value.rounded(), value >= 0, value < 1e12 else {
            throw error(key, .outOfRange(value: "\(value)", allowed: "a whole number ≥ 0"))
        }
        return Int(value)
    }

    /// A decimal number in plain or exponent form (`0.0001`, `-.5`, `8.9842E-4`); nothing
    /// else (no `inf`, `nan`, hexadecimal or spaces).
    static func parseNumber(_ text: String) -> Double? {
        var digits = 0, points = 0, exponentAt: Int?
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 40 else { return nil }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: ".") where exponentAt == nil: points += 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard exponentAt == nil, digits > 0 else { return nil }
                exponentAt = index
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index == 0 || exponentAt == index - 1 else { return nil }
            default: return nil
            }
        }
        guard digits > 0, points <= 1 else { return nil }
        if let exponentAt {
            guard bytes[(exponentAt + 1)...].contains(where: { (48...57).contains($0) }) else { return nil }
        }
        return Double(text)
    }
}

extension OMMRecord.Value: Equatable {}
