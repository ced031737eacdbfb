import DishAPI
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import SwiftProtobuf
import Testing

/// Server reflection as yagrc and grpcurl use it: the file containing
/// `SpaceX.API.Device.Device`, then every dependency by file name, over `v1` and `v1alpha`.
@Suite("gRPC server reflection")
struct ReflectionTests {
    typealias Request = Grpc_Reflection_V1_ServerReflectionRequest

    static func request(_ build: (inout Request) -> Void) -> Request {
        var request = Request()
        request.host = "localhost"
        build(&request)
        return request
    }

    /// Sends `requests` on one v1 stream and returns the answers.
    static func askV1(_ client: GRPCClient<HTTP2ClientTransport.Posix>, _ requests: [Request]) async throws
        -> [Grpc_Reflection_V1_ServerReflectionResponse]
    {
        let reflection = Grpc_Reflection_V1_ServerReflection.Client(wrapping: client)
        return try await reflection.serverReflectionInfo(
            requestProducer: { writer in for request in requests { try await writer.write(request) } },
            onResponse: { response in
                var answers: [Grpc_Reflection_V1_ServerReflectionResponse] = []
                for try await message in response.messages { answers.append(message) }
                return answers
            })
    }

    static func fileNames(_ response: Grpc_Reflection_V1_ServerReflectionResponse) throws -> [String] {
        try response.fileDescriptorResponse.fileDescriptorProto.map {
            try Google_Protobuf_FileDescriptorProto(serializedBytes: $0).name
        }
    }

    @Test func yagrcsWalkFromTheServiceToEveryDependency() async throws {
        try await DishAPIClientTests.withDish { client in
            let first = try await Self.askV1(client, [Self.request { $0.fileContainingSymbol = "SpaceX.API.Device.Device" }])
            #expect(first.count == 1)
            let names = try Self.fileNames(first[0])
            #expect(names.first == "spacex_api/device/device.proto")
            #expect(first[0].originalRequest.fileContainingSymbol == "SpaceX.API.Device.Device")
            #expect(first[0].validHost == "localhost")
            let device = try Google_Protobuf_FileDescriptorProto(
                serializedBytes: first[0].fileDescriptorResponse.fileDescriptorProto[0])
            #expect(
                Set(device.dependency) == [
                    "spacex_api/common/status/status.proto", "spacex_api/device/common.proto", "spacex_api/device/dish.proto",
                ])
            #expect(device.service.map(\.name) == ["Device"])
            let requestMessage = device.messageType.first { $0.name == "Request" }
            let members = Dictionary(uniqueKeysWithValues: (requestMessage?.field ?? []).map { ($0.name, $0.number) })
            #expect(members["get_status"] == 1004 && members["get_history"] == 1007 && members["dish_stow"] == 2002)
            #expect(members["dish_get_obstruction_map"] == 2008 && members["dish_clear_obstruction_map"] == 2017)
            #expect(members["reboot"] == 1001 && members["get_location"] == 1017 && members["dish_get_context"] == 2003)
            let responseMessage = device.messageType.first { $0.name == "Response" }
            let answers = Dictionary(uniqueKeysWithValues: (responseMessage?.field ?? []).map { ($0.name, $0.number) })
            #expect(answers["status"] == 2 && answers["api_version"] == 3 && answers["dish_get_status"] == 2004)
            #expect(answers["dish_get_history"] == 2006 && answers["dish_get_context"] == 2003)
            #expect(answers["dish_get_obstruction_map"] == 2008 && answers["get_location"] == 1017)
            // Every dependency by file name, each answering with that file first.
            let dependencies = [
                "spacex_api/device/dish.proto", "spacex_api/device/common.proto", "spacex_api/common/status/status.proto",
                "spacex_api/satellites/network/ut_disablement_codes.proto",
            ]
            let files = try await Self.askV1(client, dependencies.map { name in Self.request { $0.fileByFilename = name } })
            #expect(try files.map { try Self.fileNames($0).first } == dependencies)
            // The types starlink_grpc looks up by name.
            for symbol in [
                "SpaceX.API.Device.Request", "SpaceX.API.Device.DishAlerts", "SpaceX.API.Device.DishOutage",
                "SpaceX.API.Device.DishOutage.Cause", "SpaceX.API.Device.Device.Handle",
            ] {
                let answer = try await Self.askV1(client, [Self.request { $0.fileContainingSymbol = symbol }])
                if case .errorResponse(let error) = answer[0].messageResponse {
                    Issue.record("\(symbol): \(error.errorMessage)")
                }
                #expect(!answer[0].fileDescriptorResponse.fileDescriptorProto.isEmpty, "\(symbol)")
            }
        }
    }

    @Test func listsServicesAndAnswersUnknownNamesWithNotFound() async throws {
        try await DishAPIClientTests.withDish { client in
            let answers = try await Self.askV1(
                client,
                [
                    Self.request { $0.listServices = "" }, Self.request { $0.fileByFilename = "spacex/api/device/device.proto" },
                    Self.request { $0.fileContainingSymbol = "SpaceX.API.Device.NoSuchThing" }, Request(),
                    Self.request { $0.allExtensionNumbersOfType = "SpaceX.API.Device.Request" },
                ])
            #expect(answers.count == 5)
            #expect(answers[0].listServicesResponse.service.map(\.name) == DishAPIServer.serviceNames)
            #expect(answers[1].errorResponse.errorCode == 5)
            #expect(answers[2].errorResponse.errorCode == 5)
            #expect(answers[3].errorResponse.errorCode == 3)
            #expect(answers[4].allExtensionNumbersResponse.baseTypeName == "SpaceX.API.Device.Request")
        }
    }

    @Test func v1alphaAnswersTheSame() async throws {
        try await DishAPIClientTests.withDish { client in
            let reflection = Grpc_Reflection_V1alpha_ServerReflection.Client(wrapping: client)
            var message = Grpc_Reflection_V1alpha_ServerReflectionRequest()
            message.fileContainingSymbol = "SpaceX.API.Device.DishOutage"
            let request = message
            let answers = try await reflection.serverReflectionInfo(
                requestProducer: { writer in try await writer.write(request) },
                onResponse: { response in
                    var answers: [Grpc_Reflection_V1alpha_ServerReflectionResponse] = []
                    for try await message in response.messages { answers.append(message) }
                    return answers
                })
            #expect(answers.count == 1)
            let first = try Google_Protobuf_FileDescriptorProto(
                serializedBytes: answers[0].fileDescriptorResponse.fileDescriptorProto[0])
            #expect(first.name == "spacex_api/device/dish.proto")
            #expect(first.messageType.contains { $0.name == "DishAlerts" })
        }
    }

    @Test func aDescriptorSetMissingAnImportIsRefused() throws {
        var set = Google_Protobuf_FileDescriptorSet()
        var file = Google_Protobuf_FileDescriptorProto()
        file.name = "a.proto"
        file.dependency = ["missing.proto"]
        set.file = [file]
        #expect(throws: DescriptorIndex.InvalidDescriptorSet.self) {
            try DescriptorIndex(serializedFileDescriptorSet: try set.serializedBytes())
        }
        #expect(throws: DescriptorIndex.InvalidDescriptorSet.self) {
            try DescriptorIndex(serializedFileDescriptorSet: Data([0xFF, 0xFF, 0xFF]))
        }
    }
}
