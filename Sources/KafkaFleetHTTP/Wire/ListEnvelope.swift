/// A list in the reference's envelope: `kind`, `page`, `size`, `total` and `items` (never `null`).
public struct ListEnvelope<Item: Encodable & Sendable>: Encodable, Sendable {
    /// The list's kind, e.g. `KafkaRequestList`.
    public var kind: String
    /// The page number.
    public var page: Int
    /// The size the reference reports (see each endpoint).
    public var size: Int
    /// How many items exist over all pages.
    public var total: Int
    /// The items of the page.
    public var items: [Item]

    /// An envelope from its parts.
    public init(kind: String, page: Int, size: Int, total: Int, items: [Item]) {
        self.kind = kind
        self.page = page
        self.size = size
        self.total = total
        self.items = items
    }

    /// A whole collection on one page: page 1, size = total = the item count.
    public init(kind: String, all items: [Item]) {
        self.init(kind: kind, page: 1, size: items.count, total: items.count, items: items)
    }
}
