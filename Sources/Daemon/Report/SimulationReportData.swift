import Foundation
import Terminal

/// What a report shows, as plain values: `utermd simulate --report DIR` (and `utermd report`)
/// fill one and hand it to ``ReportWriter``.
package struct SimulationReportData: Sendable {
    /// A line of the summary table.
    package struct SummaryItem: Sendable, Hashable {
        /// What (`time tracked`).
        package var label: String
        /// How much (`52 min 10 s`).
        package var value: String

        /// Builds one.
        package init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A point of the route, in time order.
    package struct RoutePoint: Sendable, Hashable {
        /// Seconds from the start of the run.
        package var seconds: Double
        /// Latitude, degrees.
        package var latitudeDegrees: Double
        /// Longitude, degrees.
        package var longitudeDegrees: Double

        /// Builds one.
        package init(seconds: Double, latitudeDegrees: Double, longitudeDegrees: Double) {
            self.seconds = seconds
            self.latitudeDegrees = latitudeDegrees
            self.longitudeDegrees = longitudeDegrees
        }
    }

    /// A zone of the policy, drawn on the map.
    package struct Zone: Sendable, Hashable {
        /// A vertex: longitude, latitude (GeoJSON order), degrees.
        package struct Vertex: Sendable, Hashable {
            /// Longitude, degrees.
            package var longitudeDegrees: Double
            /// Latitude, degrees.
            package var latitudeDegrees: Double

            /// Builds one.
            package init(longitudeDegrees: Double, latitudeDegrees: Double) {
                self.longitudeDegrees = longitudeDegrees
                self.latitudeDegrees = latitudeDegrees
            }
        }

        /// The zone's name.
        package var name: String
        /// Its action: `allow`, `receiveOnly`, `noService`.
        package var action: String
        /// Its rings (exteriors and holes alike; drawn with the even-odd rule).
        package var rings: [[Vertex]]
        /// How far round the rings the zone reaches (a territorial sea's 12 nm), metres.
        package var bufferMetres: Double

        /// Builds one.
        package init(name: String, action: String, rings: [[Vertex]], bufferMetres: Double = 0) {
            self.name = name
            self.action = action
            self.rings = rings
            self.bufferMetres = bufferMetres
        }

        /// A circle as a 72-gon (on a sphere of radius 6,371 km; good to a pixel on a map).
        package static func circle(
            name: String, action: String, centreLatitudeDegrees: Double, centreLongitudeDegrees: Double, radiusMetres: Double
        ) -> Zone {
            let angular = radiusMetres / 6_371_000
            let latitude = centreLatitudeDegrees * .pi / 180
            let ring = (0...72).map { step -> Vertex in
                let bearing = Double(step) * 5 * .pi / 180
                let pointLatitude = asin(sin(latitude) * cos(angular) + cos(latitude) * sin(angular) * cos(bearing))
                let pointLongitude =
                    centreLongitudeDegrees * .pi / 180
                    + atan2(sin(bearing) * sin(angular) * cos(latitude), cos(angular) - sin(latitude) * sin(pointLatitude))
                return Vertex(longitudeDegrees: pointLongitude * 180 / .pi, latitudeDegrees: pointLatitude * 180 / .pi)
            }
            return Zone(name: name, action: action, rings: [ring])
        }
    }

    /// A histogram of the loop's compute (or wake-up) times.
    package struct LatencyHistogram: Sendable, Hashable {
        /// What was measured (`tick compute time`).
        package var title: String
        /// Upper bound of each bucket, microseconds, increasing.
        package var bucketUpperBoundsMicroseconds: [Double]
        /// Samples per bucket.
        package var counts: [UInt64]
        /// The loop period, microseconds (a line on the plot), if known.
        package var periodMicroseconds: Double?

        /// Builds one.
        package init(title: String, bucketUpperBoundsMicroseconds: [Double], counts: [UInt64], periodMicroseconds: Double?) {
            self.title = title
            self.bucketUpperBoundsMicroseconds = bucketUpperBoundsMicroseconds
            self.counts = counts
            self.periodMicroseconds = periodMicroseconds
        }
    }

    /// An event on the timeline.
    package struct Event: Sendable, Hashable {
        /// Seconds from the start of the run.
        package var seconds: Double
        /// What happened.
        package var text: String

        /// Builds one.
        package init(seconds: Double, text: String) {
            self.seconds = seconds
            self.text = text
        }
    }

    /// The page title (the scenario's name).
    package var title: String
    /// A sentence under it.
    package var subtitle: String
    /// The summary table.
    package var summary: [SummaryItem]
    /// The 1 s samples, in time order.
    package var history: [HistorySample]
    /// Satellite names by tracker index.
    package var satelliteNames: [String]
    /// The route (empty: drawn from the samples' positions).
    package var route: [RoutePoint]
    /// The policy's zones.
    package var zones: [Zone]
    /// The loop latency histogram, if measured.
    package var latencyHistogram: LatencyHistogram?
    /// Events for the timeline.
    package var events: [Event]

    /// Builds report data.
    package init(
        title: String, subtitle: String = "", summary: [SummaryItem] = [], history: [HistorySample], satelliteNames: [String],
        route: [RoutePoint] = [], zones: [Zone] = [], latencyHistogram: LatencyHistogram? = nil, events: [Event] = []
    ) {
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.history = history
        self.satelliteNames = satelliteNames
        self.route = route
        self.zones = zones
        self.latencyHistogram = latencyHistogram
        self.events = events
    }

    /// The satellite name at a tracker index (`#index` when unknown).
    package func satelliteName(_ index: Int32) -> String {
        satelliteNames.indices.contains(Int(index)) ? satelliteNames[Int(index)] : "#\(index)"
    }
}
