import Foundation
import Testing
@testable import NotebookFormat

/// Joining line lists while parsing must give exactly what parsing and then `rejoin_lines` gives,
/// including where `rejoin_lines` leaves lists alone.
@Suite struct LineJoiningTests {
    static let cases: [String] = [
        // outputs of a markdown cell are not joined
        #"{"cell_type": "markdown", "metadata": {}, "source": ["a\n", "b"], "outputs": [{"output_type": "stream", "name": "stdout", "text": ["x\n", "y"]}]}"#,
        // a data bundle in a stream output is not joined; its text is
        #"{"cell_type": "code", "metadata": {}, "source": [], "execution_count": null, "outputs": [{"output_type": "stream", "name": "stdout", "text": ["x\n", "y"], "data": {"text/plain": ["p", "q"]}}]}"#,
        // text of an execute_result is not joined; its data is
        #"{"cell_type": "code", "metadata": {}, "source": "", "execution_count": 1, "outputs": [{"output_type": "execute_result", "execution_count": 1, "metadata": {}, "text": ["t", "u"], "data": {"text/plain": ["p", "q"], "application/json": ["j", "k"]}}]}"#,
        // no output_type: nothing joined
        #"{"cell_type": "code", "metadata": {}, "source": "", "execution_count": 1, "outputs": [{"text": ["t", "u"]}]}"#,
        // an output that is not an object: outputs kept as they are
        #"{"cell_type": "code", "metadata": {}, "source": "", "execution_count": 1, "outputs": [{"output_type": "stream", "name": "stdout", "text": ["t", "u"]}, 3]}"#,
        // a source list holding a number is not joined
        #"{"cell_type": "code", "metadata": {}, "source": ["a", 1, "b"], "execution_count": null, "outputs": []}"#,
        // the last of duplicate keys wins
        #"{"cell_type": "code", "metadata": {}, "source": ["a", "b"], "source": ["c", 2], "execution_count": null, "outputs": [{"output_type": "stream", "name": "stdout", "text": ["1", "2"], "text": "3"}]}"#,
        // cell_type after outputs; attachments on a code cell are joined anyway
        #"{"outputs": [{"output_type": "display_data", "metadata": {}, "data": {"image/svg+xml": ["<svg>", "</svg>"], "application/vnd.x+json": {"a": ["b", "c"]}}}], "attachments": {"a.png": {"text/plain": ["x", "y"], "application/json": ["z"]}}, "execution_count": null, "metadata": {"source": ["m", "n"]}, "source": [], "cell_type": "code"}"#,
        // outputs of a raw cell after its type changed key order
        #"{"outputs": [{"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["a", "b"], "text": ["c", "d"]}], "cell_type": "raw", "metadata": {}, "source": ["r"]}"#,
        // empty lists and whitespace everywhere
        "{ \"cell_type\" : \"code\" , \"metadata\" : { } , \"source\" : [ ] , \"execution_count\" : null , \"outputs\" : [ { \"output_type\" : \"stream\" , \"name\" : \"stderr\" , \"text\" : [ \"a\\n\" , \"\\u00e9\" ] } ] }",
    ]

    @Test(arguments: cases.indices)
    func joiningWhileParsingMatchesJoiningAfterwards(_ index: Int) throws {
        let text = "{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [\(Self.cases[index])]}"
        let data = Data(text.utf8)
        let fast = try NotebookReader.read(data, joiningWhileParsing: true).notebook
        let reference = try NotebookReader.read(data, joiningWhileParsing: false).notebook
        #expect(fast == reference)
        #expect(fast.serialized() == reference.serialized())
    }

    @Test func errorsInsideLineListsAreLocated() throws {
        let text = "{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {},\n \"cells\": [{\"source\": [\"a\", \"b\" \"c\"]}]}"
        do {
            _ = try Notebook(data: Data(text.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("line 2, column 33: expected ',' or ']'"))
        }
    }
}
