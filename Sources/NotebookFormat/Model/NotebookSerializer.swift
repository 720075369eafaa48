import Foundation

/// Writes a notebook exactly as `nbformat.write` does: `split_lines`, `strip_transient`, then
/// `json.dumps(indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False)` and a final newline.
public enum NotebookSerializer {
    /// The file bytes for `notebook`.
    public static func serialize(_ notebook: Notebook) -> Data {
        var w = JSONWriter(capacity: 1 << 16)
        write(notebook, into: &w)
        return w.takeData()
    }

    /// The file bytes for `notebook` in `malloc` memory the caller owns (and frees with `free`):
    /// no copy is made, so a big notebook is held once.
    public static func serializeToMemory(_ notebook: Notebook) -> UnsafeMutableBufferPointer<UInt8> {
        var w = JSONWriter(capacity: 1 << 16)
        write(notebook, into: &w)
        return w.takeMemory()
    }

    static func write(_ notebook: Notebook, into w: inout JSONWriter) {
        var top = notebook.extra
        top["cells"] = .null  // placeholders: written from the model below
        top["metadata"] = .null
        top["nbformat"] = .int(notebook.nbformat)
        top["nbformat_minor"] = .int(notebook.nbformatMinor)
        w.writeObject(top, depth: 0) { w, key, value, depth in
            switch key {
            case "cells":
                if notebook.cells.isEmpty {
                    w.raw("[]")
                    return
                }
                w.byte(UInt8(ascii: "["))
                for (n, cell) in notebook.cells.enumerated() {
                    if n > 0 { w.byte(UInt8(ascii: ",")) }
                    w.newline(depth + 1)
                    writeCell(cell, into: &w, depth: depth + 1)
                }
                w.newline(depth)
                w.byte(UInt8(ascii: "]"))
            case "metadata":
                w.writeObject(notebook.metadata, depth: depth,
                              skipping: ["orig_nbformat", "orig_nbformat_minor", "signature"]) { w, _, v, d in
                    w.write(v, depth: d)
                }
            default:
                w.write(value, depth: depth)
            }
        }
        w.byte(0x0A)
    }

    static func writeCell(_ cell: Cell, into w: inout JSONWriter, depth: Int) {
        var fields = cell.fields
        if cell.outputStorage != nil { fields["outputs"] = .null }
        let isCode = cell.fields["cell_type"]?.stringValue == "code"
        w.writeObject(fields, depth: depth) { w, key, value, depth in
            switch key {
            case "source":
                if case .string(let s) = value { w.writeSplitLines(s, depth: depth) } else { w.write(value, depth: depth) }
            case "attachments":
                guard case .object(let attachments) = value else { return w.write(value, depth: depth) }
                w.writeObject(attachments, depth: depth) { w, _, bundle, d in writeBundle(bundle, into: &w, depth: d) }
            case "metadata":
                guard case .object(let m) = value else { return w.write(value, depth: depth) }
                w.writeObject(m, depth: depth, skipping: ["trusted"]) { w, _, v, d in w.write(v, depth: d) }
            case "outputs" where cell.outputStorage != nil:
                writeOutputs(cell.outputStorage!, split: isCode, into: &w, depth: depth)
            default:
                w.write(value, depth: depth)
            }
        }
    }

    static func writeOutputs(_ outputs: [Output], split: Bool, into w: inout JSONWriter, depth: Int) {
        if outputs.isEmpty {
            w.raw("[]")
            return
        }
        w.byte(UInt8(ascii: "["))
        for (n, output) in outputs.enumerated() {
            if n > 0 { w.byte(UInt8(ascii: ",")) }
            w.newline(depth + 1)
            let type = output.fields["output_type"]?.stringValue
            let isBundle = split && (type == "execute_result" || type == "display_data")
            let isStream = split && type == "stream"
            w.writeObject(output.fields, depth: depth + 1) { w, key, value, d in
                if isBundle && key == "data" {
                    writeBundle(value, into: &w, depth: d)
                } else if isStream && key == "text", case .string(let s) = value {
                    w.writeSplitLines(s, depth: d)
                } else {
                    w.write(value, depth: d)
                }
            }
        }
        w.newline(depth)
        w.byte(UInt8(ascii: "]"))
    }

    /// nbformat's `_split_mimebundle`: text-like string values written as lists of lines.
    static func writeBundle(_ value: JSONValue, into w: inout JSONWriter, depth: Int) {
        guard case .object(let bundle) = value else { return w.write(value, depth: depth) }
        w.writeObject(bundle, depth: depth) { w, key, v, d in
            if case .string(let s) = v, MimeType.isSplitOnWrite(key) {
                w.writeSplitLines(s, depth: d)
            } else {
                w.write(v, depth: d)
            }
        }
    }
}
