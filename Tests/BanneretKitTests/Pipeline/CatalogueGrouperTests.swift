import Foundation
import Testing
@testable import BanneretKit

@Suite struct CatalogueGrouperTests {
    func product(_ id: String, type: String?, language: String = "en", currency: String = "USD", image: Bool = true) -> Product {
        Product(id: id, title: id, imageLink: image ? "\(id).png" : nil, price: Money(amount: 10, currency: currency),
                productType: type, language: language)
    }

    @Test func groupsByCategoryLanguageAndCurrencyInFeedOrder() {
        var grouper = CatalogueGrouper(size: 3)
        let feed = [
            product("a1", type: "Bags > Backpacks"), product("s1", type: "Shoes"), product("a2", type: "Bags"),
            product("k1", type: "Bags", language: "ko", currency: "KRW"), product("a3", type: "Bags > Totes"),
            product("s2", type: "Shoes"), product("n1", type: "Bags", image: false), product("a4", type: "Bags"),
            product("k2", type: "Bags", language: "ko-KR", currency: "KRW"),
        ]
        var formed: [[String]] = []
        for (line, item) in feed.enumerated() {
            if let group = grouper.add(item, line: line + 1) { formed.append(group.map(\.product.id)) }
        }
        #expect(formed == [["a1", "a2", "a3"]], "three Bags in feed order; the Korean and pictureless ones stay out")
        #expect(grouper.remainders().map { $0.map(\.product.id) } == [["s1", "s2"], ["k1", "k2"]],
                "the last two of a category make a smaller grid, categories in order of first appearance")
        #expect(grouper.loners == ["Bags · en · USD"], "a4 is alone")
    }

    @Test func aCategoryIsTheFirstLevelOfTheProductType() {
        #expect(product("x", type: " Home > Garden > Pots").category == "Home")
        #expect(product("x", type: "").category == nil)
        #expect(product("x", type: nil).category == nil)
    }
}
