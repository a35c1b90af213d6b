import Testing
@testable import BanneretKit

@Test func debugFit() {
    let setter = TextSetter(fonts: Fixtures.fonts)
    let role = FontRole(family: "Inter", weight: 800, tracking: -0.01)
    let text = "Aurora Wireless Headphones with Active Noise Cancelling, 40-Hour Battery and Fast USB-C Charging"
    let style = TextStyle(font: role, minimumSize: 13, maximumSize: 27.5, color: .black, maximumLines: 3)
    let f = setter.fit(text, style: style, in: (127, 96))
    print("A", f)
    var pinned = style; pinned.minimumSize = f.fontSize; pinned.maximumSize = f.fontSize
    print("B", setter.fit(text, style: pinned, in: (127, f.height)))
    print("C", setter.fit("Light, grippy and ready for wet trails. Recycled mesh upper.", style: TextStyle(font: role, minimumSize: 20, maximumSize: 25, color: .black, maximumLines: 2), in: (300, 30)))
}
