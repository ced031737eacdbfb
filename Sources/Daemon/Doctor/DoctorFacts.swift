import Foundation
import HAL

/// What `utermd doctor` gathered about this machine and configuration, before judging it.
/// `DoctorChecks.findings(_:)` turns facts into findings; tests build facts directly to
/// provoke each failure, and the command gathers them live.
package struct DoctorFacts: Sendable {
    /// When the facts were gathered.
    package var now: Date
    /// The configuration file, or nil for the embedded simulated defaults.
    package var configurationFile: String?
    /// Problems loading the configuration or the files it names (each located).
    package var configurationProblems: [String] = []
    /// The configuration's `loop.fifo_priority` (nil: the normal scheduler).
    package var loopFIFOPriority: Int32?
    /// The configuration's `loop.rate_hz`.
    package var loopRateHertz = 1_000
    /// Data the configuration names.
    package var data = DataFacts()
    /// GPIO and USB.
    package var hardware = HardwareFacts()
    /// Scheduling, memory, kernel, clock, processors, ports.
    package var system = SystemFacts()

    /// Builds facts gathered at `now`.
    package init(now: Date, configurationFile: String?) {
        self.now = now
        self.configurationFile = configurationFile
    }
}

/// Element sets and the policy.
package struct DataFacts: Sendable {
    /// The element sets are generated at start-up (`element_sets: embedded`): never stale.
    package var elementSetsEmbedded = false
    /// How many element sets were loaded.
    package var elementSetCount = 0
    /// The newest epoch among them.
    package var newestElementSetEpoch: Date?
    /// The policy's name and version, once verified.
    package var policyDescription: String?
    /// Why the policy was rejected (signature, validity, version), or nil.
    package var policyRejection: String?
    /// The end of the policy's validity.
    package var policyValidUntil: Date?
    /// The operator key is the published example key.
    package var policyKeyIsExample = false

    /// No data loaded yet.
    package init() {}
}

/// What the board needs of the machine's GPIO and USB.
package struct HardwareFacts: Sendable {
    /// `simulated` or `linux`.
    package var backend = "simulated"
    /// The libgpiod loaded (`2.2.1, API v2, /usr/lib/...`), for the linux backend.
    package var libgpiod: String?
    /// Why no libgpiod could be loaded, for the linux backend.
    package var libgpiodProblem: String?
    /// One entry per chip the board names.
    package var chips: [ChipFact] = []
    /// Listing the chips failed (a chip that cannot be opened, no libgpiod).
    package var chipListProblem: String?
    /// One entry per line the board assigns.
    package var lines: [LineFact] = []
    /// One entry per USB device the board names.
    package var usbDevices: [USBFact] = []
    /// Listing USB devices failed.
    package var usbListProblem: String?

    /// Nothing gathered yet.
    package init() {}

    /// A chip the board names, and what was found under its label.
    package struct ChipFact: Sendable {
        /// The board's label.
        package var label: String
        /// The lines the board expects.
        package var expectedLineCount: Int
        /// The chip found with that label, or nil.
        package var found: GPIOChipInfo?
        /// Builds a chip fact.
        package init(label: String, expectedLineCount: Int, found: GPIOChipInfo?) {
            self.label = label
            self.expectedLineCount = expectedLineCount
            self.found = found
        }
    }

    /// A line the board assigns and whether it is free.
    package struct LineFact: Sendable {
        /// The role, e.g. `transmit_enable`.
        package var role: String
        /// Where: `pinctrl-rp1 line 17`.
        package var location: String
        /// Who holds it, when read.
        package var use: GPIOLineUse?
        /// Why it could not be read.
        package var problem: String?
        /// Builds a line fact.
        package init(role: String, location: String, use: GPIOLineUse?, problem: String? = nil) {
            self.role = role
            self.location = location
            self.use = use
            self.problem = problem
        }
    }

    /// A USB device the board names: present, and openable by this user.
    package struct USBFact: Sendable {
        /// The role, e.g. `beamformer`.
        package var role: String
        /// Vendor and product.
        package var id: USBIdentifier
        /// Listed on a bus.
        package var present: Bool
        /// Why opening it failed, or nil when it opened (or was not tried: absent).
        package var openProblem: String?
        /// Builds a USB fact.
        package init(role: String, id: USBIdentifier, present: Bool, openProblem: String? = nil) {
            self.role = role
            self.id = id
            self.present = present
            self.openProblem = openProblem
        }
    }
}
