import GRPCCore

/// `SpaceX.API.Device.Device`: the dish's one unary call, `Handle(Request) returns (Response)`,
/// answered from a ``DishDataSource``.
///
/// | request member | response member |
/// |---|---|
/// | `get_status` | `dish_get_status` |
/// | `get_history` | `dish_get_history` |
/// | `get_device_info` | `get_device_info` |
/// | `get_location` | `get_location`, or PERMISSION_DENIED unless enabled |
/// | `dish_get_context` | `dish_get_context` |
/// | `dish_get_obstruction_map` | `dish_get_obstruction_map` |
/// | `dish_stow` (`unstow`) | `dish_stow` |
/// | `reboot` | `reboot` |
/// | `dish_clear_obstruction_map` | `dish_clear_obstruction_map` |
///
/// Anything else, an empty request, and the streaming `Stream` call answer UNIMPLEMENTED, as
/// the dish does for what it lacks.
package struct DishDeviceService: SpaceX_API_Device_Device.SimpleServiceProtocol {
    /// `api_version` in every response: the schema generation these protos follow (the
    /// community's captures of 2025 firmware report 28–31).
    package static let apiVersion: UInt64 = 31

    private let source: any DishDataSource

    /// A service answering from `source`.
    package init(source: any DishDataSource) {
        self.source = source
    }

    /// `Handle`: one request, one response.
    package func handle(request: SpaceX_API_Device_Request, context: ServerContext) async throws -> SpaceX_API_Device_Response {
        try respond(to: request)
    }

    /// The response to `request`, or the `RPCError` the dish answers.
    package func respond(to request: SpaceX_API_Device_Request) throws(RPCError) -> SpaceX_API_Device_Response {
        var response = SpaceX_API_Device_Response()
        response.id = request.id
        response.apiVersion = Self.apiVersion
        do {
            switch request.request {
            case .getStatus:
                response.dishGetStatus = source.status()
            case .getHistory:
                response.dishGetHistory = source.history()
            case .getDeviceInfo:
                var info = SpaceX_API_Device_GetDeviceInfoResponse()
                info.deviceInfo = source.deviceInfo()
                response.getDeviceInfo = info
            case .getLocation:
                response.getLocation = try source.location()
            case .dishGetContext:
                response.dishGetContext = source.context()
            case .dishGetObstructionMap:
                response.dishGetObstructionMap = source.obstructionMap()
            case .dishStow(let stow):
                try source.stow(unstow: stow.unstow)
                response.dishStow = SpaceX_API_Device_DishStowResponse()
            case .reboot:
                try source.reboot()
                response.reboot = SpaceX_API_Device_RebootResponse()
            case .dishClearObstructionMap:
                try source.clearObstructionMap()
                response.dishClearObstructionMap = SpaceX_API_Device_DishClearObstructionMapResponse()
            case nil:
                throw RPCError(code: .unimplemented, message: "Unimplemented: empty or unknown request")
            }
        } catch let refusal as DishAPIRefusal {
            throw Self.rpcError(refusal)
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(code: .internalError, message: "\(error)")
        }
        return response
    }

    /// `Stream`: not served (the common clients use `Handle`).
    package func stream(
        request: RPCAsyncSequence<SpaceX_API_Device_ToDevice, any Error>, response: RPCWriter<SpaceX_API_Device_FromDevice>,
        context: ServerContext
    ) async throws {
        throw RPCError(code: .unimplemented, message: "Unimplemented: Stream (use Handle)")
    }

    static func rpcError(_ refusal: DishAPIRefusal) -> RPCError {
        switch refusal {
        case .permissionDenied(let message): RPCError(code: .permissionDenied, message: message)
        case .failedPrecondition(let message): RPCError(code: .failedPrecondition, message: message)
        case .unavailable(let message): RPCError(code: .unavailable, message: message)
        }
    }
}
