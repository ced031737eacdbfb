import Beam

/// The `array:` section of a board file: the phased array the board drives. Absent means
/// the Gen-1-like default (`ArrayDescription()`); every field is optional and defaults the
/// same way. See `Boards/README.md`.
enum ArraySection {
    static let fields: Set<String> = [
        "lattice", "elements", "grid", "spacing_mm", "receive", "transmit", "phase_bits", "scan_limit_deg", "mount",
        "calibration_deg", "scan_loss_exponent",
    ]

    static func parse(_ node: DataNode) throws(DataFileError) -> ArrayDescription {
        try node.rejectUnknownKeys(fields)
        var array = ArrayDescription()
        if let lattice = try node.optional("lattice") { array.lattice = try lattice.choice(ArrayLattice.self) }
        if let elements = try node.optional("elements") { array.aperture = .circular(elementCount: try elements.int()) }
        if let grid = try node.optional("grid") {
            try grid.rejectUnknownKeys(["rows", "columns"])
            array.aperture = .grid(rows: try grid.required("rows").int(), columns: try grid.required("columns").int())
        }
        if let spacing = try node.optional("spacing_mm") { array.elementSpacingMetres = try spacing.double() / 1_000 }
        if let receive = try node.optional("receive") {
            (array.receiveBand, array.receiveCarrierHertz) = try band(receive, default: (array.receiveBand, array.receiveCarrierHertz))
        }
        if let transmit = try node.optional("transmit") {
            (array.transmitBand, array.transmitCarrierHertz) = try band(
                transmit, default: (array.transmitBand, array.transmitCarrierHertz))
        }
        if let bits = try node.optional("phase_bits") { array.phaseShifterBits = try bits.int() }
        if let limit = try node.optional("scan_limit_deg") { array.scanLimitDegrees = try limit.double() }
        if let exponent = try node.optional("scan_loss_exponent") {
            array.scanLoss = ScanLossModel(elementPatternExponent: try exponent.double())
        }
        if let calibration = try node.optional("calibration_deg") {
            array.calibrationOffsetsDegrees = try calibration.elements().map { (item) throws(DataFileError) in try item.double() }
        }
        if let mount = try node.optional("mount") { array.mount = try self.mount(mount) }
        do {
            _ = try PhasedArray(array)
        } catch {
            throw node.error("\(error)")
        }
        return array
    }

    private static func band(
        _ node: DataNode, default current: (FrequencyBand, Double)
    ) throws(DataFileError) -> (FrequencyBand, Double) {
        try node.rejectUnknownKeys(["band_ghz", "carrier_ghz"])
        var (band, carrier) = current
        if let edges = try node.optional("band_ghz") {
            let values = try edges.elements().map { (item) throws(DataFileError) in try item.double() }
            guard values.count == 2 else { throw edges.error("expected [lower, upper] in GHz") }
            band = FrequencyBand(lowerEdgeHertz: values[0] * 1e9, upperEdgeHertz: values[1] * 1e9)
        }
        if let value = try node.optional("carrier_ghz") { carrier = try value.double() * 1e9 }
        return (band, carrier)
    }

    private static func mount(_ node: DataNode) throws(DataFileError) -> MountAttitude {
        let keys = Set(try node.entries().map(\.key))
        if keys.contains("roll_deg") || keys.contains("pitch_deg") || keys.contains("yaw_deg") {
            try node.rejectUnknownKeys(["roll_deg", "pitch_deg", "yaw_deg"])
            return .tilt(
                rollDegrees: try node.optional("roll_deg")?.double() ?? 0,
                pitchDegrees: try node.optional("pitch_deg")?.double() ?? 0,
                yawDegrees: try node.optional("yaw_deg")?.double() ?? 0)
        }
        try node.rejectUnknownKeys(["boresight_azimuth_deg", "boresight_elevation_deg"])
        return .boresight(
            azimuthDegrees: try node.optional("boresight_azimuth_deg")?.double() ?? 0,
            elevationDegrees: try node.required("boresight_elevation_deg").double())
    }
}

