import CDispatch // NIO in the graph (the [http] listener): Glibc's C structs resolve to the copies CDispatch carries
import Foundation
import Glibc
import Logging

/// How log lines look: `text` for people and the journal, `json` for log shippers.
package enum LogFormat: String, Sendable, CaseIterable {
    case text, json
}

/// One line per log event on stderr, written with a single write(2) so lines never interleave.
///
/// - `text` on a terminal or file: `2026-05-01T10:02:03.123Z WARNING message key=value …`.
/// - `text` under journald ($JOURNAL_STREAM matching stderr): `<4>message key=value …`, with no
///   timestamp (the journal adds one) and the syslog priority journald turns into PRIORITY=, so
///   `journalctl -u storywatch -p warning` filters.
/// - `json`: `{"time":…,"level":…,"label":…,"message":…,"metadata":{…}}`, prefixed with `<N>` under
///   journald (which strips it).
///
/// Metadata whose key names a secret (secret, token, password, authorization, signature, cookie)
/// is written as `<redacted>` whatever the caller passed.
package struct StderrLogHandler: LogHandler {
    package var logLevel: Logger.Level = .info
    package var metadata: Logger.Metadata = [:]
    package var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let journal: Bool
    private let format: LogFormat
    private let output: @Sendable (String) -> Void
    private let clock: @Sendable () -> timespec

    /// `journal`: whether stderr is the journal (see `stderrIsJournal`). `output` and `clock` are
    /// for tests; they default to stderr and the wall clock.
    package init(label: String, journal: Bool, format: LogFormat = .text,
                 output: @escaping @Sendable (String) -> Void = StderrLogHandler.writeToStderr,
                 clock: @escaping @Sendable () -> timespec = StderrLogHandler.wallClock) {
        self.label = label
        self.journal = journal
        self.format = format
        self.output = output
        self.clock = clock
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let fields = merged.sorted { $0.key < $1.key }.map { (key: $0.key, value: Self.redacted(key: $0.key, $0.value)) }
        let prefix = journal ? "<\(Self.priority(event.level))>" : ""
        switch format {
        case .text:
            var line = prefix
            if !journal { line += Self.timestamp(clock()) + " " + event.level.rawValue.uppercased() + " " }
            line += Self.oneLine("\(event.message)")
            for field in fields { line += " " + field.key + "=" + Self.textValue(field.value) }
            output(line + "\n")
        case .json:
            var line = prefix + "{\"time\":\"" + Self.timestamp(clock()) + "\",\"level\":\"" + event.level.rawValue
                + "\",\"priority\":\(Self.priority(event.level)),\"label\":" + Self.jsonString(label)
                + ",\"message\":" + Self.jsonString("\(event.message)")
            if !fields.isEmpty {
                line += ",\"metadata\":{"
                    + fields.map { Self.jsonString($0.key) + ":" + Self.jsonValue($0.value) }.joined(separator: ",") + "}"
            }
            output(line + "}\n")
        }
    }

    /// syslog priority of a swift-log level.
    package static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// True when stderr (or `descriptor`) is the journal: $JOURNAL_STREAM's "dev:ino" equals fstat's.
    package static func stderrIsJournal(environment: [String: String], descriptor: Int32 = 2) -> Bool {
        guard let value = environment["JOURNAL_STREAM"] else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let dev = UInt64(parts[0]), let ino = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        return UInt64(info.st_dev) == dev && UInt64(info.st_ino) == ino
    }

    // MARK: Formatting

    private static let secretWords = ["secret", "token", "password", "authorization", "signature", "cookie"]

    static func redacted(key: String, _ value: Logger.MetadataValue) -> Logger.MetadataValue {
        let lowered = key.lowercased()
        return secretWords.contains(where: lowered.contains) ? "<redacted>" : value
    }

    /// ISO 8601 in UTC with milliseconds: 2026-05-01T10:02:03.123Z.
    static func timestamp(_ time: timespec) -> String {
        var seconds = time_t(time.tv_sec)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
            + "\(pad(Int32(time.tv_nsec / 1_000_000), 3))Z"
    }

    /// A message on one line: newlines would split it into several journal entries.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return String(text.map { $0.isNewline ? " " : $0 })
    }

    /// key=value, quoting values with spaces, quotes or newlines.
    static func textValue(_ value: Logger.MetadataValue) -> String {
        let text = oneLine("\(value)")
        guard text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return text }
        return jsonString(text)
    }

    static func jsonValue(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): jsonString(text)
        case .stringConvertible(let convertible): jsonString(convertible.description)
        case .array(let values): "[" + values.map(jsonValue).joined(separator: ",") + "]"
        case .dictionary(let values):
            "{" + values.sorted { $0.key < $1.key }
                .map { jsonString($0.key) + ":" + jsonValue(redacted(key: $0.key, $0.value)) }
                .joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal (RFC 8259 escapes).
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    // MARK: Defaults

    /// write(2) to descriptor 2, retried on EINTR and short writes.
    package static let writeToStderr: @Sendable (String) -> Void = { line in
        var bytes = Array(line.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    package static let wallClock: @Sendable () -> timespec = {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now
    }
}
