import Testing

/// Ends the running test as skipped, with its reason, for a condition known only by trying
/// (a request the kernel refuses): swift-testing's `Test.cancel` (Swift 6.3), which the run
/// reports as a skip. Older toolchains print the reason in the form the `make test` summary
/// counts (`Scripts/test-summary.sh`) and the caller returns.
func recordSkip(_ reason: String) throws {
    #if compiler(>=6.3)
        try Test.cancel(Comment(rawValue: reason))
    #else
        print("SKIPPED-AT-RUN-TIME: \(reason)")
    #endif
}
