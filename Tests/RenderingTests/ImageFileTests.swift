import Foundation
import Testing
import TermCore
import TestSupport
@testable import Rendering

@Suite("Image files")
struct ImageFileTests {
    static let jpeg = ImageFixtures.jpeg

    @Test func formatsAreRecognisedByTheirSignature() {
        #expect(ImageFile.format(of: Self.jpeg) == .jpeg)
        #expect(ImageFile.format(of: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])) == .png)
        #expect(ImageFile.format(of: Data("GIF89a".utf8)) == .gif)
        #expect(ImageFile.format(of: Data("hello".utf8)) == nil)
    }

    @Test func jpegDecodesToItsSizeAndColours() throws {
        guard case let .success(image) = ImageFile.decode(Self.jpeg) else { Issue.record("not decoded"); return }
        #expect(image.width == 24 && image.height == 12 && image.format == .jpeg)
        let lines = ImageFile.draw(image, maxWidth: 24, maxHeight: 6)
        #expect(lines.count >= 3 && lines.count <= 6)
        let colours = lines.flatMap(\.spans).compactMap { $0.style.background ?? $0.style.foreground }
        let blues = colours.compactMap { c -> UInt8? in if case let .rgb(_, _, b) = c { return b }; return nil }
        #expect(!blues.isEmpty && blues.allSatisfy { $0 > 150 }, "blue stays high everywhere: \(blues)")
    }

    @Test func pngDecodesThroughTheSameEntry() throws {
        let data = try ImageFixtures.png(width: 10, height: 4)
        guard case let .success(image) = ImageFile.decode(data) else { Issue.record("not decoded"); return }
        #expect(image.width == 10 && image.height == 4 && image.format == .png)
    }

    @Test func damagedAndUnsupportedImagesSayWhy() {
        guard case let .failure(cut) = ImageFile.decode(Self.jpeg.prefix(40)) else { Issue.record("a cut JPEG decoded"); return }
        #expect(cut.format == .jpeg && cut.reason.hasPrefix("cannot decode the JPEG"))
        var gif = Data("GIF89a".utf8)
        gif.append(contentsOf: [0x40, 0x01, 0xF0, 0x00, 0, 0])
        guard case let .failure(g) = ImageFile.decode(gif) else { Issue.record("a GIF decoded"); return }
        #expect(g.format == .gif && g.width == 320 && g.height == 240)
        guard case let .failure(other) = ImageFile.decode(Data("not an image".utf8)) else { Issue.record("text decoded"); return }
        #expect(other.format == nil && other.reason == "not a PNG, JPEG or GIF image")
    }
}
