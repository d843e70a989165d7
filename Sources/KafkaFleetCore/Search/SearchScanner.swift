/// A token of a `search` query and where it starts.
public struct SearchToken: Sendable, Hashable {
    /// The token's text, quotes included.
    public var text: String
    /// The 1-based byte offset of its first character, as the reference reports positions.
    public var position: Int
}

/// Splits a `search` query into tokens the way the reference's scanner does: on spaces except inside
/// `'…'` (where `\'` is an escaped quote), with `(`, `)` and `,` as tokens of their own and runs of `=`, `<`
/// and `>` as one operator token.
///
/// The scanner never fails: an unterminated quote runs to the end of the text and the parser refuses the token.
public enum SearchScanner {
    /// The tokens of `text`, in order.
    public static func tokens(of text: String) -> [SearchToken] {
        let bytes = Array(text.utf8)
        var tokens: [SearchToken] = []
        var current: [UInt8] = []
        var start = 0
        var index = 0
        var inQuote = false

        func flush() {
            if !current.isEmpty {
                tokens.append(SearchToken(text: String(decoding: current, as: UTF8.self), position: start + 1))
                current.removeAll()
            }
        }
        func append(_ byte: UInt8, at offset: Int) {
            if current.isEmpty { start = offset }
            current.append(byte)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuote {
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                    append(byte, at: index)
                    append(bytes[index + 1], at: index + 1)
                    index += 2
                    continue
                }
                append(byte, at: index)
                if byte == UInt8(ascii: "'") { inQuote = false }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: " "):
                flush()
            case UInt8(ascii: "'"):
                append(byte, at: index)
                inQuote = true
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","):
                flush()
                append(byte, at: index)
                flush()
            case UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"):
                if let last = current.last, !isOperator(last) { flush() }
                append(byte, at: index)
                if index + 1 >= bytes.count || !isOperator(bytes[index + 1]) { flush() }
            default:
                append(byte, at: index)
            }
            index += 1
        }
        flush()
        return tokens
    }

    private static func isOperator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
    }
}
