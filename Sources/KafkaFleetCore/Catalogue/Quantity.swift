import Foundation

/// Kubernetes resource quantities as the configuration writes sizes (`10Gi`, `1Mi`, `500M`).
public enum Quantity {
    private static let suffixes: [(String, Double)] = [
        ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776), ("Pi", 1_125_899_906_842_624),
        ("Ei", 1_152_921_504_606_846_976),
        ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
    ]

    /// The quantity in bytes, or `nil` when `text` is not a quantity.
    public static func bytes(_ text: String) -> Int64? {
        // Stored sizes have no surrounding blanks; trim only when there are some (it is the costly part).
        let padded = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        let trimmed = padded ? text.trimmingCharacters(in: .whitespaces) : text
        for (suffix, factor) in suffixes where trimmed.hasSuffix(suffix) {
            guard let number = Double(trimmed.dropLast(suffix.count)), number >= 0 else { return nil }
            return Int64(exactly: (number * factor).rounded()) ?? nil
        }
        guard let number = Double(trimmed), number >= 0 else { return nil }
        return Int64(exactly: number.rounded()) ?? nil
    }
}
