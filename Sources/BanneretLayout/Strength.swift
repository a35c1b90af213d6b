/// How much a constraint matters, as in kiwi: required constraints must hold;
/// the others are satisfied as well as possible, every strong one before any
/// number of medium ones, every medium one before any number of weak ones.
public struct Strength: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: Double

    public init(_ value: Double) {
        self.value = min(max(value, 0), Strength.required.value)
    }

    private init(unclipped value: Double) {
        self.value = value
    }

    /// kiwi's `strength::create`: each level clipped to 0...1000, then scaled by `weight`.
    public static func create(_ strong: Double, _ medium: Double, _ weak: Double, weight: Double = 1) -> Strength {
        var result = 0.0
        result += max(0, min(1000, strong * weight)) * 1_000_000
        result += max(0, min(1000, medium * weight)) * 1000
        result += max(0, min(1000, weak * weight))
        return Strength(unclipped: result)
    }

    public static let required = Strength.create(1000, 1000, 1000)   // 1,001,001,000
    public static let strong = Strength.create(1, 0, 0)               // 1,000,000
    public static let medium = Strength.create(0, 1, 0)               // 1,000
    public static let weak = Strength.create(0, 0, 1)                 // 1

    public var isRequired: Bool { value >= Strength.required.value }

    public static func < (a: Strength, b: Strength) -> Bool { a.value < b.value }

    public var description: String {
        switch self {
        case .required: "required"
        case .strong: "strong"
        case .medium: "medium"
        case .weak: "weak"
        default: "\(value)"
        }
    }
}

extension Strength {
    /// This strength with each of its strong, medium and weak levels scaled by
    /// `weight` and clipped as in kiwi's `strength::create(a, b, c, weight)`.
    /// Required stays required: a weight tunes preferences, it cannot make a
    /// hard constraint soft.
    public func weighted(by weight: Double) -> Strength {
        if isRequired { return .required }
        if weight == 1 { return self }
        let strongLevel = (value / 1_000_000).rounded(.down)
        let rest = value - strongLevel * 1_000_000
        let mediumLevel = (rest / 1000).rounded(.down)
        let weakLevel = rest - mediumLevel * 1000
        return Strength.create(strongLevel, mediumLevel, weakLevel, weight: weight)
    }
}
