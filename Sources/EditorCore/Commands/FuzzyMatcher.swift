/// Case-insensitive subsequence matching with scores, for the command palette.
///
/// Every query character must appear in order in the text. The score rewards characters at the start
/// of a word (after a space, `-`, `:`, `_`, `.`, `/` or at a lower-to-upper case change), runs of
/// consecutive characters, and an early first match; it penalises gaps by their length. The best alignment is found by
/// dynamic programming over query × text, O(q·t) per candidate: a few microseconds for a palette entry.
public struct FuzzyMatcher: Sendable {
    /// The query's characters, lower-cased; spaces are ignored.
    let query: [Unicode.Scalar]

    public init(_ query: String) {
        self.query = Array(query.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    /// Whether the query is empty (everything matches).
    public var isEmpty: Bool { query.isEmpty }

    /// Points for each matched character, and bonuses.
    static let matchScore = 16, wordStartBonus = 24, firstCharBonus = 16, consecutiveBonus = 20
    static let gapPenalty = 1, maxGapPenalty = 24

    /// The score and matched character positions, or nil when `text` does not contain the query as a
    /// subsequence.
    public func match(_ text: String) -> (score: Int, positions: [Int])? {
        match(MatchText(text))
    }

    /// Text prepared for matching: its scalars and their lower-case forms. Prepare once per text when
    /// matching many queries against the same texts (the palette does).
    public struct MatchText: Sendable {
        let chars: [Unicode.Scalar]
        let lower: [Unicode.Scalar]
        public init(_ text: String) {
            chars = Array(text.unicodeScalars)
            lower = chars.map { $0.properties.isUppercase ? ($0.properties.lowercaseMapping.unicodeScalars.first ?? $0) : $0 }
        }
    }

    /// Like `match(_:)` on prepared text; positions index its unicode scalars.
    public func match(_ prepared: MatchText) -> (score: Int, positions: [Int])? {
        let chars = prepared.chars, lower = prepared.lower
        let q = query.count, t = chars.count
        guard q > 0 else { return (0, []) }
        guard q <= t else { return nil }
        // Quick reject: subsequence test.
        var k = 0
        for c in lower where k < q && c == query[k] { k += 1 }
        guard k == q else { return nil }

        let bonus = (0..<t).map { i -> Int in
            if i == 0 { return Self.wordStartBonus + Self.firstCharBonus }
            let p = chars[i - 1], c = chars[i]
            if " -:_./()".unicodeScalars.contains(p) { return Self.wordStartBonus }
            if p.properties.isLowercase && c.properties.isUppercase { return Self.wordStartBonus }
            return 0
        }
        let none = Int.min / 4
        // best[i * t + j]: best score with query[0...i] matched and query[i] at text[j] (ending a match there).
        // Flat q×t tables: best[i*t+j] is the best score with query[0...i] matched and query[i] at text[j].
        var best = [Int](repeating: none, count: q * t)
        var from = [Int](repeating: -1, count: q * t)
        for i in 0..<q {
            // gapBest: max over p ≤ j-2 of best[i-1][p] - gapPenalty·(j-p-1), and where it came from.
            var gapBest = none, gapFrom = -1
            for j in 0..<t {
                if i > 0, j >= 2 {
                    gapBest = gapBest > none ? gapBest - Self.gapPenalty : none
                    let candidate = best[(i - 1) * t + j - 2]
                    if candidate > none, candidate - Self.gapPenalty > gapBest {
                        gapBest = candidate - Self.gapPenalty; gapFrom = j - 2
                    }
                }
                guard lower[j] == query[i] else { continue }
                let score = Self.matchScore + bonus[j]
                if i == 0 {
                    best[i * t + j] = score - min(j * Self.gapPenalty, Self.maxGapPenalty)
                    continue
                }
                var bestPrev = none, bestFrom = -1
                if j > 0, best[(i - 1) * t + j - 1] > none {
                    bestPrev = best[(i - 1) * t + j - 1] + Self.consecutiveBonus; bestFrom = j - 1
                }
                if gapBest > bestPrev { bestPrev = gapBest; bestFrom = gapFrom }
                guard bestPrev > none else { continue }
                best[i * t + j] = bestPrev + score
                from[i * t + j] = bestFrom
            }
        }
        var end = -1, top = none
        for j in 0..<t where best[(q - 1) * t + j] > top { top = best[(q - 1) * t + j]; end = j }
        guard end >= 0 else { return nil }
        var positions = [Int](repeating: 0, count: q)
        var j = end
        for i in stride(from: q - 1, through: 0, by: -1) {
            positions[i] = j
            j = from[i * t + j]
        }
        // Shorter texts rank slightly higher among equal matches.
        return (top - t / 8, positions)
    }
}
