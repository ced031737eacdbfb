/// Cuts a byte stream into lines at LF, never holding more than `maximumLineByteCount` bytes:
/// a longer run without a newline (a line of noise) is reported once and skipped up to the
/// next newline.
struct LineSplitter {
    enum Piece {
        case line(ArraySlice<UInt8>)
        case overlong(byteCount: Int)
    }

    let maximumLineByteCount: Int
    private var pending: [UInt8] = []
    private var skippedByteCount = 0

    init(maximumLineByteCount: Int) {
        self.maximumLineByteCount = maximumLineByteCount
        pending.reserveCapacity(maximumLineByteCount + 1)
    }

    /// Takes `bytes` in; calls `emit` for each complete line (CR LF stripped) or skipped run.
    mutating func append(_ bytes: UnsafeRawBufferPointer, _ emit: (Piece) -> Void) {
        for byte in bytes {
            if byte == 0x0A {
                if skippedByteCount > 0 {
                    emit(.overlong(byteCount: skippedByteCount))
                    skippedByteCount = 0
                } else {
                    var line = pending[...]
                    if line.last == 0x0D { line.removeLast() }
                    emit(.line(line))
                }
                pending.removeAll(keepingCapacity: true)
            } else if skippedByteCount > 0 {
                skippedByteCount += 1
            } else if pending.count >= maximumLineByteCount {
                skippedByteCount = pending.count + 1
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
            }
        }
    }

    /// At the end of input: the last line if it had no newline.
    mutating func finish(_ emit: (Piece) -> Void) {
        if skippedByteCount > 0 {
            emit(.overlong(byteCount: skippedByteCount))
        } else if !pending.isEmpty {
            emit(.line(pending[...]))
        }
        pending.removeAll()
        skippedByteCount = 0
    }
}
