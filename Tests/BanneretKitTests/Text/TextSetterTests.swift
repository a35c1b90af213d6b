import Foundation
import Testing
@testable import BanneretKit

@Suite struct TextSetterTests {
    let setter = TextSetter(fonts: Fixtures.fonts)
    let inter = FontRole(family: "Inter", weight: 700)

    func style(min: Double = 10, max: Double = 40, lines: Int = 1, ellipsis: Bool = true) -> TextStyle {
        TextStyle(font: inter, minimumSize: min, maximumSize: max, color: .black, maximumLines: lines,
                  allowsEllipsis: ellipsis)
    }

    @Test func widthScalesLinearlyWithSize() {
        // No hinting and no hint metrics: the fitter relies on this to solve single lines by division.
        let small = setter.fit("Trailrunner 2 Running Shoes", style: style(min: 20, max: 20), in: (10_000, 1000))
        let large = setter.fit("Trailrunner 2 Running Shoes", style: style(min: 40, max: 40), in: (10_000, 1000))
        #expect(abs(large.width / small.width - 2) < 0.002)
    }

    @Test func picksTheLargestSizeThatFits() {
        let box = (width: 150.0, height: 60.0)
        let fitted = setter.fit("Cold Brew Bottle 750 ml", style: style(lines: 2), in: box)
        #expect(!fitted.truncated && !fitted.overflows)
        #expect(fitted.lineCount <= 2 && fitted.width <= box.width && fitted.height <= box.height)
        // A quarter pixel larger must not fit: the fitter left nothing on the table.
        var bigger = style(lines: 2)
        bigger.minimumSize = fitted.fontSize + 0.25
        bigger.maximumSize = fitted.fontSize + 0.25
        let next = setter.fit("Cold Brew Bottle 750 ml", style: bigger, in: box)
        #expect(next.overflows || next.truncated)
    }

    @Test func ellipsizesBelowTheMinimumOrReportsOverflow() {
        let long = String(repeating: "Noise cancelling headphones ", count: 8)
        let cut = setter.fit(long, style: style(min: 12, max: 20, lines: 2), in: (160, 40))
        #expect(cut.truncated && !cut.overflows && cut.lineCount <= 2 && cut.width <= 160)
        let refused = setter.fit(long, style: style(min: 12, max: 20, lines: 2, ellipsis: false), in: (160, 40))
        #expect(refused.overflows)
        let tooShort = setter.fit("Price", style: style(min: 30, max: 30), in: (400, 10))
        #expect(tooShort.overflows, "not even one line fits the box's height")
    }

    @Test func countsGlyphsNoBundledFontHas() {
        // Egyptian hieroglyphs are in none of the bundled fonts: they would print as boxes.
        let tofu = setter.fit("Ancient 𓀀𓀁 sale", style: style(), in: (1000, 100))
        #expect(tofu.unknownGlyphs == 2)
        let mixed = setter.fit("Sale 세일 تخفيض 🎉 €5 ₹9 ₩7", style: style(), in: (1000, 100))
        #expect(mixed.unknownGlyphs == 0, "Latin, Hangul, Arabic and emoji all fall back inside the set")
    }

    @Test func keepsKoreanWordsWhole() {
        // UAX #14 allows a break between any two Hangul syllables; keep-all
        // breaks Korean only at spaces, so every line is made of whole words.
        let text = "무선 노이즈 캔슬링 헤드폰 프로 에디션"
        let words = Set(text.split(separator: " ").map(String.init))
        for width in stride(from: 60.0, through: 200, by: 10) {
            let lines = setter.lines(of: text, style: style(), size: 16, width: width)
            for line in lines {
                for word in line.split(separator: " ") {
                    #expect(words.contains(String(word)), "width \(width): '\(word)' is part of a word")
                }
            }
        }
        #expect(KeepAll.protectedByteRanges(in: "ab 가나 c다") == [3 ..< 9, 10 ..< 14])
    }

    @Test func keepsASeparatorWithTheWordBeforeIt() {
        #expect(SeparatorGlue.protectedByteRanges(in: "a · b") == [1 ..< 4], "the space and the two-byte dot")
        #expect(SeparatorGlue.protectedByteRanges(in: "USB-C | 2 m").count == 1, "a hyphen inside a word is no separator")
        let text = "Weekend Bundle · 주말 세트 · عرض | Linen / Oak"
        var broken = 0
        for width in stride(from: 40.0, through: 400, by: 6) {
            let lines = setter.lines(of: text, style: style(), size: 16, width: width)
            broken += lines.count > 1 ? 1 : 0
            for line in lines.dropFirst() {
                let first = line.trimmingCharacters(in: .whitespaces).unicodeScalars.first
                #expect(!SeparatorGlue.separators.contains(first!), "width \(width): line '\(line)' starts with a separator")
            }
        }
        #expect(broken > 10, "the text must wrap for the test to prove anything")
    }

