import Foundation

/// The escaping Go's `encoding/json` applies that Foundation's encoder does not: `<`, `>` and `&` become
/// `\u003c`, `\u003e` and `\u0026`, and the line and paragraph separators U+2028 and U+2029 become `\u2028` and
/// `\u2029`. The reference's responses look like that, so ours do too (a page that embeds the JSON in HTML
/// is then safe as well).
enum GoJSONEscaping {
    /// `json` with those characters escaped. They can only occur inside JSON strings, so a substitution of
    /// their bytes is exact; text without any of them is returned as it is.
    static func escape(_ json: Data) -> Data {
        let needsEscaping = json.withUnsafeBytes { bytes in
            bytes.contains { $0 == lessThan || $0 == greaterThan || $0 == ampersand || $0 == separatorLead }
        }
        guard needsEscaping else { return json }
        var escaped = Data()
        escaped.reserveCapacity(json.count + 32)
        var index = json.startIndex
        while index < json.endIndex {
            let byte = json[index]
            switch byte {
            case lessThan: escaped.append(contentsOf: Array(#"\u003c"#.utf8))
            case greaterThan: escaped.append(contentsOf: Array(#"\u003e"#.utf8))
            case ampersand: escaped.append(contentsOf: Array(#"\u0026"#.utf8))
            case separatorLead where isSeparator(json, at: index):
                escaped.append(contentsOf: Array((json[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8))
                index += 3
                continue
            default: escaped.append(byte)
            }
            index += 1
        }
        return escaped
    }

    private static let lessThan = UInt8(ascii: "<")
    private static let greaterThan = UInt8(ascii: ">")
    private static let ampersand = UInt8(ascii: "&")
    /// The first byte of U+2028 and U+2029 in UTF-8 (`E2 80 A8`, `E2 80 A9`).
    private static let separatorLead: UInt8 = 0xE2

    private static func isSeparator(_ json: Data, at index: Data.Index) -> Bool {
        index + 2 < json.endIndex && json[index + 1] == 0x80 && (json[index + 2] == 0xA8 || json[index + 2] == 0xA9)
    }
}
