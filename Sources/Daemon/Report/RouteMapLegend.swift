import Terminal

/// The route map's legend, in its top-right corner: sea and land, each zone's action, the
/// track's colours and widths, the planned route and the start and end markers.
enum RouteMapLegend {
    static let seaColour = "#dbe9f6"
    static let landColour = "#f1ecdc"
    static let coastColour = "#8c8672"

    static func svg(zones: [SimulationReportData.Zone], track: [HistorySample], hasRoute: Bool, width: Double) -> [String] {
        var rows: [(swatch: String, label: String)] = [
            ("<rect x=\"0\" y=\"-8\" width=\"22\" height=\"10\" fill=\"\(seaColour)\" stroke=\"#99a\"/>", "sea"),
            (
                "<rect x=\"0\" y=\"-8\" width=\"22\" height=\"10\" fill=\"\(landColour)\" stroke=\"\(coastColour)\"/>",
                "land (Natural Earth 1:50m)"
            ),
        ]
        for zone in zones {
            let colour = SVGText.actionColour(zone.action)
            let buffer = zone.bufferMetres > 0 ? String(format: " (boundary band %.1f km)", zone.bufferMetres / 1000) : ""
            rows.append(
                (
                    "<rect x=\"0\" y=\"-8\" width=\"22\" height=\"10\" fill=\"\(colour)\" fill-opacity=\"0.3\" stroke=\"\(colour)\"/>",
                    "zone \(zone.name)\(buffer): \(zone.action)"
                ))
        }
        let actions = Set(track.map { StatusJSON.actionName($0.geofenceAction) }).sorted()
        for action in actions {
            rows.append(
                (
                    "<line x1=\"0\" y1=\"-3\" x2=\"22\" y2=\"-3\" stroke=\"\(SVGText.actionColour(action))\" stroke-width=\"2\"/>",
                    "track where the geofence said \(action)"
                ))
        }
        if !track.isEmpty {
            rows.append(
                ("<line x1=\"0\" y1=\"-3\" x2=\"22\" y2=\"-3\" stroke=\"#555\" stroke-width=\"4\"/>", "thick: transmitting"))
        }
        if hasRoute {
            rows.append(
                ("<line x1=\"0\" y1=\"-3\" x2=\"22\" y2=\"-3\" stroke=\"#556\" stroke-dasharray=\"5 4\"/>", "planned route"))
        }
        rows.append(("<circle cx=\"6\" cy=\"-3\" r=\"4\" fill=\"#fff\" stroke=\"#223\" stroke-width=\"2\"/>", "start"))
        rows.append(("<circle cx=\"6\" cy=\"-3\" r=\"4\" fill=\"#223\"/>", "end"))
        let boxWidth = 12 + 30 + Double(rows.map(\.label.count).max() ?? 10) * 6.2
        let left = width - boxWidth - 8
        var parts = [
            "<g font-size=\"11\" font-family=\"sans-serif\">",
            "<rect x=\"\(SVGText.number(left))\" y=\"8\" width=\"\(SVGText.number(boxWidth))\" height=\"\(rows.count * 16 + 10)\" fill=\"#ffffff\" fill-opacity=\"0.88\" stroke=\"#99a\" rx=\"4\"/>",
        ]
        for (index, row) in rows.enumerated() {
            let y = 8 + 16 * Double(index + 1)
            parts.append("<g transform=\"translate(\(SVGText.number(left + 8)),\(SVGText.number(y)))\">\(row.swatch)</g>")
            parts.append(SVGText.label(row.label, x: left + 38, y: y))
        }
        parts.append("</g>")
        return parts
    }
}
