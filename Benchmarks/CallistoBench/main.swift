// callisto-bench: in-process measurements that Benchmarks/bench_*.py drive and compare with the
// reference implementations. Usage: callisto-bench AREA [ARGS…]; each area prints JSON to stdout.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard let area = arguments.first else {
    FileHandle.standardError.write(Data("usage: callisto-bench AREA [ARGS…]\n".utf8))
    exit(2)
}
switch area {
case "format":
    exit(FormatBench.run(Array(arguments.dropFirst())))
case "kernel":
    do { try KernelBench.run(Array(arguments.dropFirst())) } catch {
        FileHandle.standardError.write(Data("callisto-bench kernel: \(error)\n".utf8))
        exit(1)
    }
case "screen":
    exit(ScreenBench.run(Array(arguments.dropFirst())))
case "workspace":
    exit(WorkspaceBench.run(Array(arguments.dropFirst())))
case "keys":
    KeymapBench.run(Array(arguments.dropFirst()))
case "notebook":
    NotebookBench.run(Array(arguments.dropFirst()))
case "terminal":
    TerminalBench.run(Array(arguments.dropFirst()))
case "render":
    exit(RenderBench.run(Array(arguments.dropFirst())))
case "text":
    TextBench.run(Array(arguments.dropFirst()))
case "outputs":
    OutputsBench.run(Array(arguments.dropFirst()))
case "completion":
    CompletionBench.run(Array(arguments.dropFirst()))
case "files":
    exit(FilesBench.run(Array(arguments.dropFirst())))
default:
    FileHandle.standardError.write(Data("callisto-bench: unknown area \(area)\n".utf8))
    exit(2)
}
