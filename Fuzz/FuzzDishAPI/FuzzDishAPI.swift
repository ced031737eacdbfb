import DishAPI
import SwiftProtobuf

/// libFuzzer entry: the dish gRPC API's request handling, from the message bytes a gRPC
/// client sends (the HTTP/2 and gRPC framing are grpc-swift's and swift-nio's). The first
/// byte selects the service: 0 `SpaceX.API.Device.Device/Handle` (a `Request` through
/// ``DishDeviceService`` over fixed terminal data), 1 `grpc.reflection.v1` and 2 `v1alpha`
/// server reflection over the embedded descriptor set. Every answer that is not a refusal must
/// serialize again (what the server does next).
private let device = DishDeviceService(source: FixedFuzzDishSource())
private let reflection: ReflectionResponder? = {
    guard let index = try? DescriptorIndex(serializedFileDescriptorSet: DishDescriptorSet.bytes) else { return nil }
    return ReflectionResponder(index: index, services: ["SpaceX.API.Device.Device", "grpc.reflection.v1.ServerReflection"])
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDishAPI(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let message = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 3 {
    case 0:
        guard let request = try? SpaceX_API_Device_Request(serializedBytes: message) else { return 0 }
        if let response = try? device.respond(to: request) {
            precondition((try? response.serializedBytes() as [UInt8]) != nil, "a Handle response does not serialize")
        }
    case 1:
        guard let reflection, let request = try? Grpc_Reflection_V1_ServerReflectionRequest(serializedBytes: message)
        else { return 0 }
        let response = reflection.respond(to: request)
        precondition((try? response.serializedBytes() as [UInt8]) != nil, "a reflection response does not serialize")
    default:
        // As ServerReflectionServiceV1Alpha does: v1alpha's request re-read as v1's (the same
        // wire format), v1's answer re-read as v1alpha's.
        guard let reflection,
            let request = try? Grpc_Reflection_V1alpha_ServerReflectionRequest(serializedBytes: message),
            let bytes = try? request.serializedBytes() as [UInt8],
            let modern = try? Grpc_Reflection_V1_ServerReflectionRequest(serializedBytes: bytes)
        else { return 0 }
        let answer = try? reflection.respond(to: modern).serializedBytes() as [UInt8]
        precondition(
            answer.flatMap { try? Grpc_Reflection_V1alpha_ServerReflectionResponse(serializedBytes: $0) } != nil,
            "a v1alpha reflection response does not round-trip")
    }
    return 0
}
