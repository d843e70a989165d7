/// Parses the `search` parameter of the kafka list into a `SearchExpression`, following the reference's
/// grammar token by token so that every refusal carries the reference's message and position.
///
/// `and` binds tighter than `or` (the reference hands the text to SQL); both associate to the left;
/// parentheses group. At most `maximumJoins` of `and`, `or` and `not` are allowed.
public enum SearchParser {
    /// The most joins a query may have.
    public static let maximumJoins = 10

    /// The tree of `text`, or the reason it is not a query.
    public static func parse(_ text: String) throws(SearchParseError) -> SearchExpression {
        var machine = Machine()
        for token in SearchScanner.tokens(of: text) {
            try machine.consume(token)
        }
        return try machine.finish()
    }

    /// Where the grammar stands after the last token.
    private enum State {
        case start, groupOpen, column, comparisonOperator, not, membership, listOpen, listValue, listComma
        case value, groupClose, join
    }

    /// A partly read level of parentheses: the `or` terms so far and the `and` chain being built.
    private struct Frame {
        var orTerms: [SearchExpression] = []
        var andChain: SearchExpression?

        mutating func add(_ term: SearchExpression) {
            andChain = andChain.map { .and($0, term) } ?? term
        }

        mutating func closeAndChain() {
            if let chain = andChain { orTerms.append(chain) }
            andChain = nil
        }

        func reduced() -> SearchExpression? {
            var terms = orTerms
            if let chain = andChain { terms.append(chain) }
            guard let first = terms.first else { return nil }
            return terms.dropFirst().reduce(first) { .or($0, $1) }
        }
    }

    private struct Machine {
        var state = State.start
        var frames = [Frame()]
        var openBraces = 0
        var joins = 0
        var column = SearchColumn.name
        var comparison = SearchOperator.equal
        var negated = false
        var listValues: [String] = []

        mutating func consume(_ token: SearchToken) throws(SearchParseError) {
            let text = token.text
            let lower = text.lowercased()
            let unexpected = SearchParseError(.unexpectedToken(text), at: token.position)
            switch state {
            case .start, .groupOpen, .join:
                if text == "(" {
                    openBraces += 1
                    frames.append(Frame())
                    state = .groupOpen
                } else if Self.isColumnName(text) {
                    guard let column = SearchColumn(rawValue: lower) else {
                        throw SearchParseError(.invalidColumn(text), at: token.position)
                    }
                    self.column = column
                    state = .column
                } else {
                    throw unexpected
                }
            case .column:
                switch lower {
                case "=": comparison = .equal; state = .comparisonOperator
                case "<>": comparison = .notEqual; state = .comparisonOperator
                case "like": comparison = .like; state = .comparisonOperator
                case "ilike": comparison = .ilike; state = .comparisonOperator
                case "in": negated = false; state = .membership
                case "not":
                    try countJoin(at: token.position)
                    negated = true
                    state = .not
                default: throw unexpected
                }
            case .not:
                guard lower == "in" else { throw unexpected }
                state = .membership
            case .membership:
                guard text == "(" else { throw unexpected }
                openBraces += 1
                listValues = []
                state = .listOpen
            case .comparisonOperator:
                guard let value = Self.value(of: text) else { throw unexpected }
                frames[frames.count - 1].add(.comparison(column, comparison, value))
                state = .value
            case .listOpen, .listComma:
                guard let value = Self.value(of: text) else { throw unexpected }
                listValues.append(value)
                state = .listValue
            case .listValue:
                if text == "," {
                    state = .listComma
                } else if text == ")" {
                    openBraces -= 1
                    frames[frames.count - 1].add(.membership(column, listValues, negated: negated))
                    state = .groupClose
                } else {
                    throw unexpected
                }
            case .value, .groupClose:
                if lower == "and" || lower == "or" {
                    try countJoin(at: token.position)
                    if lower == "or" { frames[frames.count - 1].closeAndChain() }
                    state = .join
                } else if text == ")" {
                    openBraces -= 1
                    guard openBraces >= 0, frames.count > 1, let group = frames.removeLast().reduced() else {
                        throw SearchParseError(.unexpectedClosingBrace, at: token.position)
                    }
                    frames[frames.count - 1].add(group)
                    state = .groupClose
                } else {
                    throw unexpected
                }
            }
        }

        func finish() throws(SearchParseError) -> SearchExpression {
            guard state == .value || state == .groupClose else { throw SearchParseError(.unexpectedEnd) }
            guard openBraces == 0, frames.count == 1, let expression = frames[0].reduced() else {
                throw SearchParseError(.unclosedBrace)
            }
            return expression
        }

        private mutating func countJoin(at position: Int) throws(SearchParseError) {
            joins += 1
            if joins > SearchParser.maximumJoins {
                throw SearchParseError(.tooManyJoins(limit: SearchParser.maximumJoins), at: position)
            }
        }

        /// Whether `text` has the shape of a column name: a letter, then letters, digits and underscores.
        private static func isColumnName(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            guard let first = bytes.first, isLetter(first) else { return false }
            return bytes.allSatisfy { isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") }
        }

        private static func isLetter(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        }

        /// The value a token stands for: a quoted string unquoted and unescaped, or a bare word; `nil` when it is neither.
        private static func value(of text: String) -> String? {
            let bytes = Array(text.utf8)
            guard let first = bytes.first else { return nil }
            if first == UInt8(ascii: "'") {
                guard bytes.count >= 2, bytes.last == UInt8(ascii: "'") else { return nil }
                let inner = bytes[1..<(bytes.count - 1)]
                for (offset, byte) in zip(inner.indices, inner) where byte == UInt8(ascii: "'") {
                    if offset == inner.startIndex || bytes[offset - 1] != UInt8(ascii: "\\") { return nil }
                }
                return String(decoding: inner, as: UTF8.self).replacing("\\'", with: "'")
            }
            let forbidden: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "^"), UInt8(ascii: "("), UInt8(ascii: ")")]
            guard bytes.dropFirst().allSatisfy({ !forbidden.contains($0) }) else { return nil }
            return text
        }
    }
}
