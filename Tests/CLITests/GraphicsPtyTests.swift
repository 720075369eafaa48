import Foundation
import Testing
import TermCore
import TerminalEmulator
import TestSupport

/// Plots in pixels: the real binary on a pty plays against a terminal played by the test, which
/// answers (or not) the graphics queries and reads the sixel and kitty sequences written.
@Suite(.serialized) struct GraphicsPtyTests {
    /// A notebook whose one cell shows `png`, in a folder with a config choosing `images`.
    struct Setup {
        let dir: URL
        let notebook: String
        let environment: [String: String]
        /// A three-line code cell, as notebook JSON after a comma.
        static let smallCell = #", {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["a = 1\n", "b = 2\n", "c = 3"]}"#

        init(png: Data, images: String, cellsAfter: Int = 0) throws {
            dir = try ProjectPaths.makeTemporaryDirectory("callisto-graphics")
            let config = dir.appendingPathComponent("config/callisto")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try Data("[images]\nprotocol = \"\(images)\"\n".utf8).write(to: config.appendingPathComponent("config.toml"))
            let nb = """
            {"cells": [{"cell_type": "code", "execution_count": 1, "id": "plot", "metadata": {},
              "outputs": [{"data": {"image/png": "\(png.base64EncodedString())", "text/plain": ["<Figure>"]},
                           "metadata": {}, "output_type": "display_data"}],
              "source": ["plot()"]}\(String(repeating: Self.smallCell, count: cellsAfter))],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """
            notebook = dir.appendingPathComponent("plot.ipynb").path
            try Data(nb.utf8).write(to: URL(fileURLWithPath: notebook))
            environment = ["TERM": "xterm-256color", "HOME": dir.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                           "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path,
                           "XDG_STATE_HOME": dir.appendingPathComponent("state").path,
                           "XDG_RUNTIME_DIR": dir.appendingPathComponent("run").path]
        }
    }


