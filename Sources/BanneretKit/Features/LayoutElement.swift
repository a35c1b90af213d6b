/// A spec element as the layout-metric papers see it: a box with a class.
///
/// PosterLayout (Hsu et al., CVPR 2023) and RALF (Horita et al., CVPR 2024)
/// place text, logo and underlay boxes on a given product picture. Our spec
/// draws that picture itself, as an image element with `image: product`; it plays the
/// part of their canvas image, enters the metrics through the
/// ``SaliencyMap``, and is left out of validity, overlap, alignment, utility
/// and occlusion, so its overlap with the copy is counted once (as
/// occlusion), not twice. Only underlay effectiveness counts it, as an
/// element an underlay can carry: our product card exists to carry it.
struct LayoutElement: Sendable, Hashable {
    enum Role: Sendable, Hashable {
        /// The product picture (PosterLayout's canvas image).
        case product
        case text
        /// Any image other than the product: the papers' "logo" class.
        case logo
        /// A shape listed in ``BannerSpec/underlays``.
        case underlay
        /// A shape that is not a declared underlay (a button pill). The papers
        /// have no such class; it counts as a non-underlay element.
        case shape
    }

    var id: String
    var frame: Rect
    var role: Role
    /// Index in ``BannerSpec/elements``: later elements are painted on top.
    var paintOrder: Int


    /// The spec's elements, in paint order.
    static func elements(of spec: BannerSpec) -> [LayoutElement] {
        spec.elements.enumerated().map { index, element in
            let role: Role
            switch element {
            case .text: role = .text
            case .image(let image): role = image.showsProduct ? .product : .logo
            case .shape(let shape): role = spec.underlays.contains(shape.id) ? .underlay : .shape
            }
            return LayoutElement(id: element.id, frame: element.frame, role: role, paintOrder: index)
        }
    }

    /// PosterLayout's validity test: the box, clipped to the canvas, covers at
    /// least 0.1 % of it. Invalid boxes are left out of every other layout metric.
    func isValid(on canvas: Rect) -> Bool {
        (frame.intersection(canvas)?.area ?? 0) >= 0.001 * canvas.area
    }
}
