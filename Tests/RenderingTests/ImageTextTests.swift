import Foundation
import Testing
import TermCore
import TestSupport
@testable import Rendering

@Suite("Images")
struct ImageTextTests {
    /// A PNG written by Python's zlib and struct: left half red, right half blue (RGBA).
    func makePNG(width: Int, height: Int) throws -> Data {
        let result = try ProcessRunner.python("""
        import struct, sys, zlib, base64
        w, h = \(width), \(height)
        rows = b''.join(b'\\x00' + b''.join((b'\\xff\\x00\\x00\\xff' if x < w // 2 else b'\\x00\\x00\\xff\\xff') for x in range(w)) for y in range(h))
        def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
        png = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
        sys.stdout.write(base64.b64encode(png).decode())
        """)
        try #require(result.status == 0, "\(result.stderrText)")
        return try #require(Data(base64Encoded: result.stdoutText))
    }

    func foregroundsAndBackgrounds(_ lines: [RenderedLine]) -> [(x: Int, colors: [Color])] {
        var out: [(Int, [Color])] = []
        for line in lines {
            var x = 0
            for span in line.spans {
                for _ in span.text {
                    out.append((x, [span.style.foreground, span.style.background].compactMap { $0 }))
                    x += 1
                }
            }
        }
        return out
    }

