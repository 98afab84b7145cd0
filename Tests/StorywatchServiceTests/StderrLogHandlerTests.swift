import Foundation
import Glibc
import Logging
import StorywatchService
import Synchronization
import Testing

/// Lines a handler wrote, instead of stderr.
final class LineSink: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    func append(_ line: String) { storage.withLock { $0.append(line) } }
}

struct StderrLogHandlerTests {
    /// 2026-05-01T10:02:03.123Z
    private static let fixedTime = timespec(tv_sec: 1_777_629_723, tv_nsec: 123_456_789)

    private func logger(journal: Bool, format: LogFormat = .text, sink: LineSink) -> Logger {
        var logger = Logger(label: "storywatch") { label in
            StderrLogHandler(label: label, journal: journal, format: format,
                             output: { sink.append($0) }, clock: { Self.fixedTime })
        }
        logger.logLevel = .debug
        return logger
    }

    @Test func log_whenStderrIsTheJournal_prefixesPriorityAndOmitsTimestamp() {
        // Given a handler writing to the journal
        let sink = LineSink()
        let log = logger(journal: true, sink: sink)
        // When a warning, a notice and an error are logged
        log.warning("skipped file", metadata: ["document.path": "a b.txt", "reason": "binary"])
        log.notice("reversal: Iran refused talks")
        log.error("corpus gone")
        // Then each line starts with its syslog priority and has no timestamp
        #expect(sink.lines == ["<4>skipped file document.path=\"a b.txt\" reason=binary\n",
                               "<5>reversal: Iran refused talks\n",
                               "<3>corpus gone\n"])
    }

    @Test func log_whenPlainText_startsWithTimestampAndLevel() {
        // Given a handler writing to a terminal
        let sink = LineSink()
        let log = logger(journal: false, sink: sink)
        // When an info line with a multi-line message is logged
        log.info("watching\nthe corpus", metadata: ["folders": "3"])
        // Then it is one line: UTC timestamp with milliseconds, level, message, metadata
        #expect(sink.lines == ["2026-05-01T10:02:03.123Z INFO watching the corpus folders=3\n"])
    }

    @Test func log_whenJSON_writesOneParsableObjectPerLine() throws {
        // Given a JSON handler
        let sink = LineSink()
        let log = logger(journal: false, format: .json, sink: sink)
        // When a warning with metadata is logged
        log.warning("delivery failed \"429\"", metadata: ["webhook.name": "ops", "attempt": "3"])
        // Then the line is one JSON object with every field
        let line = try #require(sink.lines.first)
        #expect(line.hasSuffix("}\n") && sink.lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["time"] as? String == "2026-05-01T10:02:03.123Z")
        #expect(object["level"] as? String == "warning")
        #expect(object["priority"] as? Int == 4)
        #expect(object["message"] as? String == "delivery failed \"429\"")
        #expect(object["metadata"] as? [String: String] == ["webhook.name": "ops", "attempt": "3"])
    }

    @Test func log_whenJSONUnderJournal_keepsThePriorityPrefix() {
        let sink = LineSink()
        logger(journal: true, format: .json, sink: sink).notice("development")
        #expect(sink.lines.first?.hasPrefix("<5>{\"time\":") == true)
    }

    @Test func log_whenMetadataNamesASecret_redactsIt() {
        // Given a handler
        let sink = LineSink()
        let log = logger(journal: true, sink: sink)
        // When metadata carries a secret, a token and a signature
        log.info("request", metadata: ["webhook.secret": "whsec_abc", "Authorization": "Bearer x",
                                       "webhook-signature": "v1,abc", "webhook.name": "ops"])
        // Then none of them appears
        let line = sink.lines.joined()
        #expect(!line.contains("whsec_abc") && !line.contains("Bearer") && !line.contains("v1,abc"))
        #expect(line.contains("webhook.name=ops"))
    }

    @Test func stderrIsJournal_whenDeviceAndInodeMatch_isTrue() {
        // Given stderr's own device and inode, and others
        var info = stat()
        #expect(fstat(2, &info) == 0)
        let matching = "\(info.st_dev):\(info.st_ino)"
        // Then only the matching JOURNAL_STREAM counts
        #expect(StderrLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": matching]))
        #expect(!StderrLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "\(info.st_dev):\(info.st_ino + 1)"]))
        #expect(!StderrLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "garbage"]))
        #expect(!StderrLogHandler.stderrIsJournal(environment: [:]))
    }
}
