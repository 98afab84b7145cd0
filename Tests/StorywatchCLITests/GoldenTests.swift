import Foundation
import StorywatchTesting
import Testing

/// The extraction of our own golden articles (Tests/Golden/corpus) against the checked-in output
/// (Tests/Golden/expected.jsonl). The expected file records today's behaviour, mistakes included:
/// the test catches changes nobody meant. When a change is meant, `make golden` rewrites it.
@Suite(.enabled(if: StorywatchBinary.path != nil, "storywatch is not built: run `swift build` first"))
struct GoldenTests {
    static let corpus = "Tests/Golden/corpus"
    static let expected = "Tests/Golden/expected.jsonl"

    @Test func extract_whenGoldenCorpusRead_printsTheCheckedInEvents() async throws {
        // Given the golden articles, named as `make golden` names them (sorted, relative to the package)
        let root = StorywatchBinary.packageRoot.path
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/" + Self.corpus)
            .filter { $0.hasSuffix(".txt") }.sorted()
        try #require(names.count >= 6, "golden corpus missing: \(Self.corpus)")
        let expected = try String(contentsOfFile: root + "/" + Self.expected, encoding: .utf8)

        // When they are extracted in one run
        let result = try await StorywatchBinary.run(["extract", "--format", "jsonl"] + names.map { Self.corpus + "/" + $0 },
                                              in: root)

        // Then the output is the checked-in one, line for line
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let diff = LineDiff.lines(expected: lines(of: expected), actual: lines(of: result.stdout))
        if !diff.isEmpty {
            Issue.record("""
                extraction of \(Self.corpus) differs from \(Self.expected) (- expected, + actual); \
                run `make golden` if the change is meant:
                \(diff.map(Self.readable).joined(separator: "\n"))
                """)
        }
    }

    @Test func readable_whenEventLine_summarisesItAboveTheLine() {
        // Given a diff line holding one event
        let line = #"+ {"document":"a/b.txt","mode":"expel","quote":"Estonia expelled three diplomats.","#
            + #""source":{"code":"EST"},"status":"done","target":{"code":"RUSGOV"},"type":"SANCTION"}"#

        // When it is made readable
        let text = Self.readable(line)

        // Then the event's family, status and parties come first, the whole line after
        #expect(text.hasPrefix("+ b.txt: SANCTION/expel done EST→RUSGOV «Estonia expelled three diplomats.»\n"))
        #expect(text.hasSuffix(String(line.dropFirst(2))))
    }

    @Test func diff_whenOneLineChanged_showsItRemovedAndAdded() {
        // Given two outputs that differ in their middle line
        // When they are compared
        let diff = LineDiff.lines(expected: ["a", "b", "c"], actual: ["a", "x", "c"])

        // Then only that line is shown, as removed and added
        #expect(diff == ["- b", "+ x"])
    }

    /// A diff line as "± file: TYPE/mode status SOURCE→TARGET «quote»", the JSON line below it.
    static func readable(_ line: String) -> String {
        let sign = line.prefix(2), json = line.dropFirst(2)
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return line
        }
        func field(_ key: String) -> String { object[key] as? String ?? "-" }
        func code(_ key: String) -> String { (object[key] as? [String: Any])?["code"] as? String ?? "-" }
        let file = field("document").split(separator: "/").last.map(String.init) ?? "-"
        let quote = field("quote")
        let short = quote.count > 80 ? quote.prefix(80) + "…" : quote
        return "\(sign)\(file): \(field("type"))/\(field("mode")) \(field("status")) "
            + "\(code("source"))→\(code("target")) «\(short)»\n    \(json)"
    }

    private func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}

/// A line diff by longest common subsequence: the lines only in `expected` ("- ") and only in
/// `actual` ("+ "), in order; empty when they agree.
enum LineDiff {
    static func lines(expected a: [String], actual b: [String]) -> [String] {
        // common[i][j]: length of the longest common subsequence of a[i...] and b[j...].
        var common = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1
                j += 1
            } else if j == b.count || (i < a.count && common[i + 1][j] >= common[i][j + 1]) {
                out.append("- " + a[i])
                i += 1
            } else {
                out.append("+ " + b[j])
                j += 1
            }
        }
        return out
    }
}
