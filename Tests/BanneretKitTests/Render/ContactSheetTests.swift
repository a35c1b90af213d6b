import Testing
@testable import BanneretKit

@Suite struct ContactSheetTests {
    @Test func rowsWrapAtTheSheetWidthAndTakeTheTallestBannersHeight() {
        let frames = ContactSheet.place([(100, 50), (100, 80), (100, 30)], width: 250, gap: 10)
        #expect(frames[0] == Rect(x: 10, y: 10, width: 100, height: 50))
        #expect(frames[1] == Rect(x: 120, y: 10, width: 100, height: 80))
        // 230 + 100 + 10 > 250: the third wraps below the taller of the first row.
        #expect(frames[2] == Rect(x: 10, y: 100, width: 100, height: 30))
    }

    @Test func aBannerWiderThanTheSheetStillGetsARowOfItsOwn() {
        let frames = ContactSheet.place([(400, 20), (50, 20)], width: 200, gap: 0)
        #expect(frames.map(\.y) == [0, 20])
    }

    @Test func bannersArePaintedScaledWhereTheyArePlaced() {
        let red = PixelBuffer(width: 40, height: 20)
        let blue = PixelBuffer(width: 20, height: 20)
        fill(red, b: 0, g: 0, r: 255)
        fill(blue, b: 255, g: 0, r: 0)
        let sheet = ContactSheet.compose([red, blue], width: 100, scale: 0.5, gap: 10)
        #expect(sheet.width == 100 && sheet.height == 31)
        #expect(sheet.color(x: 15, y: 15).red > 0.95)             // inside the 20×10 red
        #expect(sheet.color(x: 45, y: 15).blue > 0.95)            // blue starts at 10 + 20 + 10
        #expect(sheet.color(x: 35, y: 15).red < 0.9)              // the gap shows the background
        #expect(sheet.color(x: 15, y: 25).red < 0.9)              // below the red: background
    }

    private func fill(_ buffer: PixelBuffer, b: UInt8, g: UInt8, r: UInt8) {
        let bytes = buffer.bytes.assumingMemoryBound(to: UInt8.self)
        for index in 0 ..< buffer.width * buffer.height {
            bytes[index * 4] = b
            bytes[index * 4 + 1] = g
            bytes[index * 4 + 2] = r
            bytes[index * 4 + 3] = 255
        }
    }
}
