/// One page of an organisation's kafkas, with the counts the list envelope shows.
public struct KafkaList: Sendable, Hashable {
    /// The page number, as requested (0 when the request's page was not a number).
    public var page: Int
    /// min(requested size, total), as the reference reports it.
    public var size: Int
    /// How many kafkas match over all pages.
    public var total: Int
    /// The kafkas of the page.
    public var items: [KafkaRequest]

    /// A page from its parts.
    public init(page: Int, size: Int, total: Int, items: [KafkaRequest]) {
        self.page = page
        self.size = size
        self.total = total
        self.items = items
    }
}
