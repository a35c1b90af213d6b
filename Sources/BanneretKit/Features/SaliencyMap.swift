/// How salient each grid cell of the banner is, 0...1: where the product is.
///
/// PosterLayout and RALF take saliency from detection networks run on the
/// product picture. A banner knows exactly where its product is drawn, so the
/// salient area here is the product itself: the picture's own alpha where it
/// is a cut-out (its opaque pixels are the product), or the whole drawn
/// picture where it is an opaque photo. Without the decoded picture the
/// product element's frame stands in for it (1 inside, 0 outside).
struct SaliencyMap: Sendable, Hashable {
    let grid: SamplingGrid
    /// One value per cell, row by row.
    let values: [Double]

    init(grid: SamplingGrid, values: [Double]) {
        precondition(values.count == grid.count, "one saliency value per cell")
        self.grid = grid
        self.values = values
    }

    /// - Parameter productImage: the decoded product picture (from the engine's
    ///   ``ImageCache``, where rendering left it); nil to use the frame.
    init(spec: BannerSpec, grid: SamplingGrid, productImage: DecodedImage?) {
        var values = [Double](repeating: 0, count: grid.count)
        let products = spec.elements.compactMap { element -> ImageElement? in
            if case .image(let image) = element, image.showsProduct { return image }
            return nil
        }
        for product in products {
            if let productImage {
                Self.paintAlpha(of: productImage, placedBy: product, on: grid, into: &values)
            } else {
                let (columns, rows) = grid.cells(in: product.frame)
                for row in rows {
                    for column in columns { values[row * grid.columns + column] = 1 }
                }
            }
        }
        self.init(grid: grid, values: values)
    }

    /// Mean saliency over the whole canvas, 0...1.
    var meanValue: Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    /// Samples the picture's alpha where the renderer draws it (the same
    /// ``ImagePlacement``; `cover` is clipped to the frame). Rounded corners are not cut off (they
    /// hold a few background pixels at most).
    private static func paintAlpha(of image: DecodedImage, placedBy element: ImageElement, on grid: SamplingGrid,
                                   into values: inout [Double]) {
        let frame = element.frame
        let placement = ImagePlacement(element, imageWidth: image.width, imageHeight: image.height)
        let scale = placement.scale
        guard scale > 0 else { return }
        let (dx, dy) = (placement.rect.x, placement.rect.y)
        var drawn = placement.rect
        if element.fit == .cover || element.cornerRadius > 0 {
            guard let clipped = drawn.intersection(frame) else { return }
            drawn = clipped
        }
        let base = image.base
        let pixels = base.bytes.assumingMemoryBound(to: UInt8.self)
        let (columns, rows) = grid.cells(in: drawn)
        withExtendedLifetime(base) {
            for row in rows {
                let v = min(max(Int((Double(grid.pixelY(row)) + 0.5 - dy) / scale), 0), base.height - 1)
                for column in columns {
                    let u = min(max(Int((Double(grid.pixelX(column)) + 0.5 - dx) / scale), 0), base.width - 1)
                    let alpha = image.hasAlpha ? Double(pixels[v * base.stride + u * 4 + 3]) / 255 : 1
                    let cell = row * grid.columns + column
                    values[cell] = max(values[cell], alpha)
                }
            }
        }
    }
}
