import SystemPackage

extension Errno {
    /// Whether this error means "not allowed here" rather than "broken": `EPERM`, `EACCES`,
    /// and `ENOMEM` from a memory lock limit. The loop then goes on without the setting.
    package var isPermissionLimit: Bool {
        self == .notPermitted || self == .permissionDenied || self == .noMemory
    }
}
