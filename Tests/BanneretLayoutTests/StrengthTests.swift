import Testing
@testable import BanneretLayout

@Test func strengthsMatchKiwi() {
    #expect(Strength.required.value == 1_001_001_000)
    #expect(Strength.strong.value == 1_000_000)
    #expect(Strength.medium.value == 1000)
    #expect(Strength.weak.value == 1)
    #expect(Strength.create(2, 0, 0, weight: 3).value == 6_000_000)
}
