import Foundation
import HAL

/// What `utermd doctor` gathered about this machine and configuration, before judging it.
/// `DoctorChecks.findings(_:)` turns facts into findings; tests build facts directly to
/// provoke each failure, and the command gathers them live.
public struct DoctorFacts: Sendable {
    /// When the facts were gathered.
    public var now: Date
    /// The configuration file, or nil for the embedded simulated defaults.
    public var configurationFile: String?
    /// Problems loading the configuration or the files it names (each located).
    public var configurationProblems: [String] = []
    /// The configuration's `loop.fifo_priority` (nil: the normal scheduler).
    public var loopFIFOPriority: Int32?
    /// The configuration's `loop.rate_hz`.
    public var loopRateHertz = 1_000
    /// Data the configuration names.
    public var data = DataFacts()
    /// GPIO and USB.
    public var hardware = HardwareFacts()
    /// Scheduling, memory, kernel, clock, processors, ports.
    public var system = SystemFacts()

    /// Builds facts gathered at `now`.
    public init(now: Date, configurationFile: String?) {
        self.now = now
        self.configurationFile = configurationFile
    }
}

/// Element sets and the policy.
public struct DataFacts: Sendable {
    /// The element sets are generated at start-up (`element_sets: embedded`): never stale.
    public var elementSetsEmbedded = false
    /// How many element sets were loaded.
    public var elementSetCount = 0
    /// The newest epoch among them.
    public var newestElementSetEpoch: Date?
    /// The policy's name and version, once verified.
    public var policyDescription: String?
    /// Why the policy was rejected (signature, validity, version), or nil.
    public var policyRejection: String?
    /// The end of the policy's validity.
    public var policyValidUntil: Date?
    /// The operator key is the published example key.
    public var policyKeyIsExample = false

    /// No data loaded yet.
    public init() {}
}

/// What the board needs of the machine's GPIO and USB.
public struct HardwareFacts: Sendable {
    /// `simulated` or `linux`.
    public var backend = "simulated"
    /// The libgpiod loaded (`2.2.1, API v2, /usr/lib/...`), for the linux backend.
    public var libgpiod: String?
    /// Why no libgpiod could be loaded, for the linux backend.
    public var libgpiodProblem: String?
    /// One entry per chip the board names.
    public var chips: [ChipFact] = []
    /// Listing the chips failed (a chip that cannot be opened, no libgpiod).
    public var chipListProblem: String?
    /// One entry per line the board assigns.
    public var lines: [LineFact] = []
    /// One entry per USB device the board names.
    public var usbDevices: [USBFact] = []
    /// Listing USB devices failed.
    public var usbListProblem: String?

    /// Nothing gathered yet.
    public init() {}

    /// A chip the board names, and what was found under its label.
    public struct ChipFact: Sendable {
        /// The board's label.
        public var label: String
        /// The lines the board expects.
        public var expectedLineCount: Int
        /// The chip found with that label, or nil.
        public var found: GPIOChipInfo?
        /// Builds a chip fact.
        public init(label: String, expectedLineCount: Int, found: GPIOChipInfo?) {
            self.label = label
            self.expectedLineCount = expectedLineCount
            self.found = found
        }
    }

    /// A line the board assigns and whether it is free.
    public struct LineFact: Sendable {
        /// The role, e.g. `transmit_enable`.
        public var role: String
        /// Where: `pinctrl-rp1 line 17`.
        public var location: String
        /// Who holds it, when read.
        public var use: GPIOLineUse?
        /// Why it could not be read.
        public var problem: String?
        /// Builds a line fact.
        public init(role: String, location: String, use: GPIOLineUse?, problem: String? = nil) {
            self.role = role
            self.location = location
            self.use = use
            self.problem = problem
        }
    }

    /// A USB device the board names: present, and openable by this user.
    public struct USBFact: Sendable {
        /// The role, e.g. `beamformer`.
        public var role: String
        /// Vendor and product.
        public var id: USBIdentifier
        /// Listed on a bus.
        public var present: Bool
        /// Why opening it failed, or nil when it opened (or was not tried: absent).
        public var openProblem: String?
        /// Builds a USB fact.
        public init(role: String, id: USBIdentifier, present: Bool, openProblem: String? = nil) {
            self.role = role
            self.id = id
            self.present = present
            self.openProblem = openProblem
        }
    }
}
