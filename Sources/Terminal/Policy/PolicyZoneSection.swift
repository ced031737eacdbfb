import Foundation
import Geofence

/// One entry of a policy file's `zones:` list:
/// `{name, action, feature | circle | polygon, buffer_nm | buffer_m, source}`.
enum PolicyZoneSection {
    static let knownKeys: Set<String> = [
        "name", "action", "feature", "circle", "polygon", "buffer_nm", "buffer_m", "source", "constellations",
    ]

    /// An action by the names ``ServiceAction`` encodes: allow, receiveOnly, noService.
    static func action(_ node: DataNode) throws(DataFileError) -> ServiceAction {
        let text = try node.string()
        guard let action = ServiceAction(name: text) else {
            throw node.error(
                "\"\(text)\" is not an action (one of: \(ServiceAction.allCases.map(\.description).joined(separator: ", ")))")
        }
        return action
    }

    static func parse(_ node: DataNode) throws(DataFileError) -> PolicyZoneDescription {
        try node.rejectUnknownKeys(knownKeys)
        let nameNode = try node.required("name")
        let name = try nameNode.string()
        guard !name.isEmpty else { throw nameNode.error("the zone needs a name") }
        let action = try action(try node.required("action"))
        var shapes: [DataNode] = []
        for key in ["feature", "circle", "polygon"] {
            if let shape = try node.optional(key) { shapes.append(shape) }
        }
        guard shapes.count == 1, let shapeNode = shapes.first else {
            let what = shapes.isEmpty ? "no shape" : "more than one shape"
            throw node.error("\(what): give exactly one of feature, circle, polygon")
        }
        var buffer = 0.0
        let nauticalMiles = try node.optional("buffer_nm")
        let metres = try node.optional("buffer_m")
        if let nauticalMiles, metres != nil {
            throw nauticalMiles.error("give buffer_nm or buffer_m, not both")
        }
        if let bufferNode = nauticalMiles ?? metres {
            let value = try bufferNode.double()
            guard value >= 0 else { throw bufferNode.error("a buffer cannot be negative") }
            buffer = nauticalMiles != nil ? MaritimeDistance.metres(nauticalMiles: value) : value
        }
        let shape: PolicyZoneDescription.Shape
        switch shapeNode.field.split(separator: ".").last {
        case "feature": shape = .feature(try selector(shapeNode))
        case "circle":
            if let bufferNode = nauticalMiles ?? metres { throw bufferNode.error("a circle takes no buffer; enlarge radius_m") }
            shape = try circle(shapeNode)
        default: shape = .polygon(try ring(shapeNode))
        }
        return PolicyZoneDescription(
            name: name, action: action, shape: shape, bufferMetres: buffer, source: try node.optional("source")?.string(),
            constellations: try constellations(try node.optional("constellations")))
    }

    /// `constellations: {permitted: [..]}` (spared by the zone's action) or `{refused: [..]}`
    /// (bound by it); absent: the action binds every constellation.
    static func constellations(_ node: DataNode?) throws(DataFileError) -> ConstellationSet {
        guard let node else { return .all }
        try node.rejectUnknownKeys(["permitted", "refused"])
        let permitted = try node.optional("permitted")
        let refused = try node.optional("refused")
        guard (permitted == nil) != (refused == nil), let list = permitted ?? refused else {
            throw node.error("give exactly one of permitted, refused")
        }
        var names: [ConstellationName] = []
        for element in try list.elements() {
            let text = try element.string()
            guard let name = ConstellationName(rawValue: text) else {
                throw element.error("\"\(text)\" is not a constellation (one of: \(ConstellationName.namesList))")
            }
            guard !names.contains(name) else { throw element.error("\"\(text)\" is listed twice") }
            names.append(name)
        }
        let listed = ConstellationSet(names)
        return refused != nil ? listed : ConstellationSet.all.subtracting(listed)
    }

    static func selector(_ node: DataNode) throws(DataFileError) -> FeatureSelector {
        try node.rejectUnknownKeys(["iso", "name"])
        let iso = try node.optional("iso")
        let name = try node.optional("name")
        switch (iso, name) {
        case (let iso?, nil):
            let code = try iso.string()
            guard [2, 3].contains(code.count) else { throw iso.error("expected an ISO 3166-1 code of 2 or 3 letters") }
            return .isoCode(code)
        case (nil, let name?): return .name(try name.string())
        default: throw node.error("give exactly one of iso, name")
        }
    }

    static func circle(_ node: DataNode) throws(DataFileError) -> PolicyZoneDescription.Shape {
        try node.rejectUnknownKeys(["lat_deg", "lon_deg", "radius_m"])
        let latitudeNode = try node.required("lat_deg")
        let longitudeNode = try node.required("lon_deg")
        let radiusNode = try node.required("radius_m")
        let latitude = try latitudeNode.double()
        let longitude = try longitudeNode.double()
        let radius = try radiusNode.double()
        guard abs(latitude) <= 90 else { throw latitudeNode.error("latitude must be within -90...90") }
        guard abs(longitude) <= 180 else { throw longitudeNode.error("longitude must be within -180...180") }
        guard radius > 0 else { throw radiusNode.error("the radius must be positive") }
        return .circle(
            centre: GeodeticCoordinate(latitudeDegrees: latitude, longitudeDegrees: longitude), radiusMetres: radius)
    }

    /// `[[lon, lat], ...]` (GeoJSON order), closed here when the last vertex is not the first.
    static func ring(_ node: DataNode) throws(DataFileError) -> [GeodeticCoordinate] {
        var vertices: [GeodeticCoordinate] = []
        for element in try node.elements() {
            let pair = try element.elements()
            guard pair.count == 2 else { throw element.error("expected [longitude, latitude]") }
            let longitude = try pair[0].double()
            let latitude = try pair[1].double()
            guard abs(longitude) <= 180 else { throw pair[0].error("longitude must be within -180...180") }
            guard abs(latitude) <= 90 else { throw pair[1].error("latitude must be within -90...90") }
            vertices.append(GeodeticCoordinate(latitudeDegrees: latitude, longitudeDegrees: longitude))
        }
        if let first = vertices.first, vertices.last != first { vertices.append(first) }
        guard vertices.count >= 4 else { throw node.error("a polygon needs at least three distinct vertices") }
        return vertices
    }

    /// Compiles a zone; geometry problems are placed on the zone's shape.
    static func build(_ zone: PolicyZoneDescription, node: DataNode, document: GeoJSONDocument?)
        throws(DataFileError) -> Zone
    {
        do {
            switch zone.shape {
            case .feature(let selector):
                guard let document else { throw node.error("zones select features, but there is no geojson block") }
                return try Zone(name: zone.name, document: document, selecting: selector, bufferMetres: zone.bufferMetres)
            case .circle(let centre, let radius):
                return try Zone(name: zone.name, geometry: .circle(centre: centre, radiusMetres: radius))
            case .polygon(let ring):
                return try Zone(
                    name: zone.name,
                    geometry: ZoneGeometry(polygons: [GeoPolygon(exterior: ring)], bufferMetres: zone.bufferMetres))
            }
        } catch let error as DataFileError {
            throw error
        } catch {
            let shapeNode = ["feature", "circle", "polygon"].lazy.compactMap { node.locate($0) }.first ?? node
            throw shapeNode.error("\(error)")
        }
    }
}

extension PolicyZoneDescription {
    var isFeature: Bool {
        if case .feature = shape { return true }
        return false
    }
}
