/// Why a `search` query could not be parsed, with the reference's wording.
public struct SearchParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// A column name outside the searchable columns.
        case invalidColumn(String)
        /// A token the grammar does not allow at that point.
        case unexpectedToken(String)
        /// A `)` without its `(`.
        case unexpectedClosingBrace
        /// More joins (`and`, `or`, `not`) than allowed.
        case tooManyJoins(limit: Int)
        /// The query ended where more was expected.
        case unexpectedEnd
        /// The query ended with a `(` still open.
        case unclosedBrace
    }

    /// What went wrong.
    public var kind: Kind
    /// The 1-based byte offset of the offending token; `nil` for errors at the end of the query.
    public var position: Int?

    /// An error from its parts.
    public init(_ kind: Kind, at position: Int? = nil) {
        self.kind = kind
        self.position = position
    }

    /// The message the reference puts after `unable to list kafka requests: `.
    public var message: String {
        let detail: String
        switch kind {
        case let .invalidColumn(name):
            let valid = SearchColumn.allCases.map(\.rawValue).joined(separator: " ")
            detail = "invalid column name: '\(name)', valid values are: [\(valid)]"
        case let .unexpectedToken(token):
            detail = "unexpected token `\(token)`"
        case .unexpectedClosingBrace:
            detail = "unexpected ')'"
        case let .tooManyJoins(limit):
            detail = "maximum number of permitted joins (\(limit)) exceeded"
        case .unexpectedEnd:
            return "EOF encountered while parsing string"
        case .unclosedBrace:
            return "EOF while searching for closing brace ')'"
        }
        return "[\(position ?? 0)] error parsing the filter: \(detail)"
    }

    public var description: String { message }
}
