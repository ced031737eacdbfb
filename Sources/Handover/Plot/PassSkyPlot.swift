import Orbit

/// `utermd passes --svg`: every pass as a track on the sky plot, rise to set, one colour per
/// satellite, labelled at its set with an arrow for the direction of motion.
package enum PassSkyPlot {
    /// Seconds between the points of a drawn pass (a LEO pass of a few minutes draws smooth).
    package static let stepSeconds = 10.0

    /// The SVG of `passes`, propagated from `elementSets` (a pass whose satellite has no set, or
    /// fails to propagate, is left out).
    package static func svg(
        _ passes: [SatellitePass], elementSets: [ElementSet], observer: GeodeticPosition, minimumElevationDegrees: Double,
        title: String
    ) -> String {
        let byNumber = Dictionary(elementSets.map { ($0.catalogNumber, $0) }, uniquingKeysWith: { first, _ in first })
        let frame = TopocentricFrame(observer: observer)
        var tracks: [SkyPlot.Track] = []
        var index: [Int: Int] = [:]
        for pass in passes.sorted(by: { $0.rise < $1.rise }) {
            guard let set = byNumber[pass.catalogNumber], let propagator = try? SGP4Propagator(elements: set) else { continue }
            let seconds = pass.set.minutes(since: pass.rise) * 60
            var points: [(azimuthDegrees: Double, elevationDegrees: Double)] = []
            var offset = 0.0
            while true {
                let instant = pass.rise.adding(seconds: min(offset, seconds))
                if let state = try? propagator.propagate(to: instant) {
                    let look = frame.lookAngles(to: state, using: TEMEToECEFTransform(at: instant))
                    points.append((look.azimuthDegrees, max(look.elevationDegrees, 0)))
                }
                if offset >= seconds { break }
                offset += stepSeconds
            }
            guard points.count >= 2 else { continue }
            let when =
                SkyPlot.Track.clock(pass.rise) + "–" + SkyPlot.Track.clock(pass.set) + " max "
                + SVGWriter.number(pass.maxElevationDegrees) + "°"
            let title =
                "\(pass.catalogNumber) \(pass.name): rise \(pass.rise.iso8601String(fractionalSecondDigits: 0)), max "
                + SVGWriter.number(pass.maxElevationDegrees) + "°"
            if let at = index[pass.catalogNumber] {
                tracks[at].segments.append(points)
                tracks[at].segmentTitles.append(title)
                tracks[at].when += "; " + when
            } else {
                index[pass.catalogNumber] = tracks.count
                tracks.append(
                    SkyPlot.Track(
                        catalogNumber: pass.catalogNumber, name: pass.name, when: when, segments: [points], segmentTitles: [title]
                    ))
            }
        }
        var plot = SkyPlot(sizePixels: 640)
        plot.drawsScanCone = false
        plot.legendHeading = "passes: number, name, rise–set UTC, highest"
        return plot.svg(
            tracks: tracks, constraints: CandidateConstraints(minimumElevationDegrees: minimumElevationDegrees),
            observer: observer,
            title: title)
    }
}
