import Foundation

/// Answers gRPC server reflection requests (`grpc.reflection.v1`; `v1alpha` has the same
/// messages under another package and is answered through the same wire format) from a
/// ``DescriptorIndex``:
///
/// - `file_by_filename`: that file, then its imports;
/// - `file_containing_symbol`: the declaring file, then its imports;
/// - `list_services`: every service the server hosts;
/// - `all_extension_numbers_of_type`: an empty list for a known message (the protos declare no
///   extensions);
/// - `file_containing_extension`, unknown names: an `error_response` with NOT_FOUND (5), and
///   an empty request INVALID_ARGUMENT (3), as grpc's own servers answer.
package struct ReflectionResponder: Sendable {
    /// gRPC status codes used in `error_response`.
    enum ErrorCode: Int32 {
        case invalidArgument = 3
        case notFound = 5
    }

    private let index: DescriptorIndex
    private let services: [String]

    /// A responder over `index`, listing `services` for `list_services`.
    package init(index: DescriptorIndex, services: [String]) {
        self.index = index
        self.services = services
    }

    /// The response to one request of the stream.
    package func respond(to request: Grpc_Reflection_V1_ServerReflectionRequest) -> Grpc_Reflection_V1_ServerReflectionResponse {
        var response = Grpc_Reflection_V1_ServerReflectionResponse()
        response.validHost = request.host
        response.originalRequest = request
        switch request.messageRequest {
        case .fileByFilename(let name):
            if index.file(named: name) != nil {
                response.fileDescriptorResponse = files(index.fileWithDependencies(name))
            } else {
                response.errorResponse = error(.notFound, "file not found: \(name)")
            }
        case .fileContainingSymbol(let symbol):
            if let name = index.fileDeclaring(symbol: symbol) {
                response.fileDescriptorResponse = files(index.fileWithDependencies(name))
            } else {
                response.errorResponse = error(.notFound, "symbol not found: \(symbol)")
            }
        case .listServices:
            var list = Grpc_Reflection_V1_ListServiceResponse()
            list.service = services.map { name in
                var service = Grpc_Reflection_V1_ServiceResponse()
                service.name = name
                return service
            }
            response.listServicesResponse = list
        case .allExtensionNumbersOfType(let type):
            if index.declares(symbol: type) {
                var numbers = Grpc_Reflection_V1_ExtensionNumberResponse()
                numbers.baseTypeName = type
                response.allExtensionNumbersResponse = numbers
            } else {
                response.errorResponse = error(.notFound, "type not found: \(type)")
            }
        case .fileContainingExtension(let request):
            response.errorResponse = error(
                .notFound, "extension not found: \(request.containingType) \(request.extensionNumber)")
        case nil:
            response.errorResponse = error(.invalidArgument, "empty or unknown reflection request")
        }
        return response
    }

    private func files(_ names: [String]) -> Grpc_Reflection_V1_FileDescriptorResponse {
        var response = Grpc_Reflection_V1_FileDescriptorResponse()
        response.fileDescriptorProto = names.compactMap { index.file(named: $0) }
        return response
    }

    private func error(_ code: ErrorCode, _ message: String) -> Grpc_Reflection_V1_ErrorResponse {
        var error = Grpc_Reflection_V1_ErrorResponse()
        error.errorCode = code.rawValue
        error.errorMessage = message
        return error
    }
}
