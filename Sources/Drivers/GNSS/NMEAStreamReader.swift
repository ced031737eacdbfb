import Platform
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads NMEA 0183 from a receiver's serial or USB-CDC line (`/dev/ttyACM0`, `/dev/ttyUSB0`,
/// a UART) or any file descriptor, and assembles `GNSSFix`es (`NMEAFixAssembler`).
///
/// Damaged lines never stop the input or crash it: each is rejected with an `NMEAError`
/// naming the sentence, counted, and the most recent kept in `recentRejections`.
/// Use from one thread (the GNSS task, not the tick).
package final class NMEAStreamReader {
    /// Lines rejected so far.
    package private(set) var rejectedLineCount = 0
    /// The last rejections (at most `keptRejectionCount`), oldest first.
    package private(set) var recentRejections: [NMEAError] = []
    /// Sentences accepted so far.
    package private(set) var acceptedSentenceCount = 0
    /// Whether the input has ended.
    package private(set) var isAtEnd = false
    /// How many rejections `recentRejections` keeps.
    package static let keptRejectionCount = 32

    private let input: DescriptorInput
    private let closesDescriptor: Bool
    private var isClosed = false
    private var splitter = LineSplitter(maximumLineByteCount: NMEAParser.maximumLineByteCount)
    private var assembler = NMEAFixAssembler()
    private var buffer = [UInt8](repeating: 0, count: 4096)
    private let now: () -> UInt64

    /// Reads from `fileDescriptor`, closing it on `close()` when `closesDescriptor`.
    package init(
        fileDescriptor: Int32, closesDescriptor: Bool = false, now: @escaping () -> UInt64 = MonotonicTime.unsignedNanoseconds
    ) {
        input = DescriptorInput(descriptor: fileDescriptor)
        self.closesDescriptor = closesDescriptor
        self.now = now
    }

    /// Opens `path` for reading. A terminal is put in raw mode, at `baudRate` when given
    /// (a USB-CDC receiver ignores the rate; a UART needs the receiver's, often 9,600 or 38,400).
    package convenience init(path: String, baudRate: Int? = nil) throws(GNSSError) {
        let descriptor = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(operation: "open \(path)", errno: .last) }
        if isatty(descriptor) == 1 {
            var settings = termios()
            guard tcgetattr(descriptor, &settings) == 0 else {
                let code = errno
                systemClose(descriptor)
                throw .system(operation: "tcgetattr \(path)", errno: Errno(rawValue: code))
            }
            cfmakeraw(&settings)
            if let speed = Self.speed(baudRate) { _ = cfsetspeed(&settings, speed) }
            guard tcsetattr(descriptor, TCSANOW, &settings) == 0 else {
                let code = errno
                systemClose(descriptor)
                throw .system(operation: "tcsetattr \(path)", errno: Errno(rawValue: code))
            }
        }
        self.init(fileDescriptor: descriptor, closesDescriptor: true)
    }

    deinit { close() }

    /// Waits at most `timeout` for input and returns the fixes it completes (often none:
    /// one GGA per epoch). Throws `endOfInput` once the input has ended and every fix was
    /// returned.
    package func readFixes(timeout: Duration) throws(GNSSError) -> [GNSSFix] {
        guard !isAtEnd, !isClosed else { throw .endOfInput }
        var fixes: [GNSSFix] = []
        let outcome = try buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(GNSSError) in try input.read(into: bytes, timeout: timeout) }
        }.get()
        let receivedAt = now()
        switch outcome {
        case .nothingYet:
            break
        case .bytes(let count):
            buffer.withUnsafeBytes { bytes in
                splitter.append(UnsafeRawBufferPointer(rebasing: bytes[0..<count])) { take($0, receivedAt, into: &fixes) }
            }
        case .endOfInput:
            isAtEnd = true
            splitter.finish { take($0, receivedAt, into: &fixes) }
        }
        return fixes
    }

    /// Reads until the input ends (a file, a recorded log); returns every fix.
    package func readAll(timeoutPerRead: Duration = .seconds(1)) throws(GNSSError) -> [GNSSFix] {
        var fixes: [GNSSFix] = []
        while !isAtEnd {
            fixes += try readFixes(timeout: timeoutPerRead)
        }
        return fixes
    }

    /// Closes the descriptor if this reader owns it. Idempotent.
    package func close() {
        guard !isClosed else { return }
        isClosed = true
        if closesDescriptor { systemClose(input.descriptor) }
    }

    private func take(_ piece: LineSplitter.Piece, _ receivedAt: UInt64, into fixes: inout [GNSSFix]) {
        switch piece {
        case .overlong(let count):
            reject(.tooLong(sentence: "?", byteCount: count))
        case .line(let line):
            guard !line.isEmpty else { return }
            do {
                let sentence = try NMEAParser.parse(line)
                acceptedSentenceCount += 1
                if let fix = assembler.consume(sentence, receivedAtNanoseconds: receivedAt) { fixes.append(fix) }
            } catch {
                reject(error)
            }
        }
    }

    private func reject(_ error: NMEAError) {
        rejectedLineCount += 1
        recentRejections.append(error)
        if recentRejections.count > Self.keptRejectionCount { recentRejections.removeFirst() }
    }

    private static func speed(_ baudRate: Int?) -> speed_t? {
        switch baudRate {
        case 4800: speed_t(B4800)
        case 9600: speed_t(B9600)
        case 19200: speed_t(B19200)
        case 38400: speed_t(B38400)
        case 57600: speed_t(B57600)
        case 115_200: speed_t(B115200)
        case 230_400: speed_t(B230400)
        default: nil
        }
    }
}

/// `close(2)` under one name on both platforms (the classes' own `close()` shadow it).
@inline(__always)
func systemClose(_ descriptor: Int32) {
    #if canImport(Glibc)
        _ = Glibc.close(descriptor)
    #else
        _ = Darwin.close(descriptor)
    #endif
}
