import GRPCCore
import SwiftProtobuf

/// `grpc.reflection.v1.ServerReflection`: one bidirectional stream, one response per request.
package struct ServerReflectionServiceV1: Grpc_Reflection_V1_ServerReflection.SimpleServiceProtocol {
    private let responder: ReflectionResponder

    /// A service answering with `responder`.
    package init(responder: ReflectionResponder) { self.responder = responder }

    /// `ServerReflectionInfo`.
    package func serverReflectionInfo(
        request: RPCAsyncSequence<Grpc_Reflection_V1_ServerReflectionRequest, any Error>,
        response: RPCWriter<Grpc_Reflection_V1_ServerReflectionResponse>, context: ServerContext
    ) async throws {
        for try await message in request {
            try await response.write(responder.respond(to: message))
        }
    }
}

/// `grpc.reflection.v1alpha.ServerReflection`, which yagrc asks when `v1` is missing and older
/// clients ask first: the same messages as `v1` under another package, so each request is
/// carried over to `v1` through its wire bytes and the answer back.
package struct ServerReflectionServiceV1Alpha: Grpc_Reflection_V1alpha_ServerReflection.SimpleServiceProtocol {
    private let responder: ReflectionResponder

    /// A service answering with `responder`.
    package init(responder: ReflectionResponder) { self.responder = responder }

    /// `ServerReflectionInfo`.
    package func serverReflectionInfo(
        request: RPCAsyncSequence<Grpc_Reflection_V1alpha_ServerReflectionRequest, any Error>,
        response: RPCWriter<Grpc_Reflection_V1alpha_ServerReflectionResponse>, context: ServerContext
    ) async throws {
        for try await message in request {
            let modern = try Grpc_Reflection_V1_ServerReflectionRequest(serializedBytes: message.serializedBytes() as [UInt8])
            let answer = responder.respond(to: modern)
            try await response.write(
                Grpc_Reflection_V1alpha_ServerReflectionResponse(serializedBytes: answer.serializedBytes() as [UInt8]))
        }
    }
}
