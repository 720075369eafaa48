// callisto-bench: in-process measurements that Benchmarks/bench_*.py drive and compare with the
// reference implementations. Usage: callisto-bench AREA [ARGS…]; each area prints JSON to stdout.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard let area = arguments.first else {
    FileHandle.standardError.write(Data("usage: callisto-bench AREA [ARGS…]\n".utf8))
    exit(2)
}
switch area {
case "text":
    TextBench.run(Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data("callisto-bench: unknown area \(area)\n".utf8))
    exit(2)
}
