import Foundation
import Terminal

/// The map: the route and the policy's zones, on an equirectangular projection around the
/// route (x scaled by the cosine of the middle latitude, so shapes look right near the
/// route). The sample track is coloured by the geofence action in force, and drawn thick
/// where transmit was enabled. A zone with a buffer (a territorial sea: 12 nm round the
/// coast) is drawn with it: its rings stroked `2 × buffer` wide with round joins, which on
/// this locally conformal projection is the set of points within the buffer of a boundary.
enum RouteMapSVG {
    static let width = 960.0
    static let height = 520.0
    /// Metres per degree of latitude (the mean; the map's scale bar precision).
    static let metresPerDegree = 111_320.0

    /// The view: longitude/latitude bounds.
    struct View {
        var minimumLongitude: Double
        var maximumLongitude: Double
        var minimumLatitude: Double
        var maximumLatitude: Double

        /// Around `points` with a 25 % margin and at least 0.5° each way.
        init(points: [(longitude: Double, latitude: Double)]) {
            let longitudes = points.map(\.longitude), latitudes = points.map(\.latitude)
            var west = longitudes.min() ?? -1, east = longitudes.max() ?? 1
            var south = latitudes.min() ?? -1, north = latitudes.max() ?? 1
            let margin = max(0.25, 0.25 * max(east - west, north - south))
            west -= margin
            east += margin
            south = max(-89, south - margin)
            north = min(89, north + margin)
            minimumLongitude = west
            maximumLongitude = east
            minimumLatitude = south
            maximumLatitude = north
        }
    }

