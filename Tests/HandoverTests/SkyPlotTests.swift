import Foundation
import Orbit
import Testing

@testable import Handover

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The SVG sky plot: well-formed, one coloured track per served slot, the circles and
/// outlines it promises, in the promised projection.
@Suite struct SkyPlotTests {
    final class ElementCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            counts[name, default: 0] += 1
        }
    }

    @Test func aScheduleBecomesAWellFormedPolarPlot() throws {
        var constraints = CandidateConstraints(boresight: DishBoresight(azimuthDegrees: 0, elevationDegrees: 65))
        constraints.obstructionMap = ObstructionMap(staticSectors: [
            ObstructionSector(
                label: "house & garage", azimuthFromDegrees: 200, azimuthToDegrees: 240, maximumElevationDegrees: 30)
        ])
        constraints.obstructionMap.record(signalQuality: 0.1, azimuthDegrees: 100, elevationDegrees: 50)
        var scheduler = HandoverScheduler(
            ephemeris: ConstellationEphemeris(elementSets: Fixtures.shell1), observer: Fixtures.seattle, constraints: constraints)
        let schedule = scheduler.schedule(from: Fixtures.start, to: Fixtures.start.adding(seconds: 600))
        let served = schedule.decisions.filter { $0.serving != nil }.count
        #expect(served > 0)
        let svg = SkyPlot(sizePixels: 640).svg(of: schedule)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("house &amp; garage"))

        let parser = XMLParser(data: Data(svg.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        // Tracks, the scan cone and the GSO arc are polylines.
        #expect(counter.counts["polyline"] == served + 2)
        // Static sector and the one learned cell.
        #expect(counter.counts["path"] == 2)
        #expect(svg.components(separatedBy: "stroke=\"hsl(").count - 1 == served)
        // Minimum-elevation circle: radius (90 − 25) / 90 of the horizon's (640 / 2 − 24 = 296).
        #expect(svg.contains("r=\"\(SVGWriter.number(296 * 65 / 90))\" fill=\"none\" stroke=\"#c62828\""))
    }

    /// North up, east right, zenith in the middle, horizon at the edge.
    @Test func projection() {
        let plot = SkyPlot(sizePixels: 500)
        let zenith = plot.point(azimuthDegrees: 123, elevationDegrees: 90)
        #expect(zenith.x == 250 && zenith.y == 250)
        let north = plot.point(azimuthDegrees: 0, elevationDegrees: 0)
        #expect(abs(north.x - 250) < 1e-9 && abs(north.y - 24) < 1e-9)
        let east = plot.point(azimuthDegrees: 90, elevationDegrees: 45)
        #expect(abs(east.x - (250 + 113)) < 1e-9 && abs(east.y - 250) < 1e-9)
        #expect(SVGWriter.number(-0.04) == "0" && SVGWriter.number(-0.06) == "-0.1" && SVGWriter.number(12.25) == "12.3")
        #expect(SVGWriter.number(1e300) == "1000000000000" && SVGWriter.number(-.infinity) == "0", "huge or infinite: no trap")
    }

    final class AttributeCollector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var texts: [String] = []
        var inText = false
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append((name, attributes))
            inText = name == "text"
            if inText { texts.append("") }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { texts[texts.count - 1] += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            inText = false
        }
    }

    /// Issue 14: N/E/S/W were drawn outside the viewBox (invisible), rings had no labels,
    /// there was no legend, and each 15 s slot had its own colour, so one satellite looked
    /// like eight. Every label is inside the picture, rings say their elevation, and there is
    /// one colour, one label and one legend line per satellite.
    @Test func labelsLegendAndOneColourPerSatellite() throws {
        var scheduler = HandoverScheduler(
            ephemeris: ConstellationEphemeris(elementSets: Fixtures.shell1), observer: Fixtures.seattle,
            constraints: CandidateConstraints(boresight: DishBoresight(azimuthDegrees: 0, elevationDegrees: 65)))
        let schedule = scheduler.schedule(from: Fixtures.start, to: Fixtures.start.adding(seconds: 600))
        let satellites = Set(schedule.decisions.compactMap { $0.serving?.catalogNumber })
        try #require(satellites.count >= 2)
        let svg = SkyPlot(sizePixels: 640).svg(of: schedule)
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = AttributeCollector()
        parser.delegate = collector
        #expect(parser.parse())
        let root = try #require(collector.elements.first { $0.name == "svg" }?.attributes["viewBox"])
        let box = root.split(separator: " ").compactMap { Double($0) }
        try #require(box.count == 4)
        for text in collector.elements where text.name == "text" {
            let x = Double(text.attributes["x"] ?? "") ?? -1, y = Double(text.attributes["y"] ?? "") ?? -1
            #expect(x >= 0 && x <= box[2] && y >= 10 && y <= box[3], "text at \(x),\(y) outside 0 0 \(box[2]) \(box[3])")
        }
        for label in ["N", "E", "S", "W", "30°", "60°"] { #expect(collector.texts.contains(label), "\(label)") }
        let trackColours = Set(
            collector.elements.filter { $0.name == "polyline" }.compactMap { $0.attributes["stroke"] }
                .filter { $0.hasPrefix("hsl(") })
        #expect(trackColours.count == satellites.count, "one colour per satellite")
        for number in satellites {
            #expect(collector.texts.filter { $0 == "\(number)" }.count == 1, "\(number) labelled once on the sky")
            #expect(collector.texts.contains { $0.hasPrefix("\(number) ") }, "\(number) in the legend")
        }
        #expect(collector.texts.contains { $0.hasPrefix("minimum elevation") })
    }
}
