import Terminal

/// The timeline: serving satellite, transmit state, geofence action and terminal state
/// against time, with the run's events marked.
enum TimelineSVG {
    static let width = 960.0
    static let left = 110.0
    static let right = 20.0
    static let rowHeight = 34.0
    static let rowGap = 10.0

    /// Seconds from the first sample for each sample (UTC when known, else one per sample).
    static func times(_ samples: [HistorySample]) -> [Double] {
        guard let first = samples.first(where: { $0.utcSeconds > 0 })?.utcSeconds else {
            return samples.indices.map(Double.init)
        }
        return samples.enumerated().map { index, sample in
            sample.utcSeconds > 0 ? Double(sample.utcSeconds - first) : Double(index)
        }
    }

    /// Runs of equal `key` as (first index, end index exclusive, key).
    static func runs<Key: Equatable>(_ samples: [HistorySample], key: (HistorySample) -> Key) -> [(
        start: Int, end: Int, key: Key
    )] {
        var runs: [(start: Int, end: Int, key: Key)] = []
        for (index, sample) in samples.enumerated() {
            let value = key(sample)
            if let last = runs.last, last.key == value {
                runs[runs.count - 1].end = index + 1
            } else {
                runs.append((index, index + 1, value))
            }
        }
        return runs
    }

    static func stateColour(_ state: TerminalState) -> String {
        switch state {
        case .boot: "#bbbbbb"
        case .locating: "#8f9bb3"
        case .searching: "#e0a100"
        case .tracking: "#2e9d4f"
        case .handover: "#1f77b4"
        case .restricted: "#c8322b"
        case .fault: "#7b1fa2"
        case .stowed: "#555555"
        }
    }