    /// Runs callisto on a pty, answering queries with `answer` (given everything written so far and
    /// what is new), until `done` holds for the output or `timeout` passes; returns the output.
    func play(_ setup: Setup, file: String? = nil, timeout: TimeInterval = 15, answer: (String) -> String? = { _ in nil },
              until done: (String) -> Bool) throws -> String {
        let command = PtyCommand(executable: ProjectPaths.callisto.path, arguments: ["--no-restore", file ?? setup.notebook],
                                 environment: setup.environment, workingDirectory: setup.dir.path)
        let pty = try PtyProcess(command, size: Size(width: 100, height: 40))
        defer { pty.close() }
        var bytes: [UInt8] = []
        var answered = 0
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            var pfd = pollfd(fd: pty.fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&pfd, 1, 50)
            while case let .data(n) = buffer.withUnsafeMutableBytes({ pty.read(into: $0) }) { bytes += buffer[0..<n] }
            let text = String(decoding: bytes, as: UTF8.self)
            if answered < bytes.count, let reply = answer(String(decoding: bytes[answered...], as: UTF8.self)) {
                answered = bytes.count
                pty.write(Array(reply.utf8))
            }
            if done(text) { return text }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let sixelStart = "\u{1b}P"
    static let kittyStart = "\u{1b}_Ga=t"
    static let kittyPlace = "\u{1b}_Ga=p"

    /// The row (1-based) of the last cursor move before `marker`.
    static func rowBefore(_ marker: String, in text: String) -> Int? {
        guard let at = text.range(of: marker) else { return nil }
        let head = text[..<at.lowerBound]
        guard let csi = head.range(of: "\u{1b}[", options: .backwards) else { return nil }
        let body = head[csi.upperBound...]
        guard body.hasSuffix("H"), let row = Int(body.dropLast().split(separator: ";").first ?? "") else { return nil }
        return row
    }

    @Test func aTerminalThatReportsSixelGetsTheImageInSixels() throws {
        let setup = try Setup(png: try ImageFixtures.png(width: 64, height: 32), images: "auto")
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let out = try play(setup, answer: { new in
            // Device attributes with 4 (sixel), and a cell of 10×20 pixels.
            new.contains("\u{1b}[c") ? "\u{1b}[6;20;10t\u{1b}[?62;4;22c" : nil
        }, until: { $0.contains(Self.sixelStart) && $0.contains("\u{1b}\\") })
        #expect(out.contains("\u{1b}_Gi=31,s=1,v=1,a=q"), "the kitty query is sent")
        let sixel = try #require(out.range(of: Self.sixelStart).map { String(out[$0.lowerBound...]) })
        #expect(sixel.prefix(40).contains("q"), "a DCS … q sixel sequence")
        #expect(sixel.contains("#"), "sixel colour registers")
        let row = try #require(Self.rowBefore(Self.sixelStart, in: out))
        #expect(row > 2 && row < 39, "drawn where the output is, not on the last row: \(row)")
    }

    @Test func aTerminalThatAnswersTheKittyQueryGetsKittyGraphics() throws {
        let png = try ImageFixtures.png(width: 64, height: 32)
        let setup = try Setup(png: png, images: "auto")
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let out = try play(setup, answer: { new in
            new.contains("\u{1b}[c") ? "\u{1b}_Gi=31;OK\u{1b}\\\u{1b}[?62;4;22c" : nil
        }, until: { $0.contains(Self.kittyPlace) })
        let start = try #require(out.range(of: Self.kittyStart))
        #expect(!out.contains(Self.sixelStart + "0;1;0q"), "kitty wins over sixel")
        // The PNG itself goes over, in chunks, then is placed over the cell block without moving the cursor.
        let seq = String(out[start.lowerBound...])
        #expect(seq.prefix { $0 != ";" }.contains("f=100"))
        var payload = ""
        for chunk in seq.components(separatedBy: "\u{1b}_G").dropFirst() {
            guard let semi = chunk.firstIndex(of: ";"), let end = chunk.range(of: "\u{1b}\\") else { break }
            payload += chunk[chunk.index(after: semi)..<end.lowerBound]
            if chunk[..<semi].contains("m=0") { break }
        }
        #expect(Data(base64Encoded: payload) == png)
        let place = try #require(out.range(of: Self.kittyPlace).map { out[$0.lowerBound...].prefix { $0 != "\\" } })
        #expect(place.contains("C=1") && place.contains("c=") && place.contains("r="), "\(place)")
        #expect((Self.rowBefore(Self.kittyPlace, in: out) ?? 0) > 2)
    }

    @Test func aKittyPictureScrolledPartlyOutShowsItsRestThenGoes() throws {
        let setup = try Setup(png: try ImageFixtures.png(width: 64, height: 32), images: "kitty", cellsAfter: 30)
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        var presses = 0
        var last = Date()
        // Move down a cell at a time, each after the frame before it was drawn, until the picture
        // has scrolled away.
        let out = try play(setup, timeout: 30, answer: { new in
            guard presses < 60, new.contains("\u{1b}["), Date().timeIntervalSince(last) > 0.2 else { return nil }
            presses += 1
            last = Date()
            return "j"
        }, until: { $0.contains("\u{1b}_Ga=d,d=I") })
        // The source rectangle's top (y=) of each placement, in order.
        let tops = out.components(separatedBy: Self.kittyPlace).dropFirst().compactMap { piece in
            piece.prefix { $0 != "\u{1b}" }.split(separator: ",").first { $0.hasPrefix("y=") }.flatMap { Int($0.dropFirst(2)) }
        }
        #expect(tops.first == 0, "placed whole first: \(tops)")
        #expect(tops.contains { $0 > 0 }, "placed again with its top rows cut off: \(tops)")
        #expect(out.contains("\u{1b}_Ga=d,d=I"), "deleted once out of view")
        #expect(out.components(separatedBy: Self.kittyStart).count == 2, "the data went once")
    }

    @Test func anImageFileOpensInPixelsToo() throws {
        let png = try ImageFixtures.png(width: 64, height: 32)
        let setup = try Setup(png: png, images: "kitty")
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let file = setup.dir.appendingPathComponent("picture.png")
        try png.write(to: file)
        let out = try play(setup, file: file.path, until: { $0.contains(Self.kittyPlace) })
        #expect(out.contains(Self.kittyStart + ",f=100"))
        #expect(out.contains(Self.kittyPlace))
    }

    static func hasBlocks(_ text: String) -> Bool { ["▀", "▄", "█", "▌", "▐"].contains { text.contains($0) } }

    @Test func withoutAnAnswerTheImageStaysInSymbols() throws {
        let setup = try Setup(png: try ImageFixtures.png(width: 64, height: 32), images: "auto")
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        var sawQuery = Date.distantFuture
        let out = try play(setup, timeout: 10, answer: { new in
            // A terminal without graphics: device attributes without 4.
            new.contains("\u{1b}[c") ? "\u{1b}[?62;22c" : nil
        }, until: { text in
            if Self.hasBlocks(text) && sawQuery == .distantFuture { sawQuery = Date() }
            return Date().timeIntervalSince(sawQuery) > 1.5
        })
        #expect(Self.hasBlocks(out), "the image in block symbols")
        #expect(!out.contains(Self.sixelStart) && !out.contains(Self.kittyStart))
    }

    @Test func sixelChosenInTheConfigNeedsNoAnswer() throws {
        let setup = try Setup(png: try ImageFixtures.png(width: 64, height: 32), images: "sixel")
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let out = try play(setup, until: { $0.contains(Self.sixelStart) })
        #expect(out.contains(Self.sixelStart))
        #expect(!out.contains("\u{1b}_Gi=31"), "no kitty query when the protocol is chosen")
    }
}
