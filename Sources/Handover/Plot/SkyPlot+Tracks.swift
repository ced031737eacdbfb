import Orbit

extension SkyPlot {
    /// One satellite's path across the sky: one or more segments (a served slot each, or a
    /// pass), drawn in the satellite's colour, labelled once at its last point.
    package struct Track: Sendable {
        /// The satellite's catalogue number: its label on the plot.
        package var catalogNumber: Int
        /// Its name, for the legend.
        package var name: String
        /// What the legend says of its time in the sky (e.g. "19:00:12–19:04:42").
        package var when: String
        /// The segments, each a list of (azimuth, elevation) in degrees, in time order.
        package var segments: [[(azimuthDegrees: Double, elevationDegrees: Double)]]
        /// The tooltip of each segment.
        package var segmentTitles: [String]

        /// A track.
        package init(
            catalogNumber: Int, name: String, when: String,
            segments: [[(azimuthDegrees: Double, elevationDegrees: Double)]], segmentTitles: [String]
        ) {
            self.catalogNumber = catalogNumber
            self.name = name
            self.when = when
            self.segments = segments
            self.segmentTitles = segmentTitles
        }

        /// The serving satellites of `decisions`, in order of first service: each served slot
        /// a segment (start → middle → end) of its satellite's track.
        package static func serving(_ decisions: [SlotDecision]) -> [Track] {
            var tracks: [Track] = []
            var index: [Int: Int] = [:]
            var last: [Int: JulianDate] = [:]
            for decision in decisions {
                guard let serving = decision.serving else { continue }
                let segment = [
                    (serving.startAzimuthDegrees, serving.startElevationDegrees),
                    (serving.middleAzimuthDegrees, serving.middleElevationDegrees),
                    (serving.endAzimuthDegrees, serving.endElevationDegrees),
                ]
                let title =
                    "\(serving.catalogNumber) \(serving.name) from \(decision.slot.start.iso8601String(fractionalSecondDigits: 0))"
                let end = decision.slot.start.adding(seconds: decision.slot.durationSeconds)
                if let at = index[serving.catalogNumber] {
                    tracks[at].segments.append(segment)
                    tracks[at].segmentTitles.append(title)
                } else {
                    index[serving.catalogNumber] = tracks.count
                    tracks.append(
                        Track(
                            catalogNumber: serving.catalogNumber, name: serving.name,
                            when: clock(decision.slot.start), segments: [segment], segmentTitles: [title]))
                }
                last[serving.catalogNumber] = end
            }
            for at in tracks.indices {
                let slots = tracks[at].segments.count
                tracks[at].when += "–" + (last[tracks[at].catalogNumber].map(clock) ?? "") + " ×\(slots)"
            }
            return tracks
        }

        /// "19:00:12".
        static func clock(_ instant: JulianDate) -> String {
            let text = instant.iso8601String(fractionalSecondDigits: 0)
            guard let t = text.firstIndex(of: "T") else { return text }
            return String(text[text.index(after: t)...].prefix(8))
        }
    }

    /// The colour of the `index`th satellite: hues a golden angle apart, so that satellites
    /// next to each other in the legend differ.
    static func colour(_ index: Int) -> String {
        let hue = (Double(index) * 137.507_764).truncatingRemainder(dividingBy: 360)
        return "hsl(\(SVGWriter.number(hue)),75%,40%)"
    }

