import CBanneret
import Foundation

/// A decoded, upright, trimmed image, shared read-only by every render
/// worker. Smaller copies (each half the previous) are made on first use and
/// kept, so drawing a 2160 px photo into a 120 px box starts from 270 px.
public final class DecodedImage: @unchecked Sendable {
    // @unchecked: `base` never changes; `levels` is guarded by `lock`.
    public let base: PixelBuffer
    public let hasAlpha: Bool
    private var levels: [PixelBuffer] = []
    private let lock = NSLock()

    init(base: PixelBuffer, hasAlpha: Bool) {
        self.base = base
        self.hasAlpha = hasAlpha
        self.levels = [base]
    }

    public var width: Int { base.width }
    public var height: Int { base.height }

    /// The smallest pyramid level still at least `scale` × the original on
    /// both axes, so the final bilinear step only ever shrinks by less than 2×
    /// and bilinear's aliasing stays invisible.
    func level(forScale scale: Double) -> PixelBuffer {
        var index = 0
        var remaining = scale
        while remaining < 0.5, index < 12 { remaining *= 2; index += 1 }
        return lock.withLock {
            while levels.count <= index {
                let previous = levels[levels.count - 1]
                guard previous.width >= 2 || previous.height >= 2 else { break }
                let next = PixelBuffer(width: max(1, previous.width / 2), height: max(1, previous.height / 2))
                bnr_halve_bgra(previous.bytes.assumingMemoryBound(to: UInt8.self), UInt32(previous.width),
                               UInt32(previous.height), UInt32(previous.stride),
                               next.bytes.assumingMemoryBound(to: UInt8.self), UInt32(next.stride))
                levels.append(next)
            }
            return levels[min(index, levels.count - 1)]
        }
    }
}
