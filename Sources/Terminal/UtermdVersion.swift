/// The version of utermd.
public enum UtermdVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