    /// The SVG.
    static func svg(_ data: SimulationReportData) -> String {
        let track = data.history.filter { $0.latitudeDegrees.isFinite && $0.longitudeDegrees.isFinite }
        var points = data.route.map { ($0.longitudeDegrees, $0.latitudeDegrees) }
        points += track.map { ($0.longitudeDegrees, $0.latitudeDegrees) }
        guard !points.isEmpty else {
            return
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) 60\" width=\"\(Int(width))\" height=\"60\">"
                + SVGText.label(
                    "no position was known during the run", x: width / 2, y: 34, anchor: "middle", size: 13, colour: "#889")
                + "</svg>"
        }
        var view = View(points: points.map { (longitude: $0.0, latitude: $0.1) })
        let middleLatitude = (view.minimumLatitude + view.maximumLatitude) / 2
        let xScale = cos(middleLatitude * .pi / 180)
        // Widen the narrower dimension so the projection keeps its aspect on the canvas.
        let spanX = (view.maximumLongitude - view.minimumLongitude) * xScale
        let spanY = view.maximumLatitude - view.minimumLatitude
        if spanX / spanY > width / height {
            let extra = (spanX * height / width - spanY) / 2
            view.minimumLatitude -= extra
            view.maximumLatitude += extra
        } else {
            let extra = (spanY * width / height / xScale - (view.maximumLongitude - view.minimumLongitude)) / 2
            view.minimumLongitude -= extra
            view.maximumLongitude += extra
        }
        let pixelsPerDegree = height / (view.maximumLatitude - view.minimumLatitude)
        func project(_ longitude: Double, _ latitude: Double) -> (x: Double, y: Double) {
            ((longitude - view.minimumLongitude) * xScale * pixelsPerDegree, (view.maximumLatitude - latitude) * pixelsPerDegree)
        }
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"route and zones\">",
            "<defs><clipPath id=\"map-clip\"><rect width=\"\(Int(width))\" height=\"\(Int(height))\"/></clipPath></defs>",
            "<rect width=\"100%\" height=\"100%\" fill=\"\(RouteMapLegend.seaColour)\"/>",
            "<g clip-path=\"url(#map-clip)\">",
        ]
        parts += landPaths(view: view, project: project)
        var shownZones: [SimulationReportData.Zone] = []
        for zone in data.zones {
            let paths = zonePaths([zone], view: view, pixelsPerMetre: pixelsPerDegree / metresPerDegree, project: project)
            if !paths.isEmpty { shownZones.append(zone) }
            parts += paths
        }
        parts += graticule(view: view, project: project)
        if data.route.count > 1 {
            let list = data.route.map { project($0.longitudeDegrees, $0.latitudeDegrees) }
                .map { "\(SVGText.number($0.x)),\(SVGText.number($0.y))" }.joined(separator: " ")
            parts.append(
                "<polyline points=\"\(list)\" fill=\"none\" stroke=\"#556\" stroke-width=\"1\" stroke-dasharray=\"5 4\"><title>planned route</title></polyline>"
            )
        }
        parts += trackSegments(track, project: project)
        if let first = points.first, let last = points.last {
            let start = project(first.0, first.1), end = project(last.0, last.1)
            parts.append(
                "<circle cx=\"\(SVGText.number(start.x))\" cy=\"\(SVGText.number(start.y))\" r=\"5\" fill=\"#fff\" stroke=\"#223\" stroke-width=\"2\"><title>start</title></circle>"
            )
            parts.append(
                "<circle cx=\"\(SVGText.number(end.x))\" cy=\"\(SVGText.number(end.y))\" r=\"5\" fill=\"#223\"><title>end</title></circle>"
            )
        }
        parts.append("</g>")
        parts += RouteMapLegend.svg(zones: shownZones, track: track, hasRoute: data.route.count > 1, width: width)
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// Natural Earth's land in the view (``LandOutline``), under everything else, so that a
    /// reader tells sea (the blue background) from land.
    static func landPaths(view: View, project: (Double, Double) -> (x: Double, y: Double)) -> [String] {
        var path = ""
        for ring in LandOutline.rings(
            west: view.minimumLongitude, east: view.maximumLongitude, south: view.minimumLatitude, north: view.maximumLatitude)
        {
            var last: (x: Double, y: Double)?
            for (index, vertex) in ring.points.enumerated() {
                let point = project(vertex.longitude, vertex.latitude)
                if let previous = last, abs(point.x - previous.x) < 0.7, abs(point.y - previous.y) < 0.7,
                    index < ring.points.count - 1
                {
                    continue
                }
                path += (last == nil ? "M" : "L") + "\(SVGText.number(point.x)),\(SVGText.number(point.y))"
                last = point
            }
            path += "Z"
        }
        guard !path.isEmpty else { return [] }
        return [
            "<path d=\"\(path)\" fill=\"\(RouteMapLegend.landColour)\" stroke=\"\(RouteMapLegend.coastColour)\" stroke-width=\"0.8\"><title>land (Natural Earth 1:50m)</title></path>"
        ]
    }

    /// Zone rings that reach into the view, thinned to one vertex per pixel.
    static func zonePaths(
        _ zones: [SimulationReportData.Zone], view: View, pixelsPerMetre: Double,
        project: (Double, Double) -> (x: Double, y: Double)
    ) -> [String] {
        var parts: [String] = []
        for zone in zones {
            var path = ""
            // The buffer in degrees, to keep rings whose buffer alone reaches into the view
            // (longitude degrees shrink towards the poles: the generous bound).
            let reach = zone.bufferMetres / metresPerDegree
            let longitudeReach = reach / max(0.01, cos(max(abs(view.minimumLatitude), abs(view.maximumLatitude)) * .pi / 180))
            for ring in zone.rings where ring.count >= 3 {
                let longitudes = ring.map(\.longitudeDegrees), latitudes = ring.map(\.latitudeDegrees)
                guard let west = longitudes.min(), let east = longitudes.max(), let south = latitudes.min(),
                    let north = latitudes.max(),
                    east + longitudeReach >= view.minimumLongitude, west - longitudeReach <= view.maximumLongitude,
                    north + reach >= view.minimumLatitude, south - reach <= view.maximumLatitude
                else { continue }
                var last: (x: Double, y: Double)?
                for (index, vertex) in ring.enumerated() {
                    let point = project(vertex.longitudeDegrees, vertex.latitudeDegrees)
                    if let previous = last, abs(point.x - previous.x) < 1, abs(point.y - previous.y) < 1, index < ring.count - 1 {
                        continue
                    }
                    path += (last == nil ? "M" : "L") + "\(SVGText.number(point.x)),\(SVGText.number(point.y))"
                    last = point
                }
                path += "Z"
            }
            guard !path.isEmpty else { continue }
            let colour = SVGText.actionColour(zone.action)
            let title = SVGText.escape(
                "\(zone.name): \(zone.action)"
                    + (zone.bufferMetres > 0
                        ? String(format: " (with %.1f km round its boundary)", zone.bufferMetres / 1000) : ""))
            if zone.bufferMetres > 0 {
                // Fill and band in one tint (the group's opacity), then the boundary itself.
                let band = SVGText.number(2 * zone.bufferMetres * pixelsPerMetre)
                parts.append(
                    "<g opacity=\"0.22\"><path d=\"\(path)\" fill=\"\(colour)\" fill-rule=\"evenodd\" stroke=\"\(colour)\" stroke-width=\"\(band)\" stroke-linejoin=\"round\"><title>\(title)</title></path></g>"
                )
                parts.append(
                    "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1\" stroke-dasharray=\"3 3\"><title>\(title)</title></path>"
                )
            } else {
                parts.append(
                    "<path d=\"\(path)\" fill=\"\(colour)\" fill-opacity=\"0.22\" fill-rule=\"evenodd\" stroke=\"\(colour)\" stroke-width=\"1\"><title>\(title)</title></path>"
                )
            }
        }
        return parts
    }

    /// Lines of longitude and latitude at a round spacing, labelled.
    static func graticule(view: View, project: (Double, Double) -> (x: Double, y: Double)) -> [String] {
        let span = max(view.maximumLongitude - view.minimumLongitude, view.maximumLatitude - view.minimumLatitude)
        let step = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30].first { span / $0 <= 8 } ?? 45
        var parts: [String] = []
        var longitude = (view.minimumLongitude / step).rounded(.up) * step
        while longitude <= view.maximumLongitude {
            let top = project(longitude, view.maximumLatitude), bottom = project(longitude, view.minimumLatitude)
            parts.append(
                "<line x1=\"\(SVGText.number(top.x))\" y1=\"0\" x2=\"\(SVGText.number(bottom.x))\" y2=\"\(SVGText.number(bottom.y))\" stroke=\"#c9d3de\" stroke-width=\"0.6\"/>"
            )
            parts.append(
                SVGText.label(
                    degrees(longitude, positive: "E", negative: "W"), x: top.x + 3, y: height - 4, size: 9, colour: "#778"))
            longitude += step
        }
        var latitude = (view.minimumLatitude / step).rounded(.up) * step
        while latitude <= view.maximumLatitude {
            let west = project(view.minimumLongitude, latitude), east = project(view.maximumLongitude, latitude)
            parts.append(
                "<line x1=\"0\" y1=\"\(SVGText.number(west.y))\" x2=\"\(SVGText.number(east.x))\" y2=\"\(SVGText.number(east.y))\" stroke=\"#c9d3de\" stroke-width=\"0.6\"/>"
            )
            parts.append(
                SVGText.label(degrees(latitude, positive: "N", negative: "S"), x: 3, y: west.y - 3, size: 9, colour: "#778"))
            latitude += step
        }
        return parts
    }

    /// The sample track in segments of equal geofence action and transmit state.
    static func trackSegments(_ track: [HistorySample], project: (Double, Double) -> (x: Double, y: Double)) -> [String] {
        var parts: [String] = []
        var index = 0
        while index < track.count - 1 {
            let action = track[index].geofenceAction
            let transmitting = track[index].transmitFraction > 0.5
            var end = index + 1
            while end < track.count - 1, track[end].geofenceAction == action, (track[end].transmitFraction > 0.5) == transmitting
            {
                end += 1
            }
            // Thin the segment to about one point per pixel.
            var points: [(x: Double, y: Double)] = []
            for sample in track[index...end] {
                let point = project(sample.longitudeDegrees, sample.latitudeDegrees)
                if let last = points.last, abs(point.x - last.x) < 1, abs(point.y - last.y) < 1 { continue }
                points.append(point)
            }
            if points.count == 1, let only = points.first { points.append(only) }
            let name = StatusJSON.actionName(action)
            let list = points.map { "\(SVGText.number($0.x)),\(SVGText.number($0.y))" }.joined(separator: " ")
            parts.append(
                "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(SVGText.actionColour(name))\" stroke-width=\"\(transmitting ? 4 : 2)\" stroke-linecap=\"round\" stroke-linejoin=\"round\"><title>\(name)\(transmitting ? ", transmitting" : "")</title></polyline>"
            )
            index = end
        }
        return parts
    }

    static func degrees(_ value: Double, positive: String, negative: String) -> String {
        let magnitude = abs(value)
        let text = magnitude == magnitude.rounded() ? "\(Int(magnitude))" : SVGText.number(magnitude)
        return "\(text)°\(value < 0 ? negative : positive)"
    }
}
