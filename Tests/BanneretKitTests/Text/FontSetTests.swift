import CPangoCairo
import Foundation
import Testing
@testable import BanneretKit

@Suite struct FontSetTests {
    @Test func privateConfigSeesOnlyTheBundledFonts() throws {
        let fonts = Fixtures.fonts
        let set = try #require(FcConfigGetFonts(fonts.config, FcSetApplication))
        var families: Set<String> = []
        var files: Set<String> = []
        for index in 0 ..< Int(set.pointee.nfont) {
            let pattern = set.pointee.fonts[index]
            var value: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(pattern, FC_FAMILY, 0, &value) == FcResultMatch, let value {
                families.insert(String(cString: value))
            }
            if FcPatternGetString(pattern, FC_FILE, 0, &value) == FcResultMatch, let value {
                files.insert(URL(fileURLWithPath: String(cString: value)).lastPathComponent)
            }
        }
        #expect(files == Set(fonts.lock.entries.map(\.file)))
        #expect(families == ["Inter", "NanumSquare", "Noto Sans Arabic", "Noto Color Emoji"])
        #expect(FcConfigGetFonts(fonts.config, FcSetSystem) == nil || FcConfigGetFonts(fonts.config, FcSetSystem)!.pointee.nfont == 0)
    }

    @Test func coversEveryHangulSyllableAndTheCurrencySigns() throws {
        let fonts = Fixtures.fonts
        let set = try #require(FcConfigGetFonts(fonts.config, FcSetApplication))
        func charset(of file: String) -> OpaquePointer? {
            for index in 0 ..< Int(set.pointee.nfont) {
                let pattern = set.pointee.fonts[index]
                var value: UnsafeMutablePointer<FcChar8>?
                guard FcPatternGetString(pattern, FC_FILE, 0, &value) == FcResultMatch, let value,
                      String(cString: value).hasSuffix("/" + file) else { continue }
                var charset: OpaquePointer?
                if FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch { return charset }
            }
            return nil
        }
        for file in ["NanumSquareR.ttf", "NanumSquareB.ttf", "NanumSquareEB.ttf"] {
            let hangul = try #require(charset(of: file))
            let covered = (0xAC00 ... 0xD7A3).filter { FcCharSetHasChar(hangul, FcChar32($0)) != 0 }.count
            #expect(covered == 11_172, "\(file)")
        }
        for file in ["Inter-Regular.otf", "Inter-Bold.otf", "Inter-ExtraBold.otf"] {
            let latin = try #require(charset(of: file))
            for sign in ["€", "₹", "₩", "$", "£", "¥"] {
                #expect(FcCharSetHasChar(latin, FcChar32(sign.unicodeScalars.first!.value)) != 0, "\(file) \(sign)")
            }
        }
    }

    @Test func missingFontIsAClearError() throws {
        let folder = Fixtures.temporaryDirectory()
        let lock = "Ghost.ttf\t\(String(repeating: "a", count: 64))\tfonts-ghost\t/usr/share/fonts/ghost.ttf\n"
        try lock.write(to: folder.appendingPathComponent("fonts.lock"), atomically: true, encoding: .utf8)
        #expect {
            try FontSet(directory: folder)
        } throws: { error in
            guard let error = error as? BanneretError else { return false }
            return error.code == .fontMissing && error.message.contains("fonts-ghost")
                && error.location?.file == folder.appendingPathComponent("Ghost.ttf").path
        }
    }

    @Test func fontWhoseHashDiffersFromTheLockIsRefused() throws {
        let folder = Fixtures.temporaryDirectory()
        try Data("not really a font".utf8).write(to: folder.appendingPathComponent("Fake.ttf"))
        let lock = "# comment\nFake.ttf\t\(String(repeating: "0", count: 64))\tfonts-fake\t/x\n"
        try lock.write(to: folder.appendingPathComponent("fonts.lock"), atomically: true, encoding: .utf8)
        #expect {
            try FontSet(directory: folder)
        } throws: { error in
            (error as? BanneretError)?.code == .fontHashMismatch
        }
    }

    @Test func malformedLockNamesTheLine() throws {
        #expect {
            try FontLock(text: "# header\n\nInter.otf\tnot-a-hash\tfonts-inter\n", file: "fonts.lock")
        } throws: { error in
            guard let error = error as? BanneretError else { return false }
            return error.code == .fontLockInvalid && error.location == Location(file: "fonts.lock", line: 3)
        }
    }
}
