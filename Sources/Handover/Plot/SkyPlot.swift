import Foundation
import Orbit

/// A polar sky plot of a schedule as SVG: the zenith at the centre, the horizon at the edge,
/// north up and azimuth increasing clockwise (east to the right), elevation linear in radius.
///
/// Drawn, from the bottom up: elevation rings every 30° and azimuth spokes every 30°; the
/// obstructions (static sectors and learned cells below the obstruction threshold, shaded by
/// how blocked they are); the minimum-elevation circle (dashed red); the scan cone around the
/// boresight (dashed green, clipped at the horizon); the visible geostationary arc (dotted
/// blue); and the serving satellite's track in every served slot (start → middle → end), each
/// slot in its own colour, hue stepped by the golden angle from slot to slot so neighbours differ.
public struct SkyPlot: Sendable {
    /// Width and height of the picture, pixels.
    public var sizePixels: Double

    /// A plot `sizePixels` wide and high.
    public init(sizePixels: Double = 640) {
        self.sizePixels = max(sizePixels, 100)
    }

    /// The SVG document for `schedule`.
    public func svg(of schedule: HandoverSchedule) -> String {
        svg(
            decisions: schedule.decisions, constraints: schedule.constraints, observer: schedule.observer,
            title: "\(schedule.policy): coverage \(Int((schedule.statistics.coverageFraction * 100).rounded())) %, "
                + "\(schedule.statistics.handoverCount) handovers")
    }

    /// The SVG document for `decisions` under `constraints`; the GSO arc is drawn when
    /// `observer` is given.
    public func svg(
        decisions: [SlotDecision], constraints: CandidateConstraints, observer: GeodeticPosition?, title: String = ""
    ) -> String {
        var writer = SVGWriter()
        let size = SVGWriter.number(sizePixels)
        writer.raw(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(size)\" height=\"\(size)\" viewBox=\"0 0 \(size) \(size)\">\n")
        writer.element("title", [:], content: SVGWriter.escaped(title.isEmpty ? "sky plot" : title))
        writer.raw(
            "<defs><clipPath id=\"sky\"><circle cx=\"\(SVGWriter.number(centre))\" cy=\"\(SVGWriter.number(centre))\" "
                + "r=\"\(SVGWriter.number(radius))\"/></clipPath></defs>\n")
        writer.element("rect", ["width": size, "height": size, "fill": "white"])
        drawGrid(&writer)
        drawObstructions(constraints.obstructionMap, &writer)
        circle(elevationDegrees: constraints.minimumElevationDegrees, stroke: "#c62828", dash: "6 4", &writer)
        drawScanCone(constraints, &writer)
        if let observer { drawGeostationaryArc(GeostationaryArc(observer: observer), &writer) }
        drawTracks(decisions, &writer)
        if !title.isEmpty {
            writer.element(
                "text", ["x": "8", "y": SVGWriter.number(sizePixels - 8), "font-size": "12", "font-family": "sans-serif"],
                content: SVGWriter.escaped(title))
        }
        writer.raw("</svg>\n")
        return writer.text
    }

    private var centre: Double { sizePixels / 2 }
    private var radius: Double { sizePixels / 2 - 24 }

    /// The picture coordinates of a direction.
    func point(azimuthDegrees: Double, elevationDegrees: Double) -> (x: Double, y: Double) {
        let r = radius * (90 - elevationDegrees) / 90
        let azimuth = azimuthDegrees * SkyDirection.radiansPerDegree
        return (centre + r * sin(azimuth), centre - r * cos(azimuth))
    }

    private func circle(elevationDegrees: Double, stroke: String, dash: String?, _ writer: inout SVGWriter) {
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
        for (label, azimuth) in [("N", 0.0), ("E", 90), ("S", 180), ("W", 270)] {
            let at = point(azimuthDegrees: azimuth, elevationDegrees: -10)
            writer.element(
                "text",
                [
                    "x": SVGWriter.number(at.x), "y": SVGWriter.number(at.y + 4), "text-anchor": "middle", "font-size": "13",
                    "font-family": "sans-serif",
                ], content: label)
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

    private func drawTracks(_ decisions: [SlotDecision], _ writer: inout SVGWriter) {
        for decision in decisions {
            guard let serving = decision.serving else { continue }
            let hue = (Double(decision.slot.index) * 137.507_764).truncatingRemainder(dividingBy: 360)
            let points = [
                point(azimuthDegrees: serving.startAzimuthDegrees, elevationDegrees: serving.startElevationDegrees),
                point(azimuthDegrees: serving.middleAzimuthDegrees, elevationDegrees: serving.middleElevationDegrees),
                point(azimuthDegrees: serving.endAzimuthDegrees, elevationDegrees: serving.endElevationDegrees),
            ]
            let label =
                "\(serving.catalogNumber) \(serving.name) from \(decision.slot.start.iso8601String(fractionalSecondDigits: 0))"
            writer.element(
                "polyline",
                [
                    "points": SVGWriter.points(points), "fill": "none", "stroke": "hsl(\(SVGWriter.number(hue)),75%,42%)",
                    "stroke-width": "2.5", "stroke-linecap": "round",
                ], content: "<title>\(SVGWriter.escaped(label))</title>")
        }
    }
}
