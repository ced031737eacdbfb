import HAL
import Platform

/// Hands the latest phase codes from the tick to the beamformer driver thread.
///
/// Latest-value semantics: the driver applies the newest codes posted; codes posted while it
/// was busy and replaced before it looked are skipped, which is right for steering (only the
/// present pointing matters).
///
/// Lock-based, deliberately: the driver thread is not real-time, and the tick side never
/// waits: `post` uses a try-lock and, when the driver holds the lock (while copying the codes
/// out, a few microseconds), returns `.busy` so the tick posts again next tick. (The
/// RealTime module has a wait-free triple buffer, but Drivers does not depend on RealTime.)
package final class BeamSteeringMailbox: @unchecked Sendable {
    // `@unchecked Sendable`: every field is touched only under `lock`.

    /// What `post` did.
    package enum PostResult: Sendable, Hashable {
        /// Posted as version `version`.
        case posted(version: UInt64)
        /// The driver held the lock; nothing posted (post again next tick).
        case busy
        /// The codes are not one per element; nothing posted.
        case wrongElementCount(expected: Int, received: Int)
    }

    /// Codes expected per post: one per element.
    package let elementCount: Int
    private let lock = ConditionLock()
    private var codes: [BeamformerChannelCode]
    private var version: UInt64 = 0
    private var postedAtNanoseconds: UInt64 = 0

    /// A mailbox for an array of `elementCount` elements; nothing posted yet.
    package init(elementCount: Int) {
        self.elementCount = max(0, elementCount)
        codes = Array(repeating: .zero, count: self.elementCount)
    }

    /// Posts the codes of every element (tick side). Never waits; allocates nothing.
    package func post(_ newCodes: UnsafeBufferPointer<BeamformerChannelCode>, atNanoseconds now: UInt64) -> PostResult {
        guard newCodes.count == elementCount else { return .wrongElementCount(expected: elementCount, received: newCodes.count) }
        guard lock.tryLock() else { return .busy }
        codes.withUnsafeMutableBufferPointer { storage in
            guard let base = storage.baseAddress, let source = newCodes.baseAddress else { return }
            base.update(from: source, count: newCodes.count)
        }
        version += 1
        postedAtNanoseconds = now
        let posted = version
        lock.unlock()
        lock.signal()
        return .posted(version: posted)
    }

    /// Posts `newCodes` (a convenience over the buffer form).
    package func post(_ newCodes: [BeamformerChannelCode], atNanoseconds now: UInt64) -> PostResult {
        newCodes.withUnsafeBufferPointer { post($0, atNanoseconds: now) }
    }

    /// The version of the last post (0: none yet).
    package var latestVersion: UInt64 { lock.withLock { version } }

    /// Driver side: when a version newer than `version` was posted, copies its codes into
    /// `buffer` (resized to `elementCount`) and returns its version and post time.
    func takeLatest(newerThan known: UInt64, into buffer: inout [BeamformerChannelCode]) -> (
        version: UInt64, postedAtNanoseconds: UInt64
    )? {
        lock.withLock {
            guard version > known else { return nil }
            if buffer.count != elementCount { buffer = Array(repeating: .zero, count: elementCount) }
            buffer.withUnsafeMutableBufferPointer { target in
                codes.withUnsafeBufferPointer { source in
                    guard let base = target.baseAddress, let from = source.baseAddress else { return }
                    base.update(from: from, count: source.count)
                }
            }
            return (version, postedAtNanoseconds)
        }
    }

    /// Driver side: waits until a version newer than `known` is posted, at most
    /// `timeoutNanoseconds`; returns whether one is.
    func waitForPost(newerThan known: UInt64, timeoutNanoseconds: UInt64) -> Bool {
        lock.withLock {
            if version <= known, timeoutNanoseconds > 0 { lock.wait(timeoutNanoseconds: timeoutNanoseconds) }
            return version > known
        }
    }
}
