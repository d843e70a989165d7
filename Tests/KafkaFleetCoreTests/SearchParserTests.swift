import KafkaFleetCore
import Testing

@Suite("Search parser")
struct SearchParserTests {
    @Test("a comparison parses with or without spaces and with any case of column and operator")
    func comparisons() throws {
        #expect(try SearchParser.parse("name = abc") == .comparison(.name, .equal, "abc"))
        #expect(try SearchParser.parse("name=abc") == .comparison(.name, .equal, "abc"))
        #expect(try SearchParser.parse("NAME <> 'a b'") == .comparison(.name, .notEqual, "a b"))
        #expect(try SearchParser.parse("region LIKE 'us-%'") == .comparison(.region, .like, "us-%"))
        #expect(try SearchParser.parse("owner ilike 'it\\'s'") == .comparison(.owner, .ilike, "it's"))
    }

    @Test("and binds tighter than or, and parentheses group")
    func precedence() throws {
        let a = SearchExpression.comparison(.name, .equal, "a")
        let b = SearchExpression.comparison(.region, .equal, "b")
        let c = SearchExpression.comparison(.status, .equal, "c")
        #expect(try SearchParser.parse("name = a or region = b and status = c") == .or(a, .and(b, c)))
        #expect(try SearchParser.parse("(name = a or region = b) and status = c") == .and(.or(a, b), c))
    }

    @Test("in and not in take a list of plain or quoted values")
    func membership() throws {
        #expect(try SearchParser.parse("status in (ready, 'failed')") == .membership(.status, ["ready", "failed"], negated: false))
        #expect(try SearchParser.parse("status NOT IN (ready)") == .membership(.status, ["ready"], negated: true))
    }

    @Test("refusals carry the reference's message and the 1-based position of the token", arguments: [
        ("id = abc", "[1] error parsing the filter: invalid column name: 'id', valid values are: [region name cloud_provider status owner cluster_id instance_type]"),
        ("name == abc", "[6] error parsing the filter: unexpected token `==`"),
        ("name = abc)", "[11] error parsing the filter: unexpected ')'"),
        ("(name = abc", "EOF while searching for closing brace ')'"),
        ("name =", "EOF encountered while parsing string"),
        ("   ", "EOF encountered while parsing string"),
        ("status in ()", "EOF encountered while parsing string"),
        ("status in (a,)", "EOF encountered while parsing string"),
        ("name = 'abc", "[8] error parsing the filter: unexpected token `'abc`"),
    ])
    func refusals(query: String, message: String) {
        #expect(throws: SearchParseError.self) { try SearchParser.parse(query) }
        do {
            _ = try SearchParser.parse(query)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test("ten joins are allowed and the eleventh is refused at its position")
    func joinLimit() throws {
        let ten = Array(repeating: "name = a", count: 11).joined(separator: " and ")
        #expect(throws: Never.self) { try SearchParser.parse(ten) }
        let eleven = ten + " or name = b"
        do {
            _ = try SearchParser.parse(eleven)
            Issue.record("eleven joins were accepted")
        } catch {
            #expect(error.kind == .tooManyJoins(limit: 10))
            #expect(error.position == ten.utf8.count + 2)
        }
    }

    @Test("random expressions printed as query text parse back to the same tree")
    func roundTrip() throws {
        var random = SplitMix64(seed: 42)
        var checked = 0
        while checked < 500 {
            let tree = Self.expression(depth: 3, using: &random)
            guard Self.joins(in: tree) <= SearchParser.maximumJoins else { continue }
            #expect(try SearchParser.parse(tree.queryText) == tree, "\(tree.queryText)")
            checked += 1
        }
    }

    @Test("random text never crashes the parser: it yields a tree or a typed error")
    func garbage() {
        var random = SplitMix64(seed: 7)
        let pieces = ["name", "status", "id", "=", "<>", "like", "in", "not", "and", "or", "(", ")", ",", "'", "\\'",
                      " ", "a", "%", "x y", "==", "NOT", "'q'", "ILIKE", "^", "é"]
        for _ in 0..<2000 {
            let count = Int(random.next() % 12)
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            do {
                _ = try SearchParser.parse(text)
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    static func expression(depth: Int, using random: inout SplitMix64) -> SearchExpression {
        let choice = depth == 0 ? random.next() % 2 : random.next() % 4
        let column = SearchColumn.allCases[Int(random.next() % UInt64(SearchColumn.allCases.count))]
        switch choice {
        case 0:
            let op = SearchOperator.allCases[Int(random.next() % UInt64(SearchOperator.allCases.count))]
            return .comparison(column, op, value(using: &random))
        case 1:
            let values = (0...(random.next() % 3)).map { _ in value(using: &random) }
            return .membership(column, values, negated: random.next() % 2 == 0)
        case 2:
            return .and(expression(depth: depth - 1, using: &random), expression(depth: depth - 1, using: &random))
        default:
            return .or(expression(depth: depth - 1, using: &random), expression(depth: depth - 1, using: &random))
        }
    }

    static func value(using random: inout SplitMix64) -> String {
        let alphabet = Array("abcXYZ019 -_%'(),=<>")
        return String((0..<(random.next() % 6)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }

    static func joins(in expression: SearchExpression) -> Int {
        switch expression {
        case .comparison: 0
        case let .membership(_, _, negated): negated ? 1 : 0
        case let .and(lhs, rhs), let .or(lhs, rhs): 1 + joins(in: lhs) + joins(in: rhs)
        }
    }
}

/// A small deterministic random generator, so property tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
