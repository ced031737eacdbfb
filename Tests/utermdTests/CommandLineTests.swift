import Foundation
import Testing

/// Runs the built `utermd` executable as a user would and checks its output and exit status.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `utermd` binary beside the test bundle (`.build/<config>/utermd`).
    static var executable: URL { builtExecutable("utermd") }

    /// An executable of this package beside the test bundle (`.build/<config>/NAME`).
    static func builtExecutable(_ name: String) -> URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent(name)
    }

    static func utermd(_ arguments: String...) throws -> Run { try utermd(arguments) }

    static func utermd(_ arguments: [String]) throws -> Run { try run(executable, arguments) }

    /// The test bench's `utermd-hil`, apart from the firmware's binary.
    static func utermdHIL(_ arguments: String...) throws -> Run { try run(builtExecutable("utermd-hil"), arguments) }

    static func run(_ program: URL, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Both pipes at once: a child filling one pipe while the other is read would block for ever.
        let err = LockedData()
        let reader = Thread { err.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderrData = err.waitForValue()
        return Run(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: stderrData, as: UTF8.self))
    }

    @Test func versionNamesTheLinkedLibraries() throws {
        let run = try Self.utermd("version")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("utermd "))
        #if os(Linux)
            #expect(run.output.contains("libgpiod 1."))
            #expect(run.output.contains("libusb 1.0."))
        #endif
    }

    @Test func hardwareListJSONHasBothArrays() throws {
        let run = try Self.utermd("hw", "list", "--json")
        #expect(run.status == 0, "\(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["gpioChips"] is [Any])
        #expect(object["usbDevices"] is [Any])
    }

    @Test func boardCheckAcceptsThePi5Board() throws {
        let run = try Self.utermd("board", "check", "Boards/rpi5.yaml")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("valid board \"rpi5\""))
    }

    @Test func boardCheckRejectsADuplicatedLineNamingFileAndRoles() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("Boards/rpi5.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "line: 24,", with: "line: 17,")
        let file = NSTemporaryDirectory() + "utermd-dup-\(UUID().uuidString).yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try Self.utermd("board", "check", file)
        #expect(run.status != 0)
        #expect(run.errors.contains(file))
        #expect(run.errors.contains("transmit_enable") && run.errors.contains("fault_in"))
    }
}

/// Data handed from a reader thread, once.
final class LockedData: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Data?

    func set(_ data: Data) {
        condition.lock()
        value = data
        condition.broadcast()
        condition.unlock()
    }

    func waitForValue() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value ?? Data()
    }
}