    func drawTracks(_ tracks: [Track], _ writer: inout SVGWriter) {
        for (index, track) in tracks.enumerated() {
            let colour = Self.colour(index)
            for (number, segment) in track.segments.enumerated() {
                let points = segment.map { point(azimuthDegrees: $0.azimuthDegrees, elevationDegrees: $0.elevationDegrees) }
                let title = number < track.segmentTitles.count ? track.segmentTitles[number] : track.name
                let isLast = number == track.segments.count - 1
                writer.element(
                    "polyline",
                    isLast
                        ? [
                            "points": SVGWriter.points(points), "fill": "none", "stroke": colour, "stroke-width": "2.5",
                            "stroke-linecap": "round", "marker-end": "url(#heading)",
                        ]
                        : [
                            "points": SVGWriter.points(points), "fill": "none", "stroke": colour, "stroke-width": "2.5",
                            "stroke-linecap": "round",
                        ],
                    content: "<title>\(SVGWriter.escaped(title))</title>")
            }
        }
        // Labels last, above every track; one per satellite at the end of its last segment,
        // nudged away from the centre so that labels of tracks ending near it do not pile up.
        var placed: [(x: Double, y: Double)] = []
        for (index, track) in tracks.enumerated() {
            guard let end = track.segments.last?.last else { continue }
            var at = point(azimuthDegrees: end.azimuthDegrees, elevationDegrees: end.elevationDegrees)
            at.x += 5
            at.y -= 5
            while placed.contains(where: { abs($0.x - at.x) < 34 && abs($0.y - at.y) < 11 }) { at.y += 11 }
            placed.append(at)
            writer.element(
                "text",
                [
                    "x": SVGWriter.number(at.x), "y": SVGWriter.number(at.y), "font-size": "10", "font-family": "sans-serif",
                    "fill": Self.colour(index), "stroke": "white", "stroke-width": "3", "paint-order": "stroke",
                ], content: "\(track.catalogNumber)")
        }
    }

    /// The legend, right of the sky: each satellite's colour, number, name and time; then
    /// what the circles and shadings mean.
    func drawLegend(tracks: [Track], constraints: CandidateConstraints, _ writer: inout SVGWriter) {
        let left = sizePixels + 8
        var y = 22.0
        func text(_ content: String, x: Double, bold: Bool = false, colour: String = "#212121") {
            writer.element(
                "text",
                [
                    "x": SVGWriter.number(x), "y": SVGWriter.number(y), "font-size": "11", "font-family": "sans-serif",
                    "font-weight": bold ? "bold" : "normal", "fill": colour,
                ], content: SVGWriter.escaped(content))
        }
        text(tracks.isEmpty ? "no satellite in view" : legendHeading, x: left, bold: true)
        y += 17
        let room = max(1, Int((sizePixels - y - 100) / 15))
        for (index, track) in tracks.prefix(tracks.count > room ? room - 1 : room).enumerated() {
            let colour = Self.colour(index)
            writer.element(
                "rect",
                [
                    "x": SVGWriter.number(left), "y": SVGWriter.number(y - 6), "width": "18", "height": "4", "fill": colour,
                ])
            text("\(track.catalogNumber) \(track.name.prefix(16))  \(track.when)", x: left + 24)
            y += 15
        }
        if tracks.count > room {
            text("… and \(tracks.count - room + 1) more (hover a track for its name)", x: left + 24, colour: "#616161")
            y += 15
        }
        y += 8
        let x1 = SVGWriter.number(left), x2 = SVGWriter.number(left + 18)
        var symbols: [(String, KeyValuePairs<String, String>)] = [
            (
                "minimum elevation \(SVGWriter.number(constraints.minimumElevationDegrees))°",
                ["x1": x1, "x2": x2, "stroke": "#c62828", "stroke-dasharray": "6 4"]
            ),
            (
                "scan cone, \(SVGWriter.number(constraints.scanLimitDegrees))° around the boresight (dot)",
                ["x1": x1, "x2": x2, "stroke": "#2e7d32", "stroke-width": "1.5", "stroke-dasharray": "8 4"]
            ),
            (
                "geostationary arc (no transmit near it)",
                ["x1": x1, "x2": x2, "stroke": "#1565c0", "stroke-width": "1.5", "stroke-dasharray": "2 3"]
            ),
            (
                "obstruction (darker: more blocked)",
                ["x1": x1, "x2": x2, "stroke": "#616161", "stroke-width": "8", "stroke-opacity": "0.6"]
            ),
            (
                "arrow: direction of motion",
                ["x1": x1, "x2": x2, "stroke": "#212121", "stroke-width": "2", "marker-end": "url(#heading)"]
            ),
        ]
        if !drawsScanCone { symbols.remove(at: 1) }
        for (label, attributes) in symbols {
            var line = SVGWriter()
            line.element("line", attributes)
            // The swatch's y is the row's; KeyValuePairs cannot be extended, so it is set here.
            writer.raw(
                line.text.replacingOccurrences(
                    of: "<line ", with: "<line y1=\"\(SVGWriter.number(y - 4))\" y2=\"\(SVGWriter.number(y - 4))\" "))
            text(label, x: left + 24)
            y += 15
        }
    }
}
