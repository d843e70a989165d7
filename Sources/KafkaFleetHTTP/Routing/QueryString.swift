import Foundation

/// A query string decoded form-style, as the reference's Go server decodes it: `+` is a space, `%XX` escapes
/// are decoded, the first value of a repeated name wins.
struct QueryString: Sendable {
    private let values: [String: String]

    /// The parameters of a raw query (without `?`); `nil` is empty.
    init(_ query: String?) {
        var values: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            if values[name] == nil { values[name] = parts.count > 1 ? Self.decode(parts[1]) : "" }
        }
        self.values = values
    }

    /// The value of a parameter, if present.
    subscript(_ name: String) -> String? { values[name] }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
