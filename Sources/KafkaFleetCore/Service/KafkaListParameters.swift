/// The query parameters of a kafka list as sent (`page`, `size`, `orderBy`, `search`), and their parsing with
/// the reference's defaults, clamps and errors (400 17 for paging and order, 400 23 for search).
public struct KafkaListParameters: Sendable, Hashable {
    /// The largest page size; larger and negative sizes are clamped to it.
    public static let maximumSize = 65_500
    /// The page size when none is given.
    public static let defaultSize = 100

    /// `page` as sent.
    public var page: String?
    /// `size` as sent.
    public var size: String?
    /// `orderBy` as sent.
    public var orderBy: String?
    /// `search` as sent.
    public var search: String?

    /// Parameters as sent; `nil` when absent.
    public init(page: String? = nil, size: String? = nil, orderBy: String? = nil, search: String? = nil) {
        self.page = page
        self.size = size
        self.orderBy = orderBy
        self.search = search
    }

    /// The page to return: 1 by default, 0 (echoed, served like 1) when not a number; negative is refused.
    public func parsedPage() throws(FleetError) -> Int {
        guard let text = page, !text.isEmpty else { return 1 }
        guard let value = Int(text) else { return 0 }
        if value < 0 { throw Self.malformed("page must be equal or greater than 0") }
        return value
    }

    /// The page size: 100 by default; non-numeric or 0 is refused; negative or too large becomes 65500.
    public func parsedSize() throws(FleetError) -> Int {
        guard let text = size, !text.isEmpty else { return Self.defaultSize }
        guard let value = Int(text), value != 0 else { throw Self.malformed("size must be equal or greater than 1") }
        return value < 0 || value > Self.maximumSize ? Self.maximumSize : value
    }

    /// The ordering; empty means the store's default (name ascending).
    public func parsedOrdering() throws(FleetError) -> [KafkaOrdering] {
        guard let text = orderBy else { return [] }
        var ordering: [KafkaOrdering] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let words = item.lowercased().split(separator: " ").map(String.init)
            if words.isEmpty { continue }
            if words.count > 2 { throw Self.malformed("invalid order by clause '\(item.trimmingSpaces)'") }
            guard let column = KafkaOrderColumn(rawValue: words[0]) else {
                throw Self.malformed("unknown order by field '\(words[0])'")
            }
            var descending = false
            if words.count == 2 {
                switch words[1] {
                case "asc": descending = false
                case "desc": descending = true
                default: throw Self.malformed("invalid order by direction '\(words[1])'")
                }
            }
            if column == .href || column == .version {
                // The reference accepts these names but they are no database columns, so its query fails with 500 9.
                throw Self.malformed("unknown order by field '\(words[0])'")
            }
            ordering.append(KafkaOrdering(column, descending: descending))
        }
        return ordering
    }

    /// The parsed search; `nil` when absent or empty.
    public func parsedSearch() throws(FleetError) -> SearchExpression? {
        guard let text = search, !text.isEmpty else { return nil }
        do {
            return try SearchParser.parse(text)
        } catch {
            throw FleetError(.failedToParseSearch, "unable to list kafka requests: \(error.message)")
        }
    }

    private static func malformed(_ message: String) -> FleetError {
        FleetError(.malformedRequest, "unable to list kafka requests: \(message)")
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: Substring {
        guard let start = firstIndex(where: { $0 != " " }), let end = lastIndex(where: { $0 != " " }) else { return "" }
        return self[start...end]
    }
}
