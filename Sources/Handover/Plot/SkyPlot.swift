import Foundation
import Orbit

/// A polar sky plot of a schedule (or of passes) as SVG: the zenith at the centre, the
/// horizon at the edge, north up and azimuth increasing clockwise (east to the right),
/// elevation linear in radius, with a legend to the right of the sky.
///
/// Drawn, from the bottom up: elevation rings every 30° (labelled) and azimuth spokes every
/// 30°, N/E/S/W just outside the horizon; the obstructions (static sectors and learned cells
/// below the obstruction threshold, shaded by how blocked they are); the minimum-elevation
/// circle (dashed red); the scan cone around the boresight (dashed green, clipped at the
/// horizon); the visible geostationary arc (dotted blue); and the tracks (see
/// ``SkyPlot/Track``), one colour per satellite, each labelled once at its last point with
/// an arrow for the direction of motion.
package struct SkyPlot: Sendable {
    /// Width and height of the sky, pixels (the legend adds ``legendWidthPixels`` on the right).
    package var sizePixels: Double
    /// Width of the legend column, pixels.
    package var legendWidthPixels: Double = 330
    /// The legend's heading: what each satellite's line says.
    package var legendHeading = "satellites: number, name, UTC (×slots)"
    /// Height of the caption (the title) under the sky, pixels.
    static let captionHeightPixels = 24.0
    /// Whether to draw the dish's scan cone (a schedule's; passes are the sky's, not the dish's).
    package var drawsScanCone = true

    /// A plot `sizePixels` wide and high.
    package init(sizePixels: Double = 640) {
        self.sizePixels = max(sizePixels, 100)
    }

    /// The SVG document for `schedule`.
    package func svg(of schedule: HandoverSchedule) -> String {
        svg(
            decisions: schedule.decisions, constraints: schedule.constraints, observer: schedule.observer,
            title: "\(schedule.policy): coverage \(Int((schedule.statistics.coverageFraction * 100).rounded())) %, "
                + "\(schedule.statistics.handoverCount) handovers")
    }

    /// The SVG document for `decisions` under `constraints`: one track per serving satellite,
    /// one segment per served slot. The GSO arc is drawn when `observer` is given.
    package func svg(
        decisions: [SlotDecision], constraints: CandidateConstraints, observer: GeodeticPosition?, title: String = ""
    ) -> String {
        svg(tracks: Track.serving(decisions), constraints: constraints, observer: observer, title: title)
    }

    /// The SVG document for `tracks` under `constraints`; the GSO arc is drawn when `observer`
    /// is given.
    package func svg(tracks: [Track], constraints: CandidateConstraints, observer: GeodeticPosition?, title: String = "")
        -> String
    {
        var writer = SVGWriter()
        let width = SVGWriter.number(sizePixels + legendWidthPixels)
        let height = SVGWriter.number(sizePixels + Self.captionHeightPixels)
        writer.raw(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        )
        writer.element("title", [:], content: SVGWriter.escaped(title.isEmpty ? "sky plot" : title))
        writer.raw(
            "<defs><clipPath id=\"sky\"><circle cx=\"\(SVGWriter.number(centre))\" cy=\"\(SVGWriter.number(centre))\" "
                + "r=\"\(SVGWriter.number(radius))\"/></clipPath>"
                + "<marker id=\"heading\" viewBox=\"0 0 10 10\" refX=\"5\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\" "
                + "orient=\"auto-start-reverse\"><polygon points=\"0,0 10,5 0,10\" fill=\"context-stroke\"/></marker></defs>\n")
        writer.element("rect", ["width": width, "height": height, "fill": "white"])
        drawGrid(&writer)
        drawObstructions(constraints.obstructionMap, &writer)
        circle(elevationDegrees: constraints.minimumElevationDegrees, stroke: "#c62828", dash: "6 4", &writer)
        if drawsScanCone { drawScanCone(constraints, &writer) }
        if let observer { drawGeostationaryArc(GeostationaryArc(observer: observer), &writer) }
        drawTracks(tracks, &writer)
        drawLegend(tracks: tracks, constraints: constraints, &writer)
        if !title.isEmpty {
            writer.element(
                "text", ["x": "6", "y": SVGWriter.number(sizePixels + 14), "font-size": "12", "font-family": "sans-serif"],
                content: SVGWriter.escaped(title))
        }
        writer.raw("</svg>\n")
        return writer.text
    }

    var centre: Double { sizePixels / 2 }
    var radius: Double { sizePixels / 2 - 24 }

    /// The picture coordinates of a direction.
    func point(azimuthDegrees: Double, elevationDegrees: Double) -> (x: Double, y: Double) {
        let r = radius * (90 - elevationDegrees) / 90
        let azimuth = azimuthDegrees * SkyDirection.radiansPerDegree
        return (centre + r * sin(azimuth), centre - r * cos(azimuth))
    }

    func circle(elevationDegrees: Double, stroke: String, dash: String?, _ writer: inout SVGWriter) {
        let r = SVGWriter.number(radius * (90 - min(max(elevationDegrees, 0), 90)) / 90)
        let c = SVGWriter.number(centre)
        writer.element(
            "circle", ["cx": c, "cy": c, "r": r, "fill": "none", "stroke": stroke, "stroke-dasharray": dash ?? "none"])
    }

    private func drawGrid(_ writer: inout SVGWriter) {
        for elevation in [0.0, 30, 60] {
            circle(elevationDegrees: elevation, stroke: "#9e9e9e", dash: elevation == 0 ? nil : "2 3", &writer)
        }
        for azimuth in stride(from: 0.0, to: 360, by: 30) {
            let edge = point(azimuthDegrees: azimuth, elevationDegrees: 0)
            writer.element(
                "line",
                [
                    "x1": SVGWriter.number(centre), "y1": SVGWriter.number(centre), "x2": SVGWriter.number(edge.x),
                    "y2": SVGWriter.number(edge.y), "stroke": "#e0e0e0",
                ])
        }
        // Just outside the horizon, inside the 24-pixel margin (and so inside the viewBox).
        for (label, azimuth) in [("N", 0.0), ("E", 90), ("S", 180), ("W", 270)] {
            let angle = azimuth * SkyDirection.radiansPerDegree
            let x = centre + (radius + 12) * sin(angle), y = centre - (radius + 12) * cos(angle)
            writer.element(
                "text",
                [
                    "x": SVGWriter.number(x), "y": SVGWriter.number(y + 4.5), "text-anchor": "middle", "font-size": "13",
                    "font-weight": "bold", "font-family": "sans-serif",
                ], content: label)
        }
        // Elevation of each ring, beside the north spoke.
        for elevation in [0.0, 30, 60, 90] {
            let at = point(azimuthDegrees: 0, elevationDegrees: elevation)
            writer.element(
                "text",
                [
                    "x": SVGWriter.number(at.x + 3), "y": SVGWriter.number(at.y + (elevation == 90 ? -3 : 11)), "font-size": "10",
                    "fill": "#616161", "font-family": "sans-serif",
                ], content: "\(Int(elevation))°")
        }
    }

    /// An annular wedge between two azimuths and two elevations, as a path.
    private func wedgePath(fromAzimuth: Double, toAzimuth: Double, lowElevation: Double, highElevation: Double) -> String {
        let steps = max(1, Int(((toAzimuth - fromAzimuth) / 5).rounded(.up)))
        var outer: [(x: Double, y: Double)] = []
        var inner: [(x: Double, y: Double)] = []
        for step in 0...steps {
            let azimuth = fromAzimuth + (toAzimuth - fromAzimuth) * Double(step) / Double(steps)
            outer.append(point(azimuthDegrees: azimuth, elevationDegrees: lowElevation))
            inner.append(point(azimuthDegrees: azimuth, elevationDegrees: highElevation))
        }
        let ring = outer + inner.reversed()
        return "M " + ring.map { SVGWriter.number($0.x) + " " + SVGWriter.number($0.y) }.joined(separator: " L ") + " Z"
    }

    private func drawObstructions(_ map: ObstructionMap, _ writer: inout SVGWriter) {
        for sector in map.staticSectors {
            writer.element(
                "path",
                [
                    "d": wedgePath(
                        fromAzimuth: sector.azimuthFromDegrees, toAzimuth: sector.azimuthFromDegrees + sector.widthDegrees,
                        lowElevation: 0, highElevation: min(max(sector.maximumElevationDegrees, 0), 90)),
                    "fill": "#616161", "fill-opacity": "0.45", "stroke": "none",
                ], content: "<title>\(SVGWriter.escaped(sector.label.isEmpty ? "static obstruction" : sector.label))</title>")
        }
        for row in 0..<map.elevationBinCount {
            for column in 0..<map.azimuthBinCount {
                let quality = map.signalQuality[row * map.azimuthBinCount + column]
                guard quality >= 0, quality < map.obstructedBelowSignalQuality else { continue }
                let low = Double(row) * map.elevationBinDegrees
                let from = Double(column) * map.azimuthBinDegrees
                writer.element(
                    "path",
                    [
                        "d": wedgePath(
                            fromAzimuth: from, toAzimuth: from + map.azimuthBinDegrees, lowElevation: low,
                            highElevation: low + map.elevationBinDegrees),
                        "fill": "#212121", "fill-opacity": SVGWriter.number(0.2 + 0.6 * (1 - quality)), "stroke": "none",
                    ])
            }
        }
    }

    private func drawScanCone(_ constraints: CandidateConstraints, _ writer: inout SVGWriter) {
        let axis = constraints.boresight.unitVector
        // Two unit vectors perpendicular to the axis span the cone's circle.
        let helper = abs(axis.z) < 0.9 ? SIMD3<Double>(0, 0, 1) : SIMD3<Double>(0, 1, 0)
        var first = SIMD3(
            axis.y * helper.z - axis.z * helper.y, axis.z * helper.x - axis.x * helper.z, axis.x * helper.y - axis.y * helper.x)
        first /= (first * first).sum().squareRoot()
        let second = SIMD3(
            axis.y * first.z - axis.z * first.y, axis.z * first.x - axis.x * first.z, axis.x * first.y - axis.y * first.x)
        let angle = min(max(constraints.scanLimitDegrees, 0), 180) * SkyDirection.radiansPerDegree
        var points: [(x: Double, y: Double)] = []
        for step in 0...180 {
            let around = Double(step) * 2 * SkyDirection.radiansPerDegree
            let direction = cos(angle) * axis + sin(angle) * (cos(around) * first + sin(around) * second)
            let angles = SkyDirection.azimuthElevationDegrees(of: direction)
            points.append(point(azimuthDegrees: angles.azimuth, elevationDegrees: angles.elevation))
        }
        writer.element(
            "polyline",
            [
                "points": SVGWriter.points(points), "fill": "none", "stroke": "#2e7d32", "stroke-width": "1.5",
                "stroke-dasharray": "8 4", "clip-path": "url(#sky)",
            ])
        let centreOfCone = point(
            azimuthDegrees: constraints.boresight.azimuthDegrees, elevationDegrees: constraints.boresight.elevationDegrees)
        writer.element(
            "circle",
            ["cx": SVGWriter.number(centreOfCone.x), "cy": SVGWriter.number(centreOfCone.y), "r": "3", "fill": "#2e7d32"])
    }

    private func drawGeostationaryArc(_ arc: GeostationaryArc, _ writer: inout SVGWriter) {
        let points = arc.visibleArcDegrees.map { point(azimuthDegrees: $0.azimuthDegrees, elevationDegrees: $0.elevationDegrees) }
        guard points.count > 1 else { return }
        writer.element(
            "polyline",
            [
                "points": SVGWriter.points(points), "fill": "none", "stroke": "#1565c0", "stroke-width": "1.5",
                "stroke-dasharray": "2 3",
            ],
            content: "<title>geostationary arc</title>")
    }
}
