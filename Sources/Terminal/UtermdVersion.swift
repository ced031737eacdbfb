/// The version of utermd.
package enum UtermdVersion {
    /// Semantic version of this build.
    package static let current = "0.1.0"
}
