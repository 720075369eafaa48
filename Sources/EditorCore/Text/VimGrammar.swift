import TermCore

/// Vim's normal-mode grammar: `["x][count](command | operator[count](motion | text object | operator))`.
///
/// `parse` reads the keys typed so far from scratch and says whether they form a whole command,
/// need more keys, or cannot become a command.
public enum VimGrammar {
    /// One typed key: a character, or a special key (`<Esc>`, `<C-r>`, arrows).
    public enum Token: Hashable, Sendable {
        case char(Character)
        case key(Key)

        init(_ key: Key) {
            if let t = key.typedText { self = .char(Character(t)) } else { self = .key(key) }
        }
    }

    public enum Operator: Hashable, Sendable {
        case delete, change, yank, indent, dedent, comment, toggleCase
    }

    public enum Motion: Hashable, Sendable {
        case left, right, up, down
        case wordForward(big: Bool), wordBackward(big: Bool), wordEnd(big: Bool)
        case lineStart, firstNonBlank, lineEnd
        case nextLineStart, previousLineStart
        case documentStart, documentEnd
        case find(Character, forward: Bool, till: Bool)
        case repeatFind(reverse: Bool)
        case matchingBracket
        case paragraphForward, paragraphBackward
        case searchNext(reverse: Bool)
    }

    public enum TextObject: Hashable, Sendable {
        case word(big: Bool)
        case brackets(open: Character, close: Character)
        case quotes(Character)
    }

    public enum Target: Hashable, Sendable {
        case motion(Motion)
        case object(TextObject, around: Bool)
        /// The operator doubled (`dd`, `yy`, `>>`, `gcc`): whole lines.
        case lines
    }

    public enum Action: Hashable, Sendable {
        case move(Motion)
        case operate(Operator, Target)
        case deleteChar, deleteCharBefore, deleteToEnd, changeToEnd, substituteChar, substituteLine
        case paste(before: Bool)
        case openLine(above: Bool)
        case insert, append, insertAtLineStart, appendAtLineEnd
        case join, replaceChar(Character), toggleCaseChar
        case undo, redo, repeatLast
        case visual, visualLine
        case search, palette, escape
    }

    public struct Command: Hashable, Sendable {
        public var register: Character?
        /// The count (both counts multiplied), nil when none was typed.
        public var count: Int?
        public var action: Action
        /// How many leading tokens were the register and first count (dropped for `.` with a new count).
        public var countTokens: Range<Int>
    }

    public enum Result: Hashable, Sendable {
        case complete(Command)
        case incomplete
        case invalid
    }

    /// Parses the tokens typed so far (`visual`: in visual mode, where operators take the selection).
    public static func parse(_ tokens: [Token], visual: Bool = false) -> Result {
        var i = 0
        var register: Character?
        if i < tokens.count, tokens[i] == .char("\"") {
            guard i + 1 < tokens.count else { return .incomplete }
            guard case let .char(r) = tokens[i + 1] else { return .invalid }
            register = r
            i += 2
        }
        let countStart = i
        let count1 = parseCount(tokens, &i)
        let countTokens = countStart..<i
        guard i < tokens.count else { return .incomplete }
        func done(_ a: Action, _ extra: Int? = nil) -> Result {
            let c: Int? = (count1 == nil && extra == nil) ? nil : (count1 ?? 1) * (extra ?? 1)
            return .complete(Command(register: register, count: c, action: a, countTokens: countTokens))
        }
        // Operators.
        var op: Operator?
        var opLength = 1
        switch tokens[i] {
        case .char("d"): op = .delete
        case .char("c"): op = .change
        case .char("y"): op = .yank
        case .char(">"): op = .indent
        case .char("<"): op = .dedent
        case .char("g"):
            guard i + 1 < tokens.count else { return .incomplete }
            if tokens[i + 1] == .char("c") { op = .comment; opLength = 2 }
            if tokens[i + 1] == .char("~") { op = .toggleCase; opLength = 2 }
        default: break
        }
        if let op {
            if visual { return done(.operate(op, .lines)) }
            let opTokens = Array(tokens[i..<(i + opLength)])
            i += opLength
            let count2 = parseCount(tokens, &i)
            guard i < tokens.count else { return .incomplete }
            // Doubled: dd, cc, yy, >>, <<, gcc (and g~~).
            if tokens[i] == opTokens.last! && (opLength == 1 || tokens[i] != .char("g")) {
                return i + 1 == tokens.count ? done(.operate(op, .lines), count2) : .invalid
            }
            if tokens[i] == .char("i") || tokens[i] == .char("a") {
                guard i + 1 < tokens.count else { return .incomplete }
                guard let obj = textObject(tokens[i + 1]), i + 2 == tokens.count else { return .invalid }
                return done(.operate(op, .object(obj, around: tokens[i] == .char("a"))), count2)
            }
            switch parseMotion(tokens, &i) {
            case let .some(.some(m)): return i == tokens.count ? done(.operate(op, .motion(m)), count2) : .invalid
            case .some(.none): return .incomplete
            case .none: return .invalid
            }
        }
        let start = i
        switch parseMotion(tokens, &i) {
        case let .some(.some(m)): return i == tokens.count ? done(.move(m)) : .invalid
        case .some(.none): return .incomplete
        case .none: i = start
        }
        guard i + 1 == tokens.count || tokens[i] == .char("r") else { return .invalid }
        let action: Action
        switch tokens[i] {
        case .char("x"): action = .deleteChar
        case .char("X"): action = .deleteCharBefore
        case .char("D"): action = .deleteToEnd
        case .char("C"): action = .changeToEnd
        case .char("s"): action = .substituteChar
        case .char("S"): action = .substituteLine
        case .char("p"): action = .paste(before: false)
        case .char("P"): action = .paste(before: true)
        case .char("o"): action = .openLine(above: false)
        case .char("O"): action = .openLine(above: true)
        case .char("i"): action = .insert
        case .char("a"): action = .append
        case .char("I"): action = .insertAtLineStart
        case .char("A"): action = .appendAtLineEnd
        case .char("J"): action = .join
        case .char("~"): action = .toggleCaseChar
        case .char("u"): action = .undo
        case .key(Key(.char("r"), .ctrl)): action = .redo
        case .char("."): action = .repeatLast
        case .char("v"): action = .visual
        case .char("V"): action = .visualLine
        case .char("/"): action = .search
        case .char(":"): action = .palette
        case .key(Key(.escape)): action = .escape
        case .char("r"):
            guard i + 1 < tokens.count else { return .incomplete }
            guard case let .char(c) = tokens[i + 1], i + 2 == tokens.count else { return .invalid }
            action = .replaceChar(c)
        default: return .invalid
        }
        return done(action)
    }

