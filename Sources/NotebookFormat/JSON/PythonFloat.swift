/// Formats doubles exactly as Python's `float.__repr__` (and thus `json.dumps`) does.
///
/// Shortest round-trip digits; positional notation when 1e-4 ≤ |x| < 1e16 with a `.0` for integral
/// values; otherwise `d[.ddd]e±XX`. `NaN`, `Infinity`, `-Infinity` as `json.dumps` writes them.
public enum PythonFloat {
    /// Python's `repr(x)` as `json.dumps` writes it.
    public static func repr(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-Infinity" : "Infinity" }
        if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description has the shortest round-trip digits; only its layout differs.
        let (negative, digits, decimalPoint) = shortestDigits(x)
        var out = negative ? "-" : ""
        if decimalPoint > -4 && decimalPoint <= 16 {
            if decimalPoint <= 0 {
                out += "0." + String(repeating: "0", count: -decimalPoint) + digits
            } else if decimalPoint >= digits.count {
                out += digits + String(repeating: "0", count: decimalPoint - digits.count) + ".0"
            } else {
                let i = digits.index(digits.startIndex, offsetBy: decimalPoint)
                out += digits[..<i] + "." + digits[i...]
            }
        } else {
            let exponent = decimalPoint - 1
            out += String(digits.first!)
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += exponent < 0 ? "e-" : "e+"
            let e = String(abs(exponent))
            out += (e.count < 2 ? "0" : "") + e
        }
        return out
    }

    /// Sign, significant digits (no leading or trailing zeros) and the position of the decimal point:
    /// x = 0.d1d2d3… × 10^decimalPoint.
    static func shortestDigits(_ x: Double) -> (Bool, String, Int) {
        let text = x.magnitude.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointAt: Int? = nil
        for ch in mantissa {
            if ch == "." { pointAt = digits.count } else { digits.append(ch) }
        }
        var point = (pointAt ?? digits.count) + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (x.sign == .minus, digits, point)
    }
}
