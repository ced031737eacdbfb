import Foundation
import Testing

@testable import Daemon
@testable import Terminal

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The HTML report: self-contained, four well-formed SVG pictures drawn from the samples.
@Suite struct ReportWriterTests {
    /// Ten minutes crossing into a receive-only then a no-service zone, two satellites.
    static func data() -> SimulationReportData {
        var samples: [HistorySample] = []
        for second in 0..<600 {
            var sample = HistorySample.empty
            sample.utcSeconds = 1_788_264_000 + Int64(second)
            sample.servingIndex = second < 20 ? -1 : (second < 300 ? 3 : 11)
            sample.state = second < 20 ? .searching : (second < 500 ? .tracking : .restricted)
            let azimuth: Int = 90 + second / 4
            let elevation: Int = 30 + (second % 300) / 10
            sample.azimuthDegrees = Float(azimuth)
            sample.elevationDegrees = Float(elevation)
            sample.transmitFraction = second >= 20 && second < 400 ? 1 : 0
            sample.geofenceAction = second < 400 ? 0 : (second < 500 ? 1 : 2)
            let offset: Double = Double(second) * 0.001
            sample.latitudeDegrees = 29.0 + offset
            sample.longitudeDegrees = 122.5 - offset
            samples.append(sample)
        }
        return SimulationReportData(
            title: "Port approach <test>", subtitle: "A vessel & a banned sea",
            summary: [.init(label: "time tracked", value: "8 min")], history: samples,
            satelliteNames: (0..<12).map { "STARLINK-\(1_000 + $0)" },
            route: [
                .init(seconds: 0, latitudeDegrees: 29, longitudeDegrees: 122.5),
                .init(seconds: 600, latitudeDegrees: 29.6, longitudeDegrees: 121.9),
            ],
            zones: [
                .circle(
                    name: "harbour", action: "noService", centreLatitudeDegrees: 29.6, centreLongitudeDegrees: 121.9,
                    radiusMetres: 8_000),
                .init(
                    name: "far away", action: "noService",
                    rings: [
                        [
                            .init(longitudeDegrees: 10, latitudeDegrees: 10), .init(longitudeDegrees: 11, latitudeDegrees: 10),
                            .init(longitudeDegrees: 11, latitudeDegrees: 11),
                        ]
                    ]),
            ],
            latencyHistogram: .init(
                title: "tick compute time", bucketUpperBoundsMicroseconds: (1...2_000).map(Double.init),
                counts: (1...2_000).map(Self.count), periodMicroseconds: 1_000),
            events: [.init(seconds: 400, text: "entered zone \"harbour\"")])
    }

    static func count(_ microseconds: Int) -> UInt64 {
        if microseconds < 100 { return UInt64(10_000 / microseconds) }
        return microseconds == 1_500 ? 2 : 0
    }

    static func svgs(_ html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    @Test func writesASelfContainedPage() throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("utermd-report-\(UUID().uuidString)")
        let page = try ReportWriter().write(to: directory, report: Self.data())
        #expect(page.lastPathComponent == "index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h1>Port approach &lt;test&gt;</h1>"), "titles are escaped")
        #expect(!html.contains("<script"), "no script")
        #expect(!html.contains("src="), "nothing loaded from elsewhere")
        #expect(!html.contains("href=\"http"), "no external link")
        let pictures = Self.svgs(html)
        #expect(pictures.count == 4, "timeline, sky plot, map, histogram")
        for picture in pictures {
            let parser = XMLParser(data: Data(picture.utf8))
            #expect(parser.parse(), "well-formed SVG: \(parser.parserError.map { "\($0)" } ?? "")")
        }
    }