    /// The SVG.
    static func svg(_ data: SimulationReportData) -> String {
        let samples = data.history
        let times = times(samples)
        let duration = max(1, (times.last ?? 0) + 1)
        let plotWidth = width - left - right
        func x(_ seconds: Double) -> Double { left + plotWidth * seconds / duration }
        func end(_ index: Int) -> Double { index < times.count ? times[index] : (times.last ?? 0) + 1 }
        let rows = ["serving", "transmit", "geofence", "state"]
        let height = 30 + Double(rows.count) * (rowHeight + rowGap) + 30 + 44
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"timeline\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"#fbfbfd\"/>",
        ]
        func top(_ row: Int) -> Double { 20 + Double(row) * (rowHeight + rowGap) }
        for (row, name) in rows.enumerated() {
            parts.append(
                SVGText.label(name, x: left - 8, y: top(row) + rowHeight / 2 + 4, anchor: "end", size: 12, colour: "#334"))
            parts.append(
                "<rect x=\"\(SVGText.number(left))\" y=\"\(SVGText.number(top(row)))\" width=\"\(SVGText.number(plotWidth))\" height=\"\(SVGText.number(rowHeight))\" fill=\"#f0f0f4\"/>"
            )
        }
        func band(_ row: Int, _ start: Int, _ stop: Int, _ colour: String, _ title: String, label: String? = nil) {
            let x0 = x(times[start]), x1 = x(end(stop))
            parts.append(
                "<rect x=\"\(SVGText.number(x0))\" y=\"\(SVGText.number(top(row)))\" width=\"\(SVGText.number(max(0.5, x1 - x0)))\" height=\"\(SVGText.number(rowHeight))\" fill=\"\(colour)\"><title>\(SVGText.escape(title))</title></rect>"
            )
            if let label, x1 - x0 > Double(label.count) * 6 + 6 {
                parts.append(
                    SVGText.label(
                        label, x: (x0 + x1) / 2, y: top(row) + rowHeight / 2 + 4, anchor: "middle", size: 10, colour: "#fff"))
            }
        }
        let colours = SVGText.satelliteColours(samples)
        for run in runs(samples, key: \.servingIndex) where run.key >= 0 {
            let name = data.satelliteName(run.key)
            band(
                0, run.start, run.end - 1, colours[run.key] ?? "#888",
                "\(name) \(SVGText.clock(times[run.start]))–\(SVGText.clock(end(run.end - 1)))", label: name)
        }
        if !samples.isEmpty {
            // One step per pixel column at most: a day of samples stays a small path.
            let columns = max(1, min(samples.count, Int(plotWidth)))
            var sums = [Double](repeating: 0, count: columns)
            var counts = [Int](repeating: 0, count: columns)
            for (index, sample) in samples.enumerated() {
                let column = min(columns - 1, Int(Double(columns) * times[index] / duration))
                sums[column] += Double(min(max(sample.transmitFraction, 0), 1))
                counts[column] += 1
            }
            var path = "M\(SVGText.number(left)),\(SVGText.number(top(1) + rowHeight))"
            for column in 0..<columns {
                let fraction = counts[column] > 0 ? sums[column] / Double(counts[column]) : 0
                let y = top(1) + rowHeight * (1 - fraction)
                let x0 = left + plotWidth * Double(column) / Double(columns)
                let x1 = left + plotWidth * Double(column + 1) / Double(columns)
                path += " L\(SVGText.number(x0)),\(SVGText.number(y)) L\(SVGText.number(x1)),\(SVGText.number(y))"
            }
            path += " L\(SVGText.number(left + plotWidth)),\(SVGText.number(top(1) + rowHeight)) Z"
            parts.append(
                "<path d=\"\(path)\" fill=\"#c8322b\" fill-opacity=\"0.8\"><title>share of ticks with transmit enabled</title></path>"
            )
        }
        for run in runs(samples, key: \.geofenceAction) {
            let action = StatusJSON.actionName(run.key)
            band(2, run.start, run.end - 1, SVGText.actionColour(action), action, label: action)
        }
        for run in runs(samples, key: \.state) {
            band(3, run.start, run.end - 1, stateColour(run.key), run.key.description, label: run.key.description)
        }
        let axisY = top(rows.count) + 4
        let step = tickStep(duration)
        // UTC when the run knew it (what a reader compares with logs), else time from the start.
        let firstUTC = samples.first(where: { $0.utcSeconds > 0 })?.utcSeconds
        parts.append(
            SVGText.label(
                firstUTC == nil ? "from start" : "UTC", x: left - 30, y: axisY + 13, anchor: "end", size: 10, colour: "#334"))
        for tick in stride(from: 0.0, through: duration, by: step) {
            parts.append(
                "<line x1=\"\(SVGText.number(x(tick)))\" y1=\"\(SVGText.number(axisY - 4))\" x2=\"\(SVGText.number(x(tick)))\" y2=\"\(SVGText.number(axisY))\" stroke=\"#556\"/>"
            )
            let text = firstUTC.map { Self.utcClock($0 + Int64(tick)) } ?? SVGText.clock(tick)
            parts.append(SVGText.label(text, x: x(tick), y: axisY + 13, anchor: "middle", size: 10, colour: "#556"))
        }
        parts += legend(samples, y: axisY + 36)
        for event in data.events where event.seconds >= 0 && event.seconds <= duration {
            let ex = x(event.seconds)
            parts.append(
                "<line x1=\"\(SVGText.number(ex))\" y1=\"14\" x2=\"\(SVGText.number(ex))\" y2=\"\(SVGText.number(axisY))\" stroke=\"#222\" stroke-width=\"1\" stroke-dasharray=\"2 2\"><title>\(SVGText.escape("\(SVGText.clock(event.seconds)) \(event.text)"))</title></line>"
            )
            parts.append(
                "<path d=\"M\(SVGText.number(ex - 4)),8 L\(SVGText.number(ex + 4)),8 L\(SVGText.number(ex)),15 Z\" fill=\"#222\"><title>\(SVGText.escape(event.text))</title></path>"
            )
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// "19:04:30" for seconds since 1970.
    static func utcClock(_ seconds: Int64) -> String {
        let day = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(day / 3_600)):\(two(day / 60 % 60)):\(two(day % 60))"
    }

    /// What the colours mean: the geofence actions and terminal states seen in the run (each
    /// serving satellite's band carries its name; the transmit row is the share of ticks).
    static func legend(_ samples: [HistorySample], y: Double) -> [String] {
        var entries: [(colour: String, text: String)] = [("#c8322b", "transmit on (share of ticks)")]
        for action in Set(samples.map { StatusJSON.actionName($0.geofenceAction) }).sorted() {
            entries.append((SVGText.actionColour(action), "geofence \(action)"))
        }
        var states: [TerminalState] = []
        for sample in samples where !states.contains(sample.state) { states.append(sample.state) }
        entries += states.map { (stateColour($0), $0.description) }
        var parts: [String] = []
        var x = left
        for entry in entries {
            let width = 16 + Double(entry.text.count) * 6 + 14
            if x + width > Self.width - right {
                break
            }
            parts.append(
                "<rect x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y - 9))\" width=\"11\" height=\"11\" fill=\"\(entry.colour)\"/>"
            )
            parts.append(SVGText.label(entry.text, x: x + 15, y: y, size: 10, colour: "#334"))
            x += width
        }
        return parts
    }

    /// A round tick spacing giving about 8 ticks.
    static func tickStep(_ duration: Double) -> Double {
        for step in [10.0, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600] where duration / step <= 10 {
            return step
        }
        return 43_200
    }
}
