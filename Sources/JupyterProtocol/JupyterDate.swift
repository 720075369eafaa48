import Foundation

/// Jupyter header dates: ISO 8601 in UTC. Written with microseconds and `Z`; read leniently.
public enum JupyterDate {
    /// `date` as `2024-05-01T12:34:56.123456Z`.
    public static func string(_ date: Date) -> String {
        let total = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
        var seconds = total / 1_000_000
        var micros = total % 1_000_000
        if micros < 0 { micros += 1_000_000; seconds -= 1 }
        return format(epochSeconds: Int(seconds), micros: Int(micros))
    }

    static func format(epochSeconds: Int, micros: Int) -> String {
        var t = time_t(epochSeconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ",
                      Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(micros))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.f{1,9}][Z|±HH[:]MM]`; naive dates are taken as UTC. `nil` if unparsable.
    public static func parse(_ text: String) -> Date? {
        guard let (seconds, micros) = components(text) else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + Double(micros) / 1_000_000)
    }

    /// Seconds since the epoch and microseconds of a date text.
    static func components(_ text: String) -> (Int, Int)? {
        let b = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for i in from..<from + count {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard b.count >= 19, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x20, b[13] == 0x3A, b[16] == 0x3A,
              let year = num(0, 4), let month = num(5, 2), let day = num(8, 2),
              let hour = num(11, 2), let minute = num(14, 2), let second = num(17, 2) else { return nil }
        var i = 19
        var micros = 0
        if i < b.count, b[i] == 0x2E {
            i += 1
            var digits = 0
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                if digits < 6 { micros = micros * 10 + Int(b[i] - 0x30); digits += 1 }
                i += 1
            }
            if i == start { return nil }
            while digits < 6 { micros *= 10; digits += 1 }
        }
        var offset = 0
        if i < b.count {
            if b[i] == 0x5A { i += 1 } else if b[i] == 0x2B || b[i] == 0x2D {
                let sign = b[i] == 0x2D ? -1 : 1
                guard let oh = num(i + 1, 2) else { return nil }
                var j = i + 3
                if j < b.count, b[j] == 0x3A { j += 1 }
                guard let om = num(j, 2) else { return nil }
                offset = sign * (oh * 3600 + om * 60)
                i = j + 2
            } else { return nil }
        }
        guard i == b.count else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900); parts.tm_mon = Int32(month - 1); parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour); parts.tm_min = Int32(minute); parts.tm_sec = Int32(second)
        let epoch = timegm(&parts)
        return (Int(epoch) - offset, micros)
    }

    /// `text` re-written as `%Y-%m-%dT%H:%M:%S.%fZ` in UTC (how nbclient records timings); unchanged if unparsable.
    public static func normalized(_ text: String) -> String {
        guard let (seconds, micros) = components(text) else { return text }
        return format(epochSeconds: seconds, micros: micros)
    }
}
