/// A column of the simplex tableau.
///
/// The id and the kind share one integer (`id << 3 | kind`) so a symbol is a
/// plain word: rows compare, sort and search symbols as integers, and since
/// ids are unique, sorting by the packed value is sorting by id, which is the
/// order kiwi's sorted maps visit symbols in. Keeping that order keeps
/// kiwi's choice of pivots, and with it kiwi's answer among equally good ones.
struct Symbol: Hashable, Comparable {
    enum Kind: Int {
        case invalid = 0
        /// A user's ``Variable``; unrestricted in sign.
        case external = 1
        /// Turns an inequality into an equation; restricted to >= 0.
        case slack = 2
        /// Measures how far a non-required constraint is from holding; >= 0.
        case error = 3
        /// Marks a required equality so it can be found again for removal;
        /// it never enters the basis during optimization.
        case dummy = 4
    }

    let raw: Int

    init(_ kind: Kind, id: Int) {
        raw = id << 3 | kind.rawValue
    }

    init(raw: Int) {
        self.raw = raw
    }

    static let invalid = Symbol(.invalid, id: 0)

    var id: Int { raw >> 3 }
    var kind: Kind { Kind(rawValue: raw & 7)! }
    var isValid: Bool { raw & 7 != Kind.invalid.rawValue }
    var isExternal: Bool { raw & 7 == Kind.external.rawValue }
    var isDummy: Bool { raw & 7 == Kind.dummy.rawValue }
    /// Slack and error symbols: the ones allowed to enter the basis when a row
    /// needs a new subject.
    var isPivotable: Bool { raw & 7 == Kind.slack.rawValue || raw & 7 == Kind.error.rawValue }

    /// The symbol's bit in a row's membership mask.
    var bit: UInt64 { 1 << UInt64((raw >> 3) & 63) }

    static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.raw < rhs.raw }
}

/// kiwi's tolerance: coefficients and constants closer to zero than this
/// are treated as zero, so rounding noise never becomes a pivot.
@inline(__always)
func nearZero(_ value: Double) -> Bool {
    value < 0 ? -value < 1e-8 : value < 1e-8
}
