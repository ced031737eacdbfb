import Terminal

/// What a state-changing request did: the status code to answer and a JSON body.
package struct CommandOutcome: Sendable {
    /// 200, 202, 409, 422, 503 ...
    package var status: Int
    /// The response body.
    package var body: JSONValue

    /// Builds an outcome.
    package init(status: Int, body: JSONValue) {
        self.status = status
        self.body = body
    }

    /// 202 `{"accepted": true, "message": ...}`.
    package static func accepted(_ message: String) -> CommandOutcome {
        CommandOutcome(status: 202, body: .object([("accepted", .bool(true)), ("message", .string(message))]))
    }
}

/// Where the status API gets each resource, and what its commands do: closures, so the API
/// can be tested without a terminal (and the daemon wires them to ``TelemetryFeed`` and its
/// own controls).
package struct StatusProviders: Sendable {
    /// `/status`.
    package var status: @Sendable () -> DaemonStatus
    /// `/history?limit=N`: (samples oldest first, samples ever).
    package var history: @Sendable (_ limit: Int?) -> (samples: [HistorySample], total: UInt64)
    /// `/obstructions`.
    package var obstructions: @Sendable () -> ObstructionSummary
    /// `/metrics`: Prometheus text.
    package var metrics: @Sendable () -> String
    /// `POST /stow` (reason, if the body gave one).
    package var stow: @Sendable (_ reason: String?) -> CommandOutcome
    /// `POST /unstow` (reason, if given): lifts a `POST /stow`.
    package var unstow: @Sendable (_ reason: String?) -> CommandOutcome
    /// `POST /reboot` (reason, if given).
    package var reboot: @Sendable (_ reason: String?) -> CommandOutcome
    /// `POST /obstructions/reset` (reason, if given): forgets the learned obstruction map.
    package var resetObstructions: @Sendable (_ reason: String?) -> CommandOutcome
    /// `POST /policy` with the signed bundle's bytes.
    package var policy: @Sendable (_ bundle: [UInt8]) -> CommandOutcome
    /// `POST /elements/reload`: reads the configured element-set file again.
    package var reloadElements: @Sendable () -> CommandOutcome
    /// Whether `/history` includes positions.
    package var reportLocation: Bool
    /// The name of a satellite by tracker index (for `/history`'s `serving_name`).
    package var satelliteName: @Sendable (Int32) -> String?

    /// Builds the providers.
    package init(
        status: @escaping @Sendable () -> DaemonStatus,
        history: @escaping @Sendable (_ limit: Int?) -> (samples: [HistorySample], total: UInt64),
        obstructions: @escaping @Sendable () -> ObstructionSummary, metrics: @escaping @Sendable () -> String,
        stow: @escaping @Sendable (_ reason: String?) -> CommandOutcome,
        unstow: @escaping @Sendable (_ reason: String?) -> CommandOutcome = { _ in
            CommandOutcome(status: 501, body: .object([("error", .string("unstow is not available"))]))
        },
        reboot: @escaping @Sendable (_ reason: String?) -> CommandOutcome,
        policy: @escaping @Sendable (_ bundle: [UInt8]) -> CommandOutcome,
        resetObstructions: @escaping @Sendable (_ reason: String?) -> CommandOutcome = { _ in
            CommandOutcome(status: 501, body: .object([("error", .string("no obstruction map is learned"))]))
        },
        reloadElements: @escaping @Sendable () -> CommandOutcome = {
            CommandOutcome(status: 501, body: .object([("error", .string("element sets cannot be reloaded here"))]))
        },
        reportLocation: Bool,
        satelliteName: @escaping @Sendable (Int32) -> String? = { _ in nil }
    ) {
        self.satelliteName = satelliteName
        self.status = status
        self.history = history
        self.obstructions = obstructions
        self.metrics = metrics
        self.stow = stow
        self.unstow = unstow
        self.reboot = reboot
        self.resetObstructions = resetObstructions
        self.policy = policy
        self.reloadElements = reloadElements
        self.reportLocation = reportLocation
    }
}
