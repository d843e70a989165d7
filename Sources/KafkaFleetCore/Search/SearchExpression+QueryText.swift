extension SearchExpression {
    /// The expression written in the search language, such that `SearchParser.parse(queryText)` gives back
    /// the same tree: values are quoted and escaped, and parentheses are added exactly where the parser's
    /// precedence (`and` before `or`, both left-associative) would otherwise regroup the tree.
    public var queryText: String {
        switch self {
        case let .comparison(column, op, value):
            return "\(column.rawValue) \(op.rawValue) \(Self.quoted(value))"
        case let .membership(column, values, negated):
            let list = values.map(Self.quoted).joined(separator: ", ")
            return "\(column.rawValue) \(negated ? "not in" : "in") (\(list))"
        case let .and(lhs, rhs):
            return "\(lhs.grouped(if: lhs.isOr)) and \(rhs.grouped(if: rhs.isOr || rhs.isAnd))"
        case let .or(lhs, rhs):
            return "\(lhs.queryText) or \(rhs.grouped(if: rhs.isOr))"
        }
    }

    private var isOr: Bool { if case .or = self { true } else { false } }
    private var isAnd: Bool { if case .and = self { true } else { false } }

    private func grouped(if needed: Bool) -> String { needed ? "(\(queryText))" : queryText }

    private static func quoted(_ value: String) -> String { "'" + value.replacing("'", with: "\\'") + "'" }
}
