/// SplitMix64: a tiny generator whose whole sequence is fixed by its seed.
///
/// Cross-validation folds and Thompson draws must come out the same on every
/// machine and every run, so that a report can be reproduced and a test that
/// fails keeps failing the same way; the system generator promises neither.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in the open interval (0, 1): never 0, so its logarithm is finite.
    mutating func nextUnitInterval() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992.0
    }

    /// A seed derived from a base seed and a name (FNV-1a of its UTF-8 bytes),
    /// so each segment draws from its own stream and adding one segment leaves
    /// the others' draws unchanged.
    static func seed(_ base: UInt64, mixedWith name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return base ^ hash
    }
}