    @Test func spacesLinesEvenlyWhateverTheirScript() {
        // Pango's own spacing follows each line's fonts: a line holding one
        // Arabic word (its font is 1.7 times Inter's height) stood apart.
        let latin = setter.fit("Weekend Bundle and more", style: style(min: 20, max: 20, lines: 2), in: (200, 200))
        let mixed = setter.fit("Weekend Bundle and عرض", style: style(min: 20, max: 20, lines: 2), in: (200, 200))
        #expect(latin.lineCount == 2 && mixed.lineCount == 2)
        #expect(abs(mixed.height - latin.height) < 20 * 0.15, "Latin \(latin.height), with Arabic \(mixed.height)")
        let korean = setter.fit("무선 노이즈 캔슬링 헤드폰", style: style(min: 20, max: 20, lines: 2), in: (150, 200))
        let koreanWithDigits = setter.fit("무선 노이즈 40시간 헤드폰", style: style(min: 20, max: 20, lines: 2), in: (150, 200))
        #expect(korean.lineCount == 2 && koreanWithDigits.lineCount == 2)
        #expect(abs(korean.height - koreanWithDigits.height) < 20 * 0.1, "\(korean.height) vs \(koreanWithDigits.height)")
    }

    @Test func setsArabicWithAQuarterMoreLeadingThanLatin() {
        // Noto Sans Arabic declares a 2.1 em line for stacked marks; its lines
        // step by 1.25 times Latin's pitch, not by its own declared height.
        func pitch(_ text: String) -> Double {
            let two = setter.fit(text, style: style(min: 20, max: 20, lines: 2), in: (120, 400))
            let one = setter.fit(text, style: style(min: 20, max: 20, lines: 2), in: (10_000, 400))
            #expect(two.lineCount == 2 && one.lineCount == 1, "\(text)")
            return two.height - one.height
        }
        let latin = pitch("Smart sports watch")
        let arabic = pitch("ساعة ذكية رياضية")
        #expect(abs(arabic - latin * 1.25) < 0.05, "Latin pitch \(latin), Arabic \(arabic)")
    }

    @Test func avoidsALoneShortWordOnTheLastLine() {
        let text = "Ceramic Planter Set of 3"
        let fixed = style(min: 20, max: 20, lines: 3)
        var exercised = 0
        for width in stride(from: 120.0, through: 320, by: 4) {
            let plain = setter.lines(of: text, style: fixed, size: 20, width: width)
            guard plain.count >= 2, plain.last?.trimmingCharacters(in: .whitespaces) == "3" else { continue }
            exercised += 1
            let fitted = setter.fit(text, style: fixed, in: (width, 200))
            let wrap = try! #require(fitted.wrapWidth, "width \(width): no rebalancing")
            #expect(wrap < width)
            let lines = setter.lines(of: text, style: fixed, size: 20, width: wrap)
            #expect(lines.count == plain.count, "same number of lines")
            #expect(lines.last!.trimmingCharacters(in: .whitespaces).contains(" "), "width \(width): \(lines)")
        }
        #expect(exercised > 0, "no width produced a lone last word; the test proves nothing")
    }
}

@Suite struct CairoFontLockTests {
    /// Cairo 1.16 deadlocks two threads working on fonts at once (see
    /// CairoFontLock): a fit on one thread must wait while another holds the lock.
    @Test func fittingWaitsForTheProcessWideFontLock() {
        let style = TextStyle(font: FontRole(family: "Inter", weight: 700), minimumSize: 10, maximumSize: 30, color: .black)
        let ready = DispatchSemaphore(value: 0), go = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            // Each render thread has its own setter; the lock is the process's.
            let setter = TextSetter(fonts: Fixtures.fonts)
            ready.signal()
            go.wait()
            _ = setter.fit("Trailrunner 2 Running Shoes", style: style, in: (200, 100))
            finished.signal()
        }
        ready.wait()
        CairoFontLock.lock()
        go.signal()
        #expect(finished.wait(timeout: .now() + 0.3) == .timedOut, "the fit ran while another thread held the lock")
        CairoFontLock.unlock()
        #expect(finished.wait(timeout: .now() + 10) == .success, "the fit never finished after the lock was released")
    }
}
