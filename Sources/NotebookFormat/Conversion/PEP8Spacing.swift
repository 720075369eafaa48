/// How many blank lines jupytext puts between two cells of a Python script (its `pep8` module):
/// two around top-level functions and classes, one otherwise.
enum PEP8Spacing {
    private static func isBlank(_ s: String) -> Bool { s.allSatisfy { $0.isWhitespace } }

    private static func startsDefinition(_ line: String) -> Bool {
        line.hasPrefix("def ") || line.hasPrefix("async ") || line.hasPrefix("class ")
    }

    static func nextInstructionIsFunctionOrClass(_ lines: [String]) -> Bool {
        var parser = PythonStringParser()
        for (i, line) in lines.enumerated() {
            if parser.isQuoted {
                parser.read(line)
                continue
            }
            parser.read(line)
            if isBlank(line) {
                if i > 0 && isBlank(lines[i - 1]) { return false }
                continue
            }
            if startsDefinition(line) { return true }
            if line.hasPrefix("#") || line.hasPrefix("@") || line.hasPrefix(" ") || line.hasPrefix(")") { continue }
            return false
        }
        return false
    }

    static func cellEndsWithFunctionOrClass(_ lines: [String]) -> Bool {
        var nonQuoted: [String] = []
        var parser = PythonStringParser()
        for line in lines {
            if !parser.isQuoted { nonQuoted.append(line) }
            parser.read(line)
        }
        let reversed = Array(nonQuoted.reversed())
        for (i, line) in reversed.enumerated() {
            if isBlank(line) {
                if i > 0 && isBlank(reversed[i - 1]) { return false }
                continue
            }
            if line.hasPrefix("#") || line.hasPrefix(" ") || line.hasPrefix(")") { continue }
            return startsDefinition(line)
        }
        return false
    }

    static func cellEndsWithCode(_ lines: [String]) -> Bool {
        guard let last = lines.last else { return false }
        return !isBlank(last) && !last.hasPrefix("#")
    }

    static func cellHasCode(_ lines: [String]) -> Bool {
        for (i, line) in lines.enumerated() {
            let stripped = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if stripped.hasPrefix("#") { continue }
            if stripped.isEmpty {
                if i > 0 && isBlank(lines[i - 1]) { return false }
                continue
            }
            return true
        }
        return false
    }

    /// `pep8_lines_between_cells(prev, next, ".py")`.
    static func linesBetween(_ previous: [String], _ next: [String]) -> Int {
        if next.isEmpty { return 1 }
        if previous.isEmpty { return 0 }
        if cellEndsWithFunctionOrClass(previous) { return cellHasCode(next) ? 2 : 1 }
        if cellEndsWithCode(previous) && nextInstructionIsFunctionOrClass(next) { return 2 }
        return 1
    }
}

import Foundation
