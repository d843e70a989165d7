/// The instance type ids the service's rules name (developer instances have their own limits and lifespan).
public enum InstanceTypeID {
    /// The trial type, shown as `Trial`.
    public static let developer = "developer"
    /// The paid type.
    public static let standard = "standard"
}

/// The billing model ids the service's rules name.
public enum BillingModelID {
    /// Billed through a subscription.
    public static let standard = "standard"
    /// Billed through a cloud marketplace.
    public static let marketplace = "marketplace"
    /// Runs on the customer's own (enterprise) cluster.
    public static let enterprise = "enterprise"
    /// An evaluation that can be promoted.
    public static let eval = "eval"
}
