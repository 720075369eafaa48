/// The tables `MathText` reads: TeX commands to Unicode, and super/subscript forms.
enum MathSymbols {
    static let commands: [String: String] = [
        // Greek
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς",
        "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        // Big operators
        "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮",
        "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
        // Relations
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "equiv": "≡",
        "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝", "ll": "≪", "gg": "≫", "in": "∈", "notin": "∉",
        "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇", "perp": "⊥",
        "parallel": "∥", "mid": "∣", "models": "⊨", "vdash": "⊢", "prec": "≺", "succ": "≻",
        // Arrows
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔", "Rightarrow": "⇒",
        "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹", "impliedby": "⟸", "iff": "⟺", "mapsto": "↦",
        "longrightarrow": "⟶", "longleftarrow": "⟵", "uparrow": "↑", "downarrow": "↓", "hookrightarrow": "↪",
        // Binary operators
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆", "circ": "∘",
        "bullet": "∙", "oplus": "⊕", "otimes": "⊗", "cup": "∪", "cap": "∩", "setminus": "∖", "wedge": "∧",
        "vee": "∨", "land": "∧", "lor": "∨", "neg": "¬", "lnot": "¬",
        // Misc
        "infty": "∞", "forall": "∀", "exists": "∃", "nexists": "∄", "partial": "∂", "nabla": "∇",
        "emptyset": "∅", "varnothing": "∅", "ldots": "…", "cdots": "⋯", "dots": "…", "vdots": "⋮", "ddots": "⋱",
        "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
        "prime": "′", "hbar": "ℏ", "ell": "ℓ", "Re": "ℜ", "Im": "ℑ", "aleph": "ℵ", "angle": "∠",
        "triangle": "△", "square": "□", "degree": "°", "top": "⊤", "bot": "⊥", "therefore": "∴",
        "because": "∵", "checkmark": "✓", "dagger": "†", "S": "§", "colon": ":", "vert": "|", "Vert": "‖",
        "lbrace": "{", "rbrace": "}", "backslash": "\\",
        // Spacing and escapes
        "quad": "  ", "qquad": "    ", ",": " ", ";": " ", ":": " ", ">": " ", "!": "", " ": " ",
        "{": "{", "}": "}", "%": "%", "$": "$", "_": "_", "&": "&", "#": "#", "|": "‖",
        // Named functions stay words
        "sin": "sin", "cos": "cos", "tan": "tan", "cot": "cot", "sec": "sec", "csc": "csc", "arcsin": "arcsin",
        "arccos": "arccos", "arctan": "arctan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "log": "log",
        "ln": "ln", "lg": "lg", "exp": "exp", "lim": "lim", "liminf": "lim inf", "limsup": "lim sup", "max": "max",
        "min": "min", "sup": "sup", "inf": "inf", "det": "det", "dim": "dim", "ker": "ker", "deg": "deg",
        "gcd": "gcd", "arg": "arg", "Pr": "Pr", "mod": "mod", "bmod": "mod",
    ]

    /// Commands whose one argument is shown as it is (fonts, text).
    static let passThrough: Set<String> = [
        "text", "textrm", "textit", "textbf", "texttt", "mathrm", "mathit", "mathbf", "mathsf", "mathtt",
        "operatorname", "boldsymbol", "bm", "mbox", "displaystyle", "textstyle", "emph",
    ]

    /// Commands that are dropped with no output (sizes, style switches).
    static let ignored: Set<String> = [
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
        "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "nonumber", "notag", "middle",
    ]

    /// Accents as combining characters.
    static let accents: [String: Character] = [
        "hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0305}", "vec": "\u{20D7}",
        "dot": "\u{0307}", "ddot": "\u{0308}", "tilde": "\u{0303}", "widetilde": "\u{0303}", "acute": "\u{0301}",
        "grave": "\u{0300}", "breve": "\u{0306}", "check": "\u{030C}", "underline": "\u{0332}",
    ]

    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "a": "ᵃ", "b": "ᵇ", "c": "ᶜ", "d": "ᵈ",
        "e": "ᵉ", "f": "ᶠ", "g": "ᵍ", "h": "ʰ", "i": "ⁱ", "j": "ʲ", "k": "ᵏ", "l": "ˡ", "m": "ᵐ", "n": "ⁿ",
        "o": "ᵒ", "p": "ᵖ", "r": "ʳ", "s": "ˢ", "t": "ᵗ", "u": "ᵘ", "v": "ᵛ", "w": "ʷ", "x": "ˣ", "y": "ʸ",
        "z": "ᶻ", "A": "ᴬ", "B": "ᴮ", "D": "ᴰ", "E": "ᴱ", "G": "ᴳ", "H": "ᴴ", "I": "ᴵ", "J": "ᴶ", "K": "ᴷ",
        "L": "ᴸ", "M": "ᴹ", "N": "ᴺ", "O": "ᴼ", "P": "ᴾ", "R": "ᴿ", "T": "ᵀ", "U": "ᵁ", "V": "ⱽ", "W": "ᵂ",
        "α": "ᵅ", "β": "ᵝ", "γ": "ᵞ", "δ": "ᵟ", "θ": "ᶿ", "ϕ": "ᵠ", "φ": "ᵠ", "χ": "ᵡ", "′": "′", "∗": "*",
        "*": "*", " ": " ", "∘": "°",
    ]

    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "h": "ₕ", "i": "ᵢ",
        "j": "ⱼ", "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ", "o": "ₒ", "p": "ₚ", "r": "ᵣ", "s": "ₛ", "t": "ₜ",
        "u": "ᵤ", "v": "ᵥ", "x": "ₓ", "β": "ᵦ", "γ": "ᵧ", "ρ": "ᵨ", "ϕ": "ᵩ", "φ": "ᵩ", "χ": "ᵪ", " ": " ",
    ]

    static let doubleStruck: [Character: String] = [
        "C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ", "1": "𝟙",
    ]

    static let script: [Character: String] = [
        "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ", "e": "ℯ", "g": "ℊ", "o": "ℴ",
    ]

    /// A letter in a mathematical alphabet: `base` is the code point of its `A` (lowercase follows
    /// 26 later); `exceptions` are the letters Unicode placed elsewhere.
    static func alphabet(_ c: Character, base: UInt32, exceptions: [Character: String]) -> String {
        if let e = exceptions[c] { return e }
        guard let a = c.asciiValue else { return String(c) }
        let v: UInt32
        switch a {
        case 65...90: v = base + UInt32(a - 65)
        case 97...122: v = base + 26 + UInt32(a - 97)
        default: return String(c)
        }
        return Unicode.Scalar(v).map { String(Character($0)) } ?? String(c)
    }
}
