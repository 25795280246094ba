/// The software release, independent of API versions.
public enum ServiceInfo {
    public static let name = "naas"
    public static let version = "0.1.0"
}
