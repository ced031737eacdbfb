import Foundation

/// Reads a JSON array of OMM objects (CelesTrak `FORMAT=json`, Space-Track `omm` JSON).
enum OMMJSONParser {
    static func parse(
        _ data: Data, source: String, errors: inout ErrorCollector
    ) throws(ElementSetError) -> [ElementSet] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw ElementSetError(
                source: source,
                reason: .malformed("not JSON: \(Self.describe(error, in: data))"))
        }
        let objects: [Any]
        if let array = root as? [Any] {
            objects = array
        } else if root is [String: Any] {
            objects = [root]  // a single OMM object
        } else {
            throw ElementSetError(source: source, reason: .malformed("expected an array of OMM objects"))
        }
        var sets: [ElementSet] = []
        sets.reserveCapacity(objects.count)
        for (index, object) in objects.enumerated() {
            var record = OMMRecord(source: source, line: nil, record: index + 1)
            guard let dictionary = object as? [String: Any] else {
                try errors.report(record.error("record", .malformed("not a JSON object")))
                continue
            }
            for (key, value) in dictionary {
                if let text = value as? String {
                    record.values[key] = .text(text)
                } else if let number = value as? NSNumber, !number.isJSONBoolean {
                    record.values[key] = .number(number.doubleValue)
                }
            }
            do {
                sets.append(try record.elementSet())
            } catch {
                try errors.report(error)
            }
        }
        return sets
    }

    private static func describe(_ error: any Error, in data: Data) -> String {
        if let location = JSONSyntaxLocation(of: error, in: data) { return location.description }
        let text = "\(error)"
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
