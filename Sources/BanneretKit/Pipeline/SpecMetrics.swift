/// First, cheap layout measures of a banner, from its spec alone. The full
/// feature set (contrast, colourfulness, balance, …) comes with scoring.
enum SpecMetrics {
    static func measure(_ spec: BannerSpec) -> [String: Double] {
        let canvas = Double(spec.size.width * spec.size.height)
        var textArea = 0.0, productArea = 0.0
        for element in spec.elements {
            switch element {
            case .text(let t): textArea += t.frame.area
            case .image(let i) where i.showsProduct: productArea += i.frame.area
            default: break
            }
        }
        func round4(_ v: Double) -> Double { (v * 10_000).rounded() / 10_000 }
        return ["text_area": round4(textArea / canvas), "product_area": round4(productArea / canvas)]
    }
}