    @Test func picturesShowTheData() {
        let data = Self.data()
        let sky = SkyPlotSVG.svg(data)
        #expect(sky.contains("STARLINK-1003"))
        #expect(sky.contains("STARLINK-1011"))
        #expect(SkyPlotSVG.tracks(data.history).map(\.satellite) == [3, 11])
        let timeline = TimelineSVG.svg(data)
        #expect(timeline.contains(">receiveOnly<"))
        #expect(timeline.contains(">RESTRICTED<"))
        #expect(timeline.contains("entered zone &quot;harbour&quot;"))
        let map = RouteMapSVG.svg(data)
        #expect(map.contains("harbour: noService"))
        #expect(!map.contains("far away"), "zones outside the view are left out")
        #expect(map.contains("allow, transmitting"))
        let histogram = LatencyHistogramSVG.svg(
            data.latencyHistogram ?? .init(title: "", bucketUpperBoundsMicroseconds: [], counts: [], periodMicroseconds: nil))
        #expect(histogram.contains("period 1000 µs"))
        #expect(
            LatencyHistogramSVG.merged(
                data.latencyHistogram ?? .init(title: "", bucketUpperBoundsMicroseconds: [], counts: [], periodMicroseconds: nil)
            ).count <= 60)
    }

    /// A territorial sea is drawn with its buffer: the ring stroked twice the buffer wide (in
    /// the map's pixels per metre), and a zone whose buffer alone reaches the view is drawn.
    @Test func theMapDrawsAZonesBuffer() throws {
        var data = Self.data()
        // A coast 0.05° (≈ 5.6 km) west of the view's western edge: only its 12 nm reach inside.
        let view = RouteMapSVG.View(points: data.route.map { (longitude: $0.longitudeDegrees, latitude: $0.latitudeDegrees) })
        let coast = view.minimumLongitude - 0.3
        data.zones = [
            .init(
                name: "coast + 12 nm", action: "noService",
                rings: [
                    [
                        .init(longitudeDegrees: coast - 1, latitudeDegrees: 28),
                        .init(longitudeDegrees: coast, latitudeDegrees: 28),
                        .init(longitudeDegrees: coast, latitudeDegrees: 31),
                        .init(longitudeDegrees: coast - 1, latitudeDegrees: 31),
                    ]
                ], bufferMetres: 22_224)
        ]
        let map = RouteMapSVG.svg(data)
        #expect(map.contains("coast + 12 nm: noService (with 22.2 km round its boundary)"))
        let widths = map.components(separatedBy: "stroke-width=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        let band = try #require(widths.max())
        // The band is 2 × 22,224 m at the map's scale: the view's height in pixels over its degrees.
        let parser = XMLParser(data: Data(map.utf8))
        #expect(parser.parse())
        #expect(band > 10, "a 44 km band is wider than the route's strokes at this scale (\(band) px)")
        let unbuffered = RouteMapSVG.svg(Self.data())
        #expect(!unbuffered.contains("round its boundary"))
    }

    @Test func emptyRunsStillDraw() throws {
        let empty = SimulationReportData(title: "empty", history: [], satelliteNames: [])
        let html = ReportWriter().html(empty)
        #expect(Self.svgs(html).count == 3)
        #expect(html.contains("no satellite was served"))
        #expect(html.contains("no position was known"))
    }

    @Test func historyDocumentsRoundTrip() throws {
        let samples = Array(Self.data().history.prefix(30))
        let text = StatusJSON.history(samples, totalSamples: 30, reportLocation: true, satelliteName: { "SAT-\($0)" }).text
        let document = try HistoryDocumentReader.read(Data(text.utf8))
        let read = document.samples
        #expect(document.satelliteNames == [3: "SAT-3"])
        #expect(read.count == 30)
        #expect(read.map(\.servingIndex) == samples.map(\.servingIndex))
        #expect(read.map(\.state) == samples.map(\.state))
        #expect(read.map(\.utcSeconds) == samples.map(\.utcSeconds))
        #expect(read[25].latitudeDegrees == samples[25].latitudeDegrees)
        #expect(throws: HistoryDocumentReader.Failure.self) { try HistoryDocumentReader.samples(from: Data("[1]".utf8)) }
        #expect(throws: HistoryDocumentReader.Failure.self) {
            try HistoryDocumentReader.samples(from: Data("{\"utc_s\": [1, 2], \"state\": [\"BOOT\"]}".utf8))
        }
    }

    /// Issue 14: a broken history file says where it breaks, as an editor counts.
    @Test func aBrokenHistoryFileSaysWhere() {
        do {
            _ = try HistoryDocumentReader.samples(from: Data("{\n  \"utc_s\": [1, 2,\n  ]]\n}".utf8))
            Issue.record("broken JSON must be refused")
        } catch {
            #expect(error.description.hasPrefix("not JSON: line 3, column "), "\(error)")
        }
    }

    /// Issue 14: the map showed no land, so a reader could not tell sea from land, and no
    /// picture said what its colours meant; the timeline counted from 0:00, not in UTC, and
    /// the histogram's y axis had no label.
    @Test func picturesSayWhatTheyShow() {
        let data = Self.data()
        let map = RouteMapSVG.svg(data)
        #expect(map.contains("<title>land (Natural Earth 1:50m)</title>"), "the Zhejiang coast is in this view")
        #expect(map.contains(">zone harbour: noService<") && map.contains(">start<") && map.contains(">sea<"))
        let timeline = TimelineSVG.svg(data)
        #expect(timeline.contains(">UTC<") && timeline.contains(">geofence allow<"))
        let histogram = LatencyHistogramSVG.svg(
            data.latencyHistogram ?? .init(title: "x", bucketUpperBoundsMicroseconds: [], counts: [], periodMicroseconds: nil))
        #expect(histogram.contains(">ticks (log scale)<"))
        let sky = SkyPlotSVG.svg(data)
        #expect(sky.contains("marker-end=\"url(#sky-heading)\""))
    }

    /// The embedded land decodes: every ring closed enough to draw, Ningbo's coast among them.
    @Test func theEmbeddedLandDecodes() {
        let rings = LandOutline.rings
        #expect(rings.count > 1_000)
        #expect(
            rings.allSatisfy { $0.points.count >= 3 && $0.west >= -180 && $0.east <= 180 && $0.south >= -90 && $0.north <= 90 })
        #expect(!LandOutline.rings(west: 121.5, east: 122.0, south: 29.7, north: 30.0).isEmpty)
        #expect(LandOutline.rings(west: -140, east: -139, south: -40, north: -39).isEmpty, "the South Pacific is sea")
    }
}
