/// Whether one locator needs a new cluster, and the rule that decided it, so a dry run can log why.
public enum ScaleUpDecision: String, Sendable, Hashable, CaseIterable {
    /// The provider catalogue does not offer the instance type in that region, or the instance-type catalogue
    /// does not know it: no kafka of it can be asked for.
    case notOffered
    /// The region's configured limit is used up.
    case regionLimitReached
    /// A cluster for the locator is still being built.
    case scaleUpOngoing
    /// No counted cluster has room for a kafka of the type's largest size.
    case largestSizeFitsNowhere
    /// The free streaming units are fewer than the region's configured slack.
    case slackBelowMinimum
    /// The locator has room enough.
    case enoughCapacity

    /// Whether a cluster should be added.
    public var needsScaleUp: Bool {
        switch self {
        case .largestSizeFitsNowhere, .slackBelowMinimum: true
        case .notOffered, .regionLimitReached, .scaleUpOngoing, .enoughCapacity: false
        }
    }
}