    @Test func sizeAndAspectAreKept() throws {
        let png = try makePNG(width: 64, height: 32)
        let lines = ImageText.render(data: png, mimeType: "image/png", maxWidth: 20, maxHeight: 40)
        // 64×32 pixels is 2:1; with cells twice as tall as wide that is 20 columns by 5 rows.
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.width == 20 })
        // Limited by height instead: 3 rows give at most 12 columns.
        let short = ImageText.render(data: png, mimeType: "image/png", maxWidth: 80, maxHeight: 3)
        #expect(short.count == 3)
        #expect(short[0].width == 12)
    }

    @Test func coloursAppearWhereTheyAre() throws {
        let png = try makePNG(width: 64, height: 32)
        let lines = ImageText.render(data: png, mimeType: "image/png", maxWidth: 20, maxHeight: 40)
        let cells = foregroundsAndBackgrounds(lines)
        func isRed(_ c: Color) -> Bool { c.rgbValue.map { $0.r > 200 && $0.g < 60 && $0.b < 60 } ?? false }
        func isBlue(_ c: Color) -> Bool { c.rgbValue.map { $0.b > 200 && $0.r < 60 && $0.g < 60 } ?? false }
        #expect(cells.filter { $0.x < 8 }.allSatisfy { $0.colors.contains(where: isRed) })
        #expect(cells.filter { $0.x >= 12 }.allSatisfy { $0.colors.contains(where: isBlue) })
        #expect(!cells.contains { $0.colors.contains(where: isRed) && $0.x >= 12 })
    }

    @Test func indexedColourModes() throws {
        let png = try makePNG(width: 32, height: 32)
        for mode in [ImageText.ColorMode.indexed256, .indexed16] {
            let lines = ImageText.render(data: png, mimeType: "image/png", maxWidth: 10, maxHeight: 10, colors: mode)
            let colours = lines.flatMap(\.spans).flatMap { [$0.style.foreground, $0.style.background] }.compactMap { $0 }
            #expect(!colours.isEmpty)
            #expect(colours.allSatisfy { if case .indexed = $0 { return true } else { return false } })
            if mode == .indexed16 {
                #expect(colours.allSatisfy { if case let .indexed(i) = $0 { return i < 16 } else { return false } })
            }
        }
    }

    @Test func base64FromANotebook() throws {
        let png = try makePNG(width: 8, height: 8)
        let wrapped = png.base64EncodedString(options: .lineLength64Characters) + "\n"
        let lines = ImageText.render(base64: wrapped, mimeType: "image/png", maxWidth: 8, maxHeight: 8)
        #expect(!lines.isEmpty)
        #expect(lines[0].spans.first?.scopes.isEmpty == true)
    }

    @Test func corruptImagesGiveAOneLinePlaceholder() throws {
        let png = try makePNG(width: 16, height: 16)
        let truncated = png.prefix(png.count / 2)
        var badCRC = png
        badCRC[20] ^= 0xFF
        for data in [Data(truncated), badCRC, Data("not a png at all".utf8), Data()] {
            let lines = ImageText.render(data: data, mimeType: "image/png", maxWidth: 20, maxHeight: 10)
            #expect(lines.count == 1)
            #expect(lines[0].annotated.hasPrefix("{output.placeholder|[image/png: cannot decode"), "\(lines[0].annotated)")
        }
        #expect(ImageText.render(base64: "%%%", mimeType: "image/png", maxWidth: 5, maxHeight: 5).plainText == "[image/png: not valid base64]")
    }

    @Test func hugeDeclaredSizeIsRefused() throws {
        // A valid header claiming 20000×20000 pixels and no data.
        let result = try ProcessRunner.python("""
        import struct, sys, zlib, base64
        def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
        png = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 20000, 20000, 8, 6, 0, 0, 0)) + chunk(b'IEND', b'')
        sys.stdout.write(base64.b64encode(png).decode())
        """)
        let lines = ImageText.render(base64: result.stdoutText, mimeType: "image/png", maxWidth: 20, maxHeight: 10)
        #expect(lines.count == 1)
        #expect(lines[0].plainText.hasPrefix("[image/png: cannot decode"))
    }

    @Test func jpegIsDrawnWithItsColours() throws {
        // A JPEG written by Pillow (installed with matplotlib): left half red, right half blue.
        let result = try ProcessRunner.python("""
        import io, sys, base64
        from PIL import Image
        im = Image.new('RGB', (64, 32), (0, 0, 255))
        im.paste((255, 0, 0), (0, 0, 32, 32))
        buf = io.BytesIO(); im.save(buf, 'JPEG', quality=95)
        sys.stdout.write(base64.b64encode(buf.getvalue()).decode())
        """)
        try #require(result.status == 0, "\(result.stderrText)")
        let lines = ImageText.render(base64: result.stdoutText, mimeType: "image/jpeg", maxWidth: 20, maxHeight: 40)
        #expect(lines.count == 5)
        let cells = foregroundsAndBackgrounds(lines)
        func isRed(_ c: Color) -> Bool { c.rgbValue.map { $0.r > 200 && $0.g < 60 && $0.b < 60 } ?? false }
        func isBlue(_ c: Color) -> Bool { c.rgbValue.map { $0.b > 200 && $0.r < 60 && $0.g < 60 } ?? false }
        #expect(cells.filter { $0.x < 8 }.allSatisfy { $0.colors.contains(where: isRed) })
        #expect(cells.filter { $0.x >= 12 }.allSatisfy { $0.colors.contains(where: isBlue) })
    }

    @Test func brokenJpegIsAPlaceholder() {
        let lines = ImageText.render(data: Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00]), mimeType: "image/jpeg", maxWidth: 20, maxHeight: 10)
        #expect(lines.count == 1)
        #expect(lines.plainText.hasPrefix("[image/jpeg: cannot decode"))
        let gif = ImageText.render(data: Data("GIF89a".utf8), mimeType: "image/gif", maxWidth: 20, maxHeight: 10)
        #expect(gif.plainText == "[image/gif image, 6 bytes: only PNG and JPEG images are drawn]")
    }

    @Test func monochromeAndAsciiDrawShapesOnly() throws {
        let png = try makePNG(width: 64, height: 32)
        let mono = ImageText.render(data: png, mimeType: "image/png", maxWidth: 20, maxHeight: 40, colors: .monochrome)
        #expect(mono.count == 5)
        #expect(mono.allSatisfy { $0.spans.allSatisfy { $0.style.foreground == nil && $0.style.background == nil } })
        let ascii = ImageText.render(data: png, mimeType: "image/png", maxWidth: 20, maxHeight: 40, symbols: .ascii)
        #expect(ascii.allSatisfy { $0.plainText.unicodeScalars.allSatisfy(\.isASCII) })
    }
}
