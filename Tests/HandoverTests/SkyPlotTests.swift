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
}
