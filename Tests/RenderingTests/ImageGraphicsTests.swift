import Foundation
import Testing
import TermCore
import TestSupport
@testable import Rendering

/// Pictures as sixel and kitty graphics.
@Suite struct ImageGraphicsTests {
    @Test func imageLinesCarryTheirPictureRows() throws {
        let png = try ImageFixtures.png(width: 64, height: 32)
        let lines = ImageText.render(data: png, mimeType: "image/png", maxWidth: 20, maxHeight: 40)
        let source = try #require(lines.first?.picture?.source)
        #expect(lines.map { $0.picture?.row } == Array(0..<lines.count))
        #expect(lines.allSatisfy { $0.picture?.source === source })
        #expect(source.columns == 20 && source.rows == lines.count)
    }

    @Test func sixelFromChafaHasTheFittedPixelSize() throws {
        let png = try ImageFixtures.png(width: 64, height: 32)
        // 20×10 cells of 10×20 pixels hold 200×200; a 2:1 picture fits as 200×100 (10×5 cells).
        let sixel = try #require(ImageGraphics.encode(data: png, mimeType: "image/png", graphics: .sixel, columns: 20, rows: 10,
                                                     cellPixels: Size(width: 10, height: 20)))
        #expect(sixel.hasPrefix("\u{1b}P"))
        #expect(sixel.hasSuffix("\u{1b}\\"))
        let raster = try #require(sixel.split(separator: "\"").dropFirst().first?.prefix { $0 != "#" })
        let numbers = raster.split(separator: ";").compactMap { Int($0) }
        #expect(numbers.count == 4 && numbers[2] == 200 && (96...102).contains(numbers[3]), "\(raster)")
    }

    @Test func kittySendsThePNGInChunks() throws {
        let png = try ImageFixtures.png(width: 400, height: 300)
        let seq = try #require(ImageGraphics.encode(data: png, mimeType: "image/png", graphics: .kitty, columns: 40, rows: 15,
                                                   cellPixels: Size(width: 10, height: 20)))
        let chunks = seq.components(separatedBy: "\u{1b}_G").dropFirst().map { $0.replacingOccurrences(of: "\u{1b}\\", with: "") }
        #expect(chunks.count == (png.base64EncodedString().utf8.count + 4095) / 4096)
        let first = try #require(chunks.first)
        let keys = first.prefix { $0 != ";" }
        #expect(keys.contains("a=T") && keys.contains("f=100") && keys.contains("C=1") && keys.contains("q=2") && keys.contains("m=1"))
        #expect(keys.contains("i=\(ImageGraphics.imageID(png))"))
        #expect(chunks.dropFirst().dropLast().allSatisfy { $0.hasPrefix("m=1;") })
        #expect(chunks.last?.hasPrefix("m=0;") == true)
        let payload = chunks.map { String($0[$0.index(after: $0.firstIndex(of: ";")!)...]) }.joined()
        #expect(Data(base64Encoded: payload) == png)
    }

    @Test func kittyJPEGGoesAsPixels() throws {
        let seq = try #require(ImageGraphics.encode(data: ImageFixtures.jpeg, mimeType: "image/jpeg", graphics: .kitty,
                                                   columns: 10, rows: 4, cellPixels: Size(width: 10, height: 20)))
        #expect(seq.hasPrefix("\u{1b}_Ga=T,f=32,s=24,v=12,"))
    }

    @Test func aBrokenImageHasNoGraphics() {
        #expect(ImageGraphics.encode(data: Data("nope".utf8), mimeType: "image/png", graphics: .sixel, columns: 10, rows: 4,
                                     cellPixels: Size(width: 10, height: 20)) == nil)
    }
}
