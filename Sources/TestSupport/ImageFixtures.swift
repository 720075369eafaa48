import Foundation

/// Small image files for tests of the image view.
public enum ImageFixtures {
    /// A 24×12 baseline JPEG written by libjpeg (quality 50): red rising to the right, green downwards, blue 200.
    public static let jpeg = Data(base64Encoded: "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAMABgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDEi03/AGauRab/ALNbkUEfpVyKCP0r1J4uR52FxsjDi03/AGaK6iKCP0orkli5XPoaWNlyn//Z")!

    /// A `width`×`height` RGB PNG written with Python's zlib and struct: a red–green gradient on blue.
    /// The PNG could not be made.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func png(width: Int, height: Int) throws -> Data {
        let r = try ProcessRunner.python("""
        import struct, sys, zlib, base64
        w, h = \(width), \(height)
        rows = b''.join(b'\\x00' + b''.join(bytes([x * 255 // w, y * 255 // h, 100]) for x in range(w)) for y in range(h))
        def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
        png = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
        sys.stdout.write(base64.b64encode(png).decode())
        """)
        guard r.status == 0, let data = Data(base64Encoded: r.stdoutText) else {
            throw Failure(description: "cannot write a PNG: \(r.stderrText)")
        }
        return data
    }
}
