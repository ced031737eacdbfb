import Foundation
import SwiftProtobuf

/// The files of a descriptor set (`protoc --descriptor_set_out --include_imports`), indexed
/// for gRPC server reflection: each file by name (its serialized `FileDescriptorProto`, the
/// bytes reflection answers with), each fully-qualified symbol (message, nested message, enum,
/// enum value, field, service, method) by the file that declares it, and the services.
package struct DescriptorIndex: Sendable {
    /// A descriptor set that could not be read.
    package struct InvalidDescriptorSet: Error, CustomStringConvertible {
        /// What was wrong.
        package let description: String
    }

    private var fileBytes: [String: Data] = [:]
    private var dependencies: [String: [String]] = [:]
    private var symbolFiles: [String: String] = [:]
    /// Fully-qualified names of the services declared, in file order.
    package private(set) var serviceNames: [String] = []
    /// File names, in the set's order (dependencies before dependants).
    package private(set) var fileNames: [String] = []

    /// Indexes a serialized `FileDescriptorSet`.
    package init(serializedFileDescriptorSet bytes: Data) throws {
        let set: Google_Protobuf_FileDescriptorSet
        do { set = try Google_Protobuf_FileDescriptorSet(serializedBytes: bytes) } catch {
            throw InvalidDescriptorSet(description: "not a FileDescriptorSet: \(error)")
        }
        for file in set.file {
            guard !file.name.isEmpty else { throw InvalidDescriptorSet(description: "a file without a name") }
            fileNames.append(file.name)
            fileBytes[file.name] = try file.serializedBytes()
            dependencies[file.name] = file.dependency
            let prefix = file.package.isEmpty ? "" : file.package + "."
            if !file.package.isEmpty { symbolFiles[file.package] = symbolFiles[file.package] ?? file.name }
            for message in file.messageType { index(message, prefix: prefix, file: file.name) }
            for enumeration in file.enumType { index(enumeration, prefix: prefix, file: file.name) }
            for service in file.service {
                let name = prefix + service.name
                serviceNames.append(name)
                symbolFiles[name] = file.name
                for method in service.method { symbolFiles[name + "." + method.name] = file.name }
            }
        }
        for (file, imports) in dependencies {
            for name in imports where fileBytes[name] == nil {
                throw InvalidDescriptorSet(description: "\(file) imports \(name), which the set does not hold")
            }
        }
    }

    private mutating func index(_ message: Google_Protobuf_DescriptorProto, prefix: String, file: String) {
        let name = prefix + message.name
        symbolFiles[name] = file
        for field in message.field { symbolFiles[name + "." + field.name] = file }
        for nested in message.nestedType { index(nested, prefix: name + ".", file: file) }
        for enumeration in message.enumType { index(enumeration, prefix: name + ".", file: file) }
    }

    private mutating func index(_ enumeration: Google_Protobuf_EnumDescriptorProto, prefix: String, file: String) {
        let name = prefix + enumeration.name
        symbolFiles[name] = file
        // Enum values are scoped to the enum's parent, as in protoc.
        for value in enumeration.value { symbolFiles[prefix + value.name] = file }
    }

    /// The serialized `FileDescriptorProto` of a file, by its name (`spacex_api/device/dish.proto`).
    package func file(named name: String) -> Data? { fileBytes[name] }

    /// The name of the file that declares a fully-qualified symbol (a leading dot is ignored).
    package func fileDeclaring(symbol: String) -> String? {
        symbolFiles[symbol.hasPrefix(".") ? String(symbol.dropFirst()) : symbol]
    }

    /// Whether a fully-qualified symbol is declared.
    package func declares(symbol: String) -> Bool { fileDeclaring(symbol: symbol) != nil }

    /// `name` and every file it imports, directly or not: the file first, then its imports
    /// depth-first, each once.
    package func fileWithDependencies(_ name: String) -> [String] {
        var ordered: [String] = []
        var seen: Set<String> = []
        func visit(_ file: String) {
            guard seen.insert(file).inserted else { return }
            ordered.append(file)
            for dependency in dependencies[file] ?? [] { visit(dependency) }
        }
        visit(name)
        return ordered
    }
}
