// callisto-bench workspace [FILE…] [--size WxH] [--runs N]: times full-screen frames of the workspace
// in process: the files open in tabs of two side-by-side panes (the side panel shown), then each run
// draws a complete frame (every component into a fresh buffer) and presents it in full to a memory
// backend (diff against nothing, as after a resize). Also times an unchanged frame (diff empty) and
// a frame after scrolling one line. Prints {"schema": "callisto-bench.workspace.v1", "size": "WxH",
// "full_ms": [...], "unchanged_ms": [...], "scroll_ms": [...], "cells": N}.
import EditorCore
import EditorUI
import Foundation
import TermCore

enum WorkspaceBench {
    static func run(_ arguments: [String]) -> Int32 {
        var runs = 200
        var size = Size(width: 200, height: 60)
        var paths: [String] = []
        var i = 0
        while i < arguments.count {
            switch arguments[i] {
            case "--runs" where i + 1 < arguments.count:
                runs = max(1, Int(arguments[i + 1]) ?? runs); i += 2
            case "--size" where i + 1 < arguments.count:
                let parts = arguments[i + 1].split(separator: "x").compactMap { Int($0) }
                if parts.count == 2 { size = Size(width: parts[0], height: parts[1]) }
                i += 2
            default:
                paths.append(arguments[i]); i += 1
            }
        }
        let settings = EditorSettings.load(locator: ResourceLocator(userDirectory: nil, installedDirectory: nil))
        let backend = MemoryBackend(size: size, capabilities: TerminalCapabilities(colorDepth: .trueColor))
        let app = WorkspaceApp(settings: settings, size: size, capabilities: backend.capabilities)
        app.openFiles(paths)
        app.run("application:split-right")
        let driver = AppDriver(app: app, backend: backend)
        var full: [Double] = [], unchanged: [Double] = [], scroll: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<runs {
            driver.screen.invalidate()
            full.append(ms(clock.measure { driver.renderNow(now: .now) }))
            unchanged.append(ms(clock.measure { driver.renderNow(now: .now) }))
            app.run("editor:cursor-down")
            app.run("notebook:move-cursor-down")
            scroll.append(ms(clock.measure { driver.renderNow(now: .now) }))
        }
        func list(_ v: [Double]) -> String { v.map { String(format: "%.4f", $0) }.joined(separator: ", ") }
        print("{\"schema\": \"callisto-bench.workspace.v1\", \"size\": \"\(size.width)x\(size.height)\", "
              + "\"full_ms\": [\(list(full))], \"unchanged_ms\": [\(list(unchanged))], \"scroll_ms\": [\(list(scroll))], "
              + "\"cells\": \(size.area)}")
        return 0
    }

    static func ms(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}
