import Foundation

/// Paths of files in this repository, found from this source file's location.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func boardFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path("Boards"))
            .filter { $0.hasSuffix(".yaml") }.sorted().map { path("Boards/" + $0) }
    }
}
