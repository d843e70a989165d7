/// The columns a kafka list may be ordered by (the reference's whitelist).
public enum KafkaOrderColumn: String, Sendable, CaseIterable, Hashable {
    case bootstrapServerHost = "bootstrap_server_host"
    case cloudProvider = "cloud_provider"
    case clusterID = "cluster_id"
    case createdAt = "created_at"
    case href
    case id
    case instanceType = "instance_type"
    case multiAZ = "multi_az"
    case name
    case organisationID = "organisation_id"
    case owner
    case reauthenticationEnabled = "reauthentication_enabled"
    case region
    case status
    case updatedAt = "updated_at"
    case version
}

/// One `orderBy` term.
public struct KafkaOrdering: Sendable, Hashable {
    /// The column.
    public var column: KafkaOrderColumn
    /// Whether the order is descending.
    public var descending: Bool

    /// An ordering term.
    public init(_ column: KafkaOrderColumn, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

/// What to list: an organisation's kafkas (or every organisation's), filtered, ordered and paged.
public struct KafkaListQuery: Sendable, Hashable {
    /// The organisation whose kafkas to list; `nil` lists every organisation's (admin).
    public var organisationID: String?
    /// The parsed `search` filter, if any.
    public var search: SearchExpression?
    /// The order; empty means by name ascending.
    public var ordering: [KafkaOrdering]
    /// The 1-based page number.
    public var page: Int
    /// The page size.
    public var size: Int

    /// A query; every part optional.
    public init(organisationID: String? = nil, search: SearchExpression? = nil, ordering: [KafkaOrdering] = [], page: Int = 1, size: Int = 100) {
        self.organisationID = organisationID
        self.search = search
        self.ordering = ordering
        self.page = page
        self.size = size
    }

    /// The number of rows to skip: `(page - 1) * size`, at least 0, and `Int.max` where the product would overflow
    /// (a page far past the end is empty, never a trap).
    public var offset: Int {
        let skippedPages = page > 1 ? page - 1 : 0
        let (rows, overflow) = skippedPages.multipliedReportingOverflow(by: max(0, size))
        return overflow ? Int.max : rows
    }
}

/// One page of a kafka list and the number of rows that match in all.
public struct KafkaPage: Sendable, Hashable {
    /// The rows of the page.
    public var items: [KafkaRequest]
    /// How many rows match the query over all pages.
    public var total: Int

    /// A page from its parts.
    public init(items: [KafkaRequest], total: Int) {
        self.items = items
        self.total = total
    }
}
