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

    /// The numbers of a sixel's raster attributes (`"1;1;width;height`).
    func raster(_ sixel: String) throws -> [Int] {
        let raster = try #require(sixel.split(separator: "\"").dropFirst().first?.prefix { $0 != "#" })
        return raster.split(separator: ";").compactMap { Int($0) }
    }

    @Test func sixelFromChafaHasTheFittedPixelSize() throws {
        let png = try ImageFixtures.png(width: 64, height: 32)
        // 20×10 cells of 10×20 pixels hold 200×200; a 2:1 picture fits as 200×100 (10×5 cells).
        let sixel = try #require(ImageGraphics.encode(data: png, mimeType: "image/png", graphics: .sixel, columns: 20, rows: 10,
                                                     cellPixels: Size(width: 10, height: 20))?.place)
        #expect(sixel.hasPrefix("\u{1b}P"))
        #expect(sixel.hasSuffix("\u{1b}\\"))
        let numbers = try raster(sixel)
        #expect(numbers.count == 4 && numbers[2] == 200 && (96...102).contains(numbers[3]), "\(numbers)")
        // Two rows of five in view: the picture's bottom 40 pixels.
        let part = try #require(ImageGraphics.encode(data: png, mimeType: "image/png", graphics: .sixel, columns: 20, rows: 10,
                                                    cellPixels: Size(width: 10, height: 20), visible: 3..<8)?.place)
        let partNumbers = try raster(part)
        #expect(partNumbers.count == 4 && partNumbers[2] == 200 && (36...42).contains(partNumbers[3]), "\(partNumbers)")
        // Only the empty rows under the picture in view: nothing to draw.
        #expect(ImageGraphics.encode(data: png, mimeType: "image/png", graphics: .sixel, columns: 20, rows: 10,
                                     cellPixels: Size(width: 10, height: 20), visible: 6..<10)?.place == "")
    }

    @Test func kittySendsThePNGInChunksThenPlacesTheRowsInView() throws {
        let png = try ImageFixtures.png(width: 400, height: 300)
        let drawing = try #require(ImageGraphics.encode(data: png, mimeType: "image/png", graphics: .kitty, columns: 40, rows: 15,
                                                       cellPixels: Size(width: 10, height: 20)))
        let chunks = drawing.transmit.components(separatedBy: "\u{1b}_G").dropFirst().map { $0.replacingOccurrences(of: "\u{1b}\\", with: "") }
        #expect(chunks.count == (png.base64EncodedString().utf8.count + 4095) / 4096)
        let first = try #require(chunks.first)
        let keys = first.prefix { $0 != ";" }
        #expect(keys.contains("a=t") && keys.contains("f=100") && keys.contains("q=2") && keys.contains("m=1"))
        #expect(keys.contains("i=\(ImageGraphics.imageID(png))"))
        #expect(chunks.dropFirst().dropLast().allSatisfy { $0.hasPrefix("m=1;") })
        #expect(chunks.last?.hasPrefix("m=0;") == true)
        let payload = chunks.map { String($0[$0.index(after: $0.firstIndex(of: ";")!)...]) }.joined()
        #expect(Data(base64Encoded: payload) == png)
        // 4:3 in 40×15 cells of 10×20 (400×300 pixels) fills them, from the top.
        #expect(drawing.place.hasPrefix("\u{1b}_Ga=p,i=\(ImageGraphics.imageID(png)),p=1,x=0,y=0,w=400,h=300,c="))
        #expect(drawing.place.contains(",C=1,q=2"))
        let part = try #require(ImageGraphics.encode(data: png, mimeType: "image/png", graphics: .kitty, columns: 40, rows: 15,
                                                    cellPixels: Size(width: 10, height: 20), visible: 5..<15))
        #expect(part.place.contains(",y=1") && part.place.contains(",w=400,"), "the source rectangle starts below the top: \(part.place)")
    }

    @Test func kittyJPEGGoesAsPixels() throws {
        let drawing = try #require(ImageGraphics.encode(data: ImageFixtures.jpeg, mimeType: "image/jpeg", graphics: .kitty,
                                                       columns: 10, rows: 4, cellPixels: Size(width: 10, height: 20)))
        #expect(drawing.transmit.hasPrefix("\u{1b}_Ga=t,f=32,s=24,v=12,"))
    }

    @Test func aBrokenImageHasNoGraphics() {
        #expect(ImageGraphics.encode(data: Data("nope".utf8), mimeType: "image/png", graphics: .sixel, columns: 10, rows: 4,
                                     cellPixels: Size(width: 10, height: 20)) == nil)
    }
}
