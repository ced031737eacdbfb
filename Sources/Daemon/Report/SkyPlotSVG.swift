import Foundation
import Terminal

/// The sky plot: the serving satellites' tracks on a polar azimuth/elevation chart (zenith in
/// the middle, horizon on the rim, north up, east right), one colour per satellite, an arrow
/// at the end of each track for the direction of motion. Each satellite is named once, at
/// the end of its last track; a name that would cover another is left out (the track keeps
/// its tooltip), so that with many handovers the names do not pile up where the tracks meet.
enum SkyPlotSVG {
    /// Elevation mask drawn as a dashed circle (the FCC minimum, design notes).
    static let maskElevationDegrees = 25.0

    /// One continuous stretch of a satellite's track.
    struct Track {
        var satellite: Int32
        var points: [(azimuthDegrees: Double, elevationDegrees: Double)]
    }

    /// The tracks: runs of samples with the same serving satellite (the beam's direction).
    static func tracks(_ samples: [HistorySample]) -> [Track] {
        var tracks: [Track] = []
        for sample in samples {
            guard sample.servingIndex >= 0, sample.elevationDegrees.isFinite, sample.azimuthDegrees.isFinite else {
                if tracks.last?.points.isEmpty == false { tracks.append(Track(satellite: -1, points: [])) }
                continue
            }
            let point = (Double(sample.azimuthDegrees), Double(sample.elevationDegrees))
            if let last = tracks.last, last.satellite == sample.servingIndex {
                tracks[tracks.count - 1].points.append(point)
            } else {
                tracks.append(Track(satellite: sample.servingIndex, points: [point]))
            }
        }
        return tracks.filter { !$0.points.isEmpty }
    }

    /// The SVG, `size` pixels square.
    static func svg(_ data: SimulationReportData, size: Double = 460) -> String {
        let centre = size / 2
        let radius = size / 2 - 30
        func position(_ azimuth: Double, _ elevation: Double) -> (x: Double, y: Double) {
            let r = radius * (90 - min(max(elevation, 0), 90)) / 90
            let angle = azimuth * .pi / 180
            return (centre + r * sin(angle), centre - r * cos(angle))
        }
        var parts: [String] = []
        parts.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(size)) \(Int(size))\" width=\"\(Int(size))\" height=\"\(Int(size))\" role=\"img\" aria-label=\"sky plot of the serving satellites\">"
        )
        parts.append(
            "<defs><marker id=\"sky-heading\" viewBox=\"0 0 10 10\" refX=\"5\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"context-stroke\"/></marker></defs>"
        )
        parts.append("<rect width=\"100%\" height=\"100%\" fill=\"#fbfbfd\"/>")
        for elevation in [0.0, 30, 60] {
            let r = radius * (90 - elevation) / 90
            parts.append(
                "<circle cx=\"\(SVGText.number(centre))\" cy=\"\(SVGText.number(centre))\" r=\"\(SVGText.number(r))\" fill=\"none\" stroke=\"#ccd\" stroke-width=\"1\"/>"
            )
            parts.append(SVGText.label("\(Int(elevation))°", x: centre + 3, y: centre - r + 12, size: 10, colour: "#889"))
        }
        let mask = radius * (90 - maskElevationDegrees) / 90
        parts.append(
            "<circle cx=\"\(SVGText.number(centre))\" cy=\"\(SVGText.number(centre))\" r=\"\(SVGText.number(mask))\" fill=\"none\" stroke=\"#c8322b\" stroke-width=\"1\" stroke-dasharray=\"4 3\"><title>\(Int(maskElevationDegrees))° elevation mask</title></circle>"
        )
        for azimuth in stride(from: 0.0, to: 360, by: 30) {
            let end = position(azimuth, 0)
            parts.append(
                "<line x1=\"\(SVGText.number(centre))\" y1=\"\(SVGText.number(centre))\" x2=\"\(SVGText.number(end.x))\" y2=\"\(SVGText.number(end.y))\" stroke=\"#e2e2ea\" stroke-width=\"1\"/>"
            )
        }
        for (azimuth, name) in [(0.0, "N"), (90, "E"), (180, "S"), (270, "W")] {
            let angle = azimuth * .pi / 180
            parts.append(
                SVGText.label(
                    name, x: centre + (radius + 14) * sin(angle), y: centre - (radius + 14) * cos(angle) + 4, anchor: "middle",
                    size: 12, colour: "#445"))
        }
        let tracks = tracks(data.history)
        let colours = SVGText.satelliteColours(data.history)
        let lastTrack = Dictionary(tracks.enumerated().map { ($1.satellite, $0) }, uniquingKeysWith: { _, later in later })
        var labels: [(x: Double, y: Double, width: Double)] = []
        for (index, track) in tracks.enumerated() {
            let points = track.points.map { position($0.azimuthDegrees, $0.elevationDegrees) }
            let colour = colours[track.satellite] ?? "#888"
            let name = SVGText.escape(data.satelliteName(track.satellite))
            if points.count == 1, let only = points.first {
                parts.append(
                    "<circle cx=\"\(SVGText.number(only.x))\" cy=\"\(SVGText.number(only.y))\" r=\"2\" fill=\"\(colour)\"><title>\(name)</title></circle>"
                )
            } else {
                let list = points.map { "\(SVGText.number($0.x)),\(SVGText.number($0.y))" }.joined(separator: " ")
                parts.append(
                    "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-linecap=\"round\" marker-end=\"url(#sky-heading)\"><title>\(name)</title></polyline>"
                )
            }
            guard lastTrack[track.satellite] == index, let last = points.last else { continue }
            let text = data.satelliteName(track.satellite)
            let label = (x: last.x + 5, y: last.y - 4, width: Double(text.count) * 5.4)
            let overlaps = labels.contains { other in
                label.x < other.x + other.width && other.x < label.x + label.width && abs(label.y - other.y) < 11
            }
            guard !overlaps, label.x + label.width <= size else { continue }
            labels.append(label)
            parts.append(
                "<text x=\"\(SVGText.number(label.x))\" y=\"\(SVGText.number(label.y))\" font-size=\"9\" fill=\"\(colour)\" stroke=\"#fbfbfd\" stroke-width=\"3\" paint-order=\"stroke\">\(SVGText.escape(text))</text>"
            )
        }
        if tracks.isEmpty {
            parts.append(
                SVGText.label("no satellite was served", x: centre, y: centre, anchor: "middle", size: 13, colour: "#889"))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
