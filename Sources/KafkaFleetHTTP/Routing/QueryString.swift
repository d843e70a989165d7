import Foundation

/// A query string decoded form-style, as the reference's Go server decodes it: `+` is a space, `%XX` escapes
/// are decoded, the first value of a repeated name wins (`all(_:)` reads every value).
struct QueryString: Sendable {
    private let values: [String: [String]]

    /// The parameters of a raw query (without `?`); `nil` is empty.
    init(_ query: String?) {
        var values: [String: [String]] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[Self.decode(parts[0]), default: []].append(parts.count > 1 ? Self.decode(parts[1]) : "")
        }
        self.values = values
    }

    /// The first value of a parameter, if present.
    subscript(_ name: String) -> String? { values[name]?.first }

    /// Every value of a repeatable parameter in order, or `nil` when it is absent.
    func all(_ name: String) -> [String]? { values[name] }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
