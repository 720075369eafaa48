import Foundation
import JupyterProtocol
import JupyterClient

/// `callisto-bench kernel [--kernel NAME] [--starts N] [--executes N] [--print-lines N] [--print-runs N]`:
/// the same measurements as ../shared/bench/kernel_baseline.py, with Callisto's JupyterClient.
/// Prints raw samples (milliseconds) as JSON; Benchmarks/bench_kernel.py summarises them.
enum KernelBench {
    static func run(_ args: [String]) throws {
        var opts = ["--kernel": "python3", "--starts": "5", "--executes": "1000", "--print-lines": "200000", "--print-runs": "3"]
        for k in stride(from: 0, to: args.count - 1, by: 2) { opts[args[k]] = args[k + 1] }
        let name = opts["--kernel"]!
        let starts = Int(opts["--starts"]!) ?? 5, executes = Int(opts["--executes"]!) ?? 1000
        let lines = Int(opts["--print-lines"]!) ?? 200_000, printRuns = Int(opts["--print-runs"]!) ?? 3
        let options = KernelLaunchOptions(output: .discard)

        var startup: [Double] = []
        for run in 0...starts {
            waitQuiet()
            let t0 = Date()
            let k = try KernelManager(kernelName: name, options: options)
            try k.client.waitUntilReady(timeout: 120)
            let ms = Date().timeIntervalSince(t0) * 1000
            k.shutdown()
            if run > 0 { startup.append(ms) }
            log("startup \(run == 0 ? "warm-up" : "run \(run)"): ready \(Int(ms)) ms")
        }

        let k = try KernelManager(kernelName: name, options: options)
        defer { k.shutdown() }
        let c = k.client
        try c.waitUntilReady(timeout: 120)
        for _ in 0..<20 { _ = try c.executeAndWait("pass", timeout: 120) }
        waitQuiet()
        var wall: [Double] = [], kernel: [Double] = []
        for _ in 0..<executes {
            let t0 = Date()
            let e = try c.executeAndWait("pass", timeout: 120)
            wall.append(Date().timeIntervalSince(t0) * 1000)
            if let b = e.timing.busy.flatMap(JupyterDate.parse), let d = e.timing.idle.flatMap(JupyterDate.parse) {
                kernel.append(d.timeIntervalSince(b) * 1000)
            }
            c.discard(e.requestID)
        }
        let sorted = wall.sorted()
        log("execute('pass') x\(executes): median \(String(format: "%.2f", sorted[sorted.count / 2])) ms")

        var prints: [Double] = [], printKernel: [Double] = []
        var bytes = 0, outLines = 0
        for run in 0...printRuns {
            waitQuiet()
            let t0 = Date()
            let e = try c.executeAndWait("for i in range(\(lines)): print(i)", timeout: 300)
            let ms = Date().timeIntervalSince(t0) * 1000
            let text = e.outputs.outputs.filter { $0.kind == .stream }.map(\.text).joined()
            bytes = text.utf8.count
            outLines = text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            c.discard(e.requestID)
            if run > 0 {
                prints.append(ms)
                if let b = e.timing.busy.flatMap(JupyterDate.parse), let d = e.timing.idle.flatMap(JupyterDate.parse) {
                    printKernel.append(d.timeIntervalSince(b) * 1000)
                }
            }
            log("print \(lines) lines \(run == 0 ? "warm-up" : "run \(run)"): \(Int(ms)) ms, \(outLines) lines")
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let report: MessageJSON = [
            "client": "callisto JupyterClient",
            "kernel": .string(name),
            "samples": [
                "startup_ms": .array(startup.map(MessageJSON.double)),
                "execute_pass_ms": .array(wall.map(MessageJSON.double)),
                "execute_pass_kernel_ms": .array(kernel.map(MessageJSON.double)),
                "print_ms": .array(prints.map(MessageJSON.double)),
                "print_kernel_ms": .array(printKernel.map(MessageJSON.double)),
            ],
            "print_output": ["lines": .int(outLines), "bytes": .int(bytes)],
            "peak_rss_kb": .int(Int(usage.ru_maxrss)),
        ]
        print(MessageJSONWriter.string(report))
    }

    /// Waits until at most half a core is busy (or 20 s passed), as kernel_baseline.py does before each phase.
    static func waitQuiet(maxBusy: Double = 0.5, maxWait: TimeInterval = 20) {
        func ticks() -> (busy: Int, total: Int) {
            guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
                  let line = stat.split(separator: "\n").first else { return (0, 0) }
            let v = line.split(separator: " ").dropFirst().compactMap { Int($0) }
            guard v.count >= 8 else { return (0, 0) }
            let total = v[..<8].reduce(0, +)
            return (total - v[3] - v[4], total)
        }
        let start = Date()
        while Date().timeIntervalSince(start) < maxWait {
            let a = ticks()
            usleep(500_000)
            let b = ticks()
            let cores = Double(b.busy - a.busy) / Double(max(1, b.total - a.total)) * Double(ProcessInfo.processInfo.activeProcessorCount)
            if cores <= maxBusy { return }
        }
    }

    static func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
}
