import HAL
import Testing

/// Expects `body` to throw a `GPIOError` of `kind`.
func expectGPIOError(
    _ kind: GPIOError.Kind, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    let error = #expect(throws: GPIOError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error?.kind == kind, sourceLocation: sourceLocation)
}

/// Expects `body` to throw a `USBError` of `kind`; returns it.
@discardableResult
func expectUSBError(
    _ kind: USBError.Kind, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> USBError? {
    let error = #expect(throws: USBError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error?.kind == kind, sourceLocation: sourceLocation)
    return error
}
