import Foundation

extension Date {
    /// POSIX nanoseconds, rounded toward the past and clamped to what Int64 counts
    /// (1677-09-21 to 2262-04-11): a policy "valid until 9999" is valid until 2262 for the tick.
    package var unixNanosecondsClamped: Int64 {
        let nanoseconds = (timeIntervalSince1970 * 1e9).rounded(.down)
        if nanoseconds >= 9.223_372_036_854_775e18 { return .max }
        if nanoseconds <= -9.223_372_036_854_775e18 { return .min }
        return nanoseconds.isNaN ? .min : Int64(nanoseconds)
    }
}