    /// Digits not starting with 0; nil when none.
    private static func parseCount(_ tokens: [Token], _ i: inout Int) -> Int? {
        var value: Int?
        while i < tokens.count, case let .char(c) = tokens[i], let d = c.wholeNumberValue, c.isASCII, value != nil || d != 0 {
            value = min((value ?? 0) * 10 + d, 100_000)
            i += 1
        }
        return value
    }

    /// A motion at `i`: `.some(m)` parsed, `.some(nil)` needs more keys, nil is not a motion.
    private static func parseMotion(_ tokens: [Token], _ i: inout Int) -> Motion?? {
        let t = tokens[i]
        i += 1
        switch t {
        case .char("h"), .key(Key(.left)), .key(Key(.backspace)): return .some(.left)
        case .char("l"), .key(Key(.right)), .char(" "): return .some(.right)
        case .char("j"), .key(Key(.down)), .key(Key(.char("n"), .ctrl)): return .some(.down)
        case .char("k"), .key(Key(.up)), .key(Key(.char("p"), .ctrl)): return .some(.up)
        case .char("w"): return .some(.wordForward(big: false))
        case .char("W"): return .some(.wordForward(big: true))
        case .char("b"): return .some(.wordBackward(big: false))
        case .char("B"): return .some(.wordBackward(big: true))
        case .char("e"): return .some(.wordEnd(big: false))
        case .char("E"): return .some(.wordEnd(big: true))
        case .char("0"), .key(Key(.home)): return .some(.lineStart)
        case .char("^"): return .some(.firstNonBlank)
        case .char("$"), .key(Key(.end)): return .some(.lineEnd)
        case .char("+"), .key(Key(.enter)): return .some(.nextLineStart)
        case .char("-"): return .some(.previousLineStart)
        case .char("G"): return .some(.documentEnd)
        case .char(";"): return .some(.repeatFind(reverse: false))
        case .char(","): return .some(.repeatFind(reverse: true))
        case .char("%"): return .some(.matchingBracket)
        case .char("}"): return .some(.paragraphForward)
        case .char("{"): return .some(.paragraphBackward)
        case .char("n"): return .some(.searchNext(reverse: false))
        case .char("N"): return .some(.searchNext(reverse: true))
        case .char("g"):
            guard i < tokens.count else { return .some(nil) }
            guard tokens[i] == .char("g") else { i -= 1; return nil }
            i += 1
            return .some(.documentStart)
        case let .char(f) where "ftFT".contains(f):
            guard i < tokens.count else { return .some(nil) }
            guard case let .char(c) = tokens[i] else { return nil }
            i += 1
            return .some(.find(c, forward: f == "f" || f == "t", till: f == "t" || f == "T"))
        default:
            i -= 1
            return nil
        }
    }

    static func textObject(_ t: Token) -> TextObject? {
        guard case let .char(c) = t else { return nil }
        switch c {
        case "w": return .word(big: false)
        case "W": return .word(big: true)
        case "(", ")", "b": return .brackets(open: "(", close: ")")
        case "[", "]": return .brackets(open: "[", close: "]")
        case "{", "}", "B": return .brackets(open: "{", close: "}")
        case "<", ">": return .brackets(open: "<", close: ">")
        case "\"", "'", "`": return .quotes(c)
        default: return nil
        }
    }
}
