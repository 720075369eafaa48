import Foundation

/// Find and replace across a notebook's cell sources: plain text or a regular expression, with or
/// without case. Matches are ordered by cell, then position; replacing all is one undoable cell action.
public struct NotebookSearch: Sendable {
    /// One match: the cell and the UTF-16 range in its source.
    public struct Match: Hashable, Sendable {
        public var cell: Int
        public var range: Range<Int>
    }

    public let pattern: String
    public let isRegex: Bool
    public let caseSensitive: Bool
    private let expression: NSRegularExpression

    /// Why a pattern cannot be searched for.
    public struct InvalidPattern: Error, CustomStringConvertible {
        public let description: String
    }

    public init(_ pattern: String, isRegex: Bool = false, caseSensitive: Bool = false) throws(InvalidPattern) {
        guard !pattern.isEmpty else { throw InvalidPattern(description: "nothing to search for") }
        self.pattern = pattern
        self.isRegex = isRegex
        self.caseSensitive = caseSensitive
        let source = isRegex ? pattern : NSRegularExpression.escapedPattern(for: pattern)
        do {
            expression = try NSRegularExpression(pattern: source, options: caseSensitive ? [.anchorsMatchLines] : [.caseInsensitive, .anchorsMatchLines])
        } catch {
            throw InvalidPattern(description: "not a valid regular expression: \(pattern)")
        }
    }

    /// The matches in one text (UTF-16 ranges).
    public func matches(in text: String) -> [Range<Int>] {
        let ns = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: ns.length))
            .filter { $0.range.length > 0 }
            .map { $0.range.location..<($0.range.location + $0.range.length) }
    }

    /// Every match in the notebook.
    public func matches(in model: NotebookModel) -> [Match] {
        model.cells.indices.flatMap { i in matches(in: model.cells[i].source).map { Match(cell: i, range: $0) } }
    }

    /// The first match after (`forward`) or before the one at `cell`/`offset`, wrapping around.
    public func next(in model: NotebookModel, from cell: Int, offset: Int, forward: Bool = true) -> Match? {
        let all = matches(in: model)
        guard !all.isEmpty else { return nil }
        if forward {
            return all.first { ($0.cell, $0.range.lowerBound) > (cell, offset) } ?? all.first
        }
        return all.last { ($0.cell, $0.range.lowerBound) < (cell, offset) } ?? all.last
    }

    /// `text` with every match replaced (`$1` group references work for regular expressions).
    public func replacing(in text: String, with replacement: String) -> String {
        let template = isRegex ? replacement : NSRegularExpression.escapedTemplate(for: replacement)
        return expression.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: template)
    }
}

extension NotebookModel {
    /// Replaces every match of `search` in every cell as one undoable step; returns how many were replaced.
    @discardableResult
    public mutating func replaceAll(_ search: NotebookSearch, with replacement: String) -> Int {
        let hits = cells.indices.map { search.matches(in: cells[$0].source).count }
        let total = hits.reduce(0, +)
        guard total > 0, let first = hits.firstIndex(where: { $0 > 0 }), let last = hits.lastIndex(where: { $0 > 0 }) else { return 0 }
        if mode == .edit { enterCommandMode() }
        transform(first...last) { cell in
            cell.source = search.replacing(in: cell.source, with: replacement)
        }
        return total
    }
}
