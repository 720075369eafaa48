import Foundation
import Testing
import TestSupport
import JupyterProtocol
@testable import JupyterClient

@Suite(.serialized, .sharedKernel()) struct ExecutionTests {
    var client: KernelClient { get throws { try SharedKernel.require().client } }

    @Test func readyKernelReportsItsLanguage() throws {
        let c = try client
        let info = try #require(c.session.kernelInfo)
        #expect(info["language_info"]?["name"]?.stringValue == "python")
        #expect(info["status"]?.stringValue == "ok")
    }

    @Test func executesAndCollectsResultStdoutAndStderr() throws {
        let e = try client.executeAndWait("import sys\nprint('out')\nprint('err', file=sys.stderr)\n6*7", timeout: 30)
        #expect(e.status == .ok)
        #expect(e.streamText("stdout") == "out\n")
        #expect(e.streamText("stderr") == "err\n")
        let result = try #require(e.outputs.outputs.first { $0.kind == .executeResult })
        #expect(result.data["text/plain"]?.stringValue == "42")
        #expect(result.executionCount == e.executionCount)
        #expect(e.executionCount != nil)
        #expect(e.timing.busy != nil && e.timing.idle != nil && e.timing.executeInput != nil && e.timing.executeReply != nil)
    }

    @Test func executionCountAdvances() throws {
        let a = try client.executeAndWait("1", timeout: 30)
        let b = try client.executeAndWait("2", timeout: 30)
        #expect(try #require(b.executionCount) == (try #require(a.executionCount)) + 1)
        let silent = try client.executeAndWait("3", options: ExecuteOptions(silent: true), timeout: 30)
        #expect(silent.outputs.outputs.isEmpty)
    }

    @Test func errorsCarryNameValueAndTraceback() throws {
        let e = try client.executeAndWait("1/0", timeout: 30)
        guard case .error(let ename, let evalue, let tb)? = e.status else {
            Issue.record("expected an error, got \(String(describing: e.status))")
            return
        }
        #expect(ename == "ZeroDivisionError")
        #expect(evalue.contains("division by zero"))
        #expect(!tb.isEmpty)
        #expect(e.outputs.outputs.contains { $0.kind == .error && $0.ename == "ZeroDivisionError" })
    }

    @Test func queuedExecutionsAfterAnErrorAreAborted() throws {
        let c = try client
        let first = c.execute("raise ValueError('x')")
        let second = c.execute("print('never')")
        try c.run(timeout: 30, what: "both") { c.execution(first)!.isFinished && c.execution(second)!.isFinished }
        #expect(c.execution(second)?.status == .aborted)
        #expect(c.execution(second)?.outputs.outputs.isEmpty == true)
    }

    @Test func inputAndGetpassAreAnswered() throws {
        var prompts: [(String, Bool)] = []
        let e = try client.executeAndWait("""
            name = input('name? ')
            import getpass
            secret = getpass.getpass('secret? ')
            print(name.upper(), len(secret))
            """, timeout: 30, input: { prompt, password in
                prompts.append((prompt, password))
                return password ? "hunter2" : "ada"
            })
        #expect(e.status == .ok)
        #expect(prompts.map(\.0) == ["name? ", "secret? "])
        #expect(prompts.map(\.1) == [false, true])
        #expect(e.streamText().hasSuffix("ADA 7\n"))
    }

    @Test func displayUpdatesReachEarlierExecutions() throws {
        let c = try client
        let first = try c.executeAndWait("h = display('one', display_id=True)", timeout: 30)
        #expect(first.outputs.outputs.first?.data["text/plain"]?.stringValue == "'one'")
        var updated: [String] = []
        _ = try c.executeAndWait("h.update('two')", timeout: 30, onEvent: { event in
            if case .displayUpdated(_, _, _, let ids) = event { updated += ids }
        })
        #expect(updated == [first.requestID])
        let after = try #require(c.execution(first.requestID))
        #expect(after.outputs.outputs.count == 1)
        #expect(after.outputs.outputs.first?.data["text/plain"]?.stringValue == "'two'")
    }

    @Test func displayingAKnownIdAgainUpdatesTheEarlierOutput() throws {
        let c = try client
        let first = try c.executeAndWait("display('a', display_id='shared-id')", timeout: 30)
        let second = try c.executeAndWait("display('b', display_id='shared-id')", timeout: 30)
        #expect(c.execution(first.requestID)?.outputs.outputs.first?.data["text/plain"]?.stringValue == "'b'")
        #expect(second.outputs.outputs.first?.data["text/plain"]?.stringValue == "'b'")
    }

    @Test func clearOutputWaitKeepsOnlyTheLastOutput() throws {
        let e = try client.executeAndWait("""
            from IPython.display import clear_output
            for i in range(5):
                clear_output(wait=True)
                print(f'step {i}')
            """, timeout: 30)
        #expect(e.outputs.outputs.count == 1)
        #expect(e.streamText() == "step 4\n")
    }

    @Test func carriageReturnsLeaveTheLastProgressState() throws {
        let e = try client.executeAndWait("""
            import sys
            for i in range(101):
                sys.stdout.write(f'\\rprogress {i:3d}%')
                sys.stdout.flush()
            print()
            print('done')
            """, timeout: 30)
        #expect(e.streamText() == "progress 100%\ndone\n")
    }

    @Test func bigPrintArrivesCompletely() throws {
        let e = try client.executeAndWait("for i in range(200000): print(i)", timeout: 120)
        #expect(e.status == .ok)
        let text = e.streamText()
        #expect(e.outputs.outputs.count == 1)
        var expected = 0
        for i in 0..<200_000 { expected += String(i).utf8.count + 1 }
        #expect(text.utf8.count == expected)
        #expect(text.hasSuffix("199998\n199999\n"))
    }

    @Test func completionOffersModules() throws {
        let code = "import o"
        let reply = try client.requestAndWait("complete_request", content: ["code": .string(code), "cursor_pos": .int(code.unicodeScalars.count)])
        let matches = reply.content["matches"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(matches.contains("os"))
        #expect(reply.content["cursor_end"]?.intValue == 8)
    }

    @Test func inspectionCountsCodePointsPastEmoji() throws {
        let c = try client
        let code = "s = '🙂🙂🙂'; len"
        let cursor = CursorPosition.codePoints(in: code, at: code.endIndex)
        #expect(cursor == code.unicodeScalars.count)
        let reply = try c.waitForReply(c.inspect(code: code, cursor: cursor))
        #expect(reply.content["found"]?.boolValue == true)
        #expect(reply.content["data"]?["text/plain"]?.stringValue?.contains("len(obj") == true)
    }

    @Test func isCompleteHistoryCommInfoAndKernelInfo() throws {
        let c = try client
        #expect(try c.waitForReply(c.isComplete(code: "for i in x:")).content["status"]?.stringValue == "incomplete")
        #expect(try c.waitForReply(c.isComplete(code: "x = 1")).content["status"]?.stringValue == "complete")
        _ = try c.executeAndWait("history_marker = 1", timeout: 30)
        let history = try c.waitForReply(c.historyTail(5)).content["history"]?.arrayValue ?? []
        #expect(history.contains { $0.arrayValue?.last?.stringValue == "history_marker = 1" })
        #expect(try c.waitForReply(c.commInfo()).content["status"]?.stringValue == "ok")
        #expect(try c.waitForReply(c.kernelInfo()).content["implementation"]?.stringValue == "ipython")
    }

    @Test func userExpressionsAreEvaluated() throws {
        let e = try client.executeAndWait("x = 20", options: ExecuteOptions(userExpressions: ["double": "x*2"]), timeout: 30)
        #expect(e.reply?["user_expressions"]?["double"]?["data"]?["text/plain"]?.stringValue == "40")
    }
}
