import SystemPackage
/// Why a GNSS input could not be read (as opposed to a bad line in it, which is rejected
/// and counted without stopping the input: see `NMEAError` and `GPSDError`).
package enum GNSSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A system call failed (`errno`).
    case system(operation: String, errno: Errno)
    /// The address is not an IPv4 address with a port.
    case invalidAddress(String)
    /// Connecting took longer than allowed.
    case connectTimedOut(String)
    /// gpsd closed the connection.
    case connectionClosed
    /// The NMEA input ended (end of a file; a USB-CDC device that went away).
    case endOfInput

    /// What failed, in words.
    package var description: String {
        switch self {
        case .system(let operation, let errno): "\(operation): \(errno.report)"
        case .invalidAddress(let address): "not an IPv4 address: \(address)"
        case .connectTimedOut(let address): "connecting to \(address) timed out"
        case .connectionClosed: "gpsd closed the connection"
        case .endOfInput: "end of NMEA input"
        }
    }
}
