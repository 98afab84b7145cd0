import Foundation
import StorywatchModel
import TOMLKit

/// Reads and checks a TOML config; refuses unknown keys, wrong types, relative paths and
/// non-http(s) URLs, reporting every problem with file, key and line.
package struct ConfigLoader: Sendable {
    package var environment: [String: String]

    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Loads `path`. Throws `ConfigError` listing every problem.
    package func load(path: String) throws(ConfigError) -> StorywatchConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(problems: [ConfigProblem(file: path, key: nil, line: nil,
                                                       reason: "cannot read the file; check the path and its permissions")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(problems: [ConfigProblem(file: path, key: nil, line: nil, reason: "not UTF-8 text")])
        }
        // An empty or comment-only file is a truncated or unfinished one, never "all defaults".
        guard text.split(whereSeparator: \.isNewline).contains(where: { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }) else {
            throw ConfigError(problems: [ConfigProblem(file: path, key: nil, line: nil,
                                                       reason: "the file holds no settings (empty or truncated?); write at least `corpus`")])
        }
        return try parse(text: text, file: path)
    }

    /// Parses config text; `file` names it in messages.
    package func parse(text: String, file: String) throws(ConfigError) -> StorywatchConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(problems: [ConfigProblem(file: file, key: nil, line: error.source.begin.line,
                                                       reason: "TOML syntax: \(error.description)")])
        } catch {
            throw ConfigError(problems: [ConfigProblem(file: file, key: nil, line: nil, reason: "TOML syntax: \(error)")])
        }
        var reader = ConfigReader(file: file, lines: KeyLines(text: text))
        var config = StorywatchConfig(environment: environment)
        reader.read(table, into: &config)
        if !reader.problems.isEmpty { throw ConfigError(problems: reader.problems) }
        return config
    }
}

/// Walks the parsed table, collecting problems instead of stopping at the first.
private struct ConfigReader {
    let file: String
    let lines: KeyLines
    var problems: [ConfigProblem] = []

    mutating func fail(_ key: String, _ reason: String, section: String? = nil, index: Int = 0) {
        let bare = String(key.split(separator: ".").last ?? Substring(key))
        problems.append(ConfigProblem(file: file, key: key, line: lines.line(of: bare, section: section, index: index),
                                      reason: reason))
    }

    mutating func read(_ table: TOMLTable, into config: inout StorywatchConfig) {
        let known: Set = ["corpus", "state", "include", "exclude", "max_file_bytes", "dictionaries", "detect", "webhook",
                          "retain_days", "http"]
        for key in table.keys.sorted() where !known.contains(key) {
            fail(key, "unknown key (known: \(known.sorted().joined(separator: ", ")))")
        }
        if let v = table["corpus"] { config.corpus = absolutePath(v, key: "corpus") }
        if let v = table["state"], let p = absolutePath(v, key: "state") { config.state = p }
        if let v = table["dictionaries"], let p = absolutePath(v, key: "dictionaries") { config.dictionaries = p }
        if let v = table["include"] { config.include = strings(v, key: "include") ?? [] }
        if let v = table["exclude"] { config.exclude = strings(v, key: "exclude") ?? [] }
        if let v = table["max_file_bytes"] {
            if let n = v.int, n > 0 { config.maxFileBytes = Int64(n) } else { fail("max_file_bytes", "must be a positive integer (bytes)") }
        }
        if let v = table["retain_days"] {
            if let n = v.int, n > 0 { config.retainDays = n } else { fail("retain_days", "must be a positive integer (days)") }
        }
        if let v = table["detect"] {
            if let detect = v.table { readDetect(detect, into: &config) } else { fail("detect", "must be a table: [detect]") }
        }
        if let v = table["http"] {
            if let http = v.table { config.http = readHTTP(http) } else { fail("http", "must be a table: [http]") }
        }
        if let v = table["webhook"] {
            guard let array = v.array else {
                fail("webhook", "must be an array of tables: [[webhook]]")
                return
            }
            var seen = Set<String>()
            for (i, element) in array.enumerated() {
                guard let t = element.table else {
                    fail("webhook[\(i + 1)]", "must be a table")
                    continue
                }
                guard let hook = readWebhook(t, index: i) else { continue }
                // `i` is the table's own index, so an invalid table before it does not shift the report.
                if !seen.insert(hook.name).inserted {
                    fail("webhook[\(i + 1)].name", "duplicate webhook name \"\(hook.name)\"", section: "webhook", index: i)
                }
                config.webhooks.append(hook)
            }
        }
    }

    mutating func readDetect(_ t: TOMLTable, into config: inout StorywatchConfig) {
        for key in t.keys.sorted() where !["kinds", "window_days", "alert_on_first_scan"].contains(key) {
            fail("detect.\(key)", "unknown key (known: alert_on_first_scan, kinds, window_days)", section: "detect")
        }
        if let v = t["alert_on_first_scan"] {
            if let b = v.bool { config.alertOnFirstScan = b } else {
                fail("detect.alert_on_first_scan", "must be true or false", section: "detect")
            }
        }
        if let v = t["kinds"], let kinds = kinds(v, key: "detect.kinds", section: "detect") { config.kinds = kinds }
        if let v = t["window_days"] {
            if let n = v.int, n > 0 { config.windowDays = n } else {
                fail("detect.window_days", "must be a positive integer (days)", section: "detect")
            }
        }
    }

    /// `[http] listen = "127.0.0.1:9464"`, `token_file`: off loopback a token is required, since
    /// the report carries article quotes.
    mutating func readHTTP(_ t: TOMLTable) -> HTTPConfig? {
        for key in t.keys.sorted() where !["listen", "token_file"].contains(key) {
            fail("http.\(key)", "unknown key (known: listen, token_file)", section: "http")
        }
        guard let listen = t["listen"]?.string else {
            fail("http.listen", "required: \"HOST:PORT\", e.g. \"127.0.0.1:9464\"", section: "http")
            return nil
        }
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
              (1...65535).contains(port), colon > listen.startIndex else {
            fail("http.listen", "\"\(listen)\" is not HOST:PORT (e.g. \"127.0.0.1:9464\", \"[::1]:9464\")", section: "http")
            return nil
        }
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var http = HTTPConfig(host: host, port: port)
        if let v = t["token_file"] { http.tokenFile = absolutePath(v, key: "http.token_file", section: "http") }
        if !http.isLoopback && http.tokenFile == nil {
            fail("http.listen", "\"\(listen)\" is not a loopback address: set http.token_file (a bearer token), "
                 + "since the report carries article quotes", section: "http")
            return nil
        }
        return http
    }

    mutating func readWebhook(_ t: TOMLTable, index i: Int) -> WebhookConfig? {
        let prefix = "webhook[\(i + 1)]"
        let known: Set = ["name", "url", "format", "kinds", "actors", "secret", "secret_file", "secret_credential",
                          "headers", "timeout", "max_retry_hours", "max_in_flight", "priorities", "link_template",
                          "rate", "failing_after", "allow_link_local"]
        for key in t.keys.sorted() where !known.contains(key) {
            fail("\(prefix).\(key)", "unknown key (known: \(known.sorted().joined(separator: ", ")))", section: "webhook", index: i)
        }
        guard let name = t["name"]?.string, !name.isEmpty else {
            fail("\(prefix).name", "required: a non-empty string", section: "webhook", index: i)
            return nil
        }
        guard let url = t["url"]?.string else {
            fail("\(prefix).url", "required: an http:// or https:// URL", section: "webhook", index: i)
            return nil
        }
        let lower = url.lowercased()
        guard (lower.hasPrefix("http://") || lower.hasPrefix("https://")), URL(string: url)?.host != nil else {
            fail("\(prefix).url", "\"\(url)\" is not an http:// or https:// URL", section: "webhook", index: i)
            return nil
        }
        var hook = WebhookConfig(name: name, url: url)
        if let problem = WebhookTarget.urlProblem(url) { fail("\(prefix).url", problem, section: "webhook", index: i) }
        if let v = t["allow_link_local"] {
            if let b = v.bool { hook.allowLinkLocal = b } else {
                fail("\(prefix).allow_link_local", "must be true or false", section: "webhook", index: i)
            }
        }
        if !hook.allowLinkLocal && WebhookTarget.isLinkLocalOrMetadata(url: url) {
            fail("\(prefix).url", "\"\(url)\" is a link-local or cloud-metadata address; set allow_link_local = true if it is meant",
                 section: "webhook", index: i)
        }
        if let v = t["rate"] {
            if let r = v.string.flatMap(WebhookRate.init(parsing:)) { hook.rate = r } else {
                fail("\(prefix).rate", "must be a rate such as \"1/s\", \"20/min\" or \"100/h\"", section: "webhook", index: i)
            }
        }
        if let v = t["failing_after"] {
            if let d = v.string.flatMap(Duration.seconds(parsing:)) ?? number(v), d >= 0 { hook.failingAfterSeconds = d } else {
                fail("\(prefix).failing_after", "must be a duration such as \"5m\", \"90s\" or \"1h\"", section: "webhook", index: i)
            }
        }
        if let v = t["format"] {
            if let s = v.string, let f = WebhookFormat(rawValue: s) { hook.format = f } else {
                fail("\(prefix).format", "must be one of \(WebhookFormat.allCases.map(\.rawValue).joined(separator: ", "))",
                     section: "webhook", index: i)
            }
        }
        if let v = t["kinds"], let k = kinds(v, key: "\(prefix).kinds", section: "webhook", index: i) { hook.kinds = k }
        if let v = t["actors"], let a = strings(v, key: "\(prefix).actors", section: "webhook", index: i) { hook.actors = a }
        let secretKeys = ["secret", "secret_file", "secret_credential"].filter { t[$0] != nil }
        if secretKeys.count > 1 {
            fail("\(prefix).\(secretKeys[1])", "give only one of secret, secret_file, secret_credential", section: "webhook", index: i)
        }
        if let v = t["secret"] {
            if let s = v.string { hook.secret = .inline([s]) } else if let a = strings(v, key: "\(prefix).secret", section: "webhook", index: i) {
                hook.secret = .inline(a)
            }
        }
        if let v = t["secret_file"], let p = absolutePath(v, key: "\(prefix).secret_file", section: "webhook", index: i) {
            hook.secret = .file(p)
        }
        if let v = t["secret_credential"] {
            if let s = v.string, !s.isEmpty, !s.contains("/") { hook.secret = .credential(s) } else {
                fail("\(prefix).secret_credential", "must be a credential name (no slashes)", section: "webhook", index: i)
            }
        }
        if let v = t["headers"] {
            if let h = v.table {
                for key in h.keys {
                    if let value = h[key]?.string {
                        if let problem = WebhookTarget.headerProblem(name: key, value: value) {
                            fail("\(prefix).headers.\(key)", problem, section: "webhook", index: i)
                        }
                        hook.headers[key] = value
                    } else {
                        fail("\(prefix).headers.\(key)", "must be a string", section: "webhook", index: i)
                    }
                }
            } else {
                fail("\(prefix).headers", "must be a table of strings", section: "webhook", index: i)
            }
        }
        if let v = t["timeout"] {
            if let d = number(v), d > 0 { hook.timeoutSeconds = d } else {
                fail("\(prefix).timeout", "must be a positive number of seconds", section: "webhook", index: i)
            }
        }
        if let v = t["max_retry_hours"] {
            if let d = number(v), d >= 0 { hook.maxRetryHours = d } else {
                fail("\(prefix).max_retry_hours", "must be a number of hours, 0 or more", section: "webhook", index: i)
            }
        }
        if let v = t["max_in_flight"] {
            if let n = v.int, (1...256).contains(n) { hook.maxInFlight = n } else {
                fail("\(prefix).max_in_flight", "must be an integer from 1 to 256", section: "webhook", index: i)
            }
        }
        if let v = t["priorities"] {
            if let table = v.table {
                for key in table.keys.sorted() {
                    guard let kind = DevelopmentKind(rawValue: key) else {
                        fail("\(prefix).priorities.\(key)", "unknown kind \"\(key)\"", section: "webhook", index: i)
                        continue
                    }
                    if let p = table[key].flatMap(priority) { hook.priorities[kind] = p } else {
                        fail("\(prefix).priorities.\(key)", "must be 1-5 or min, low, default, high, max",
                             section: "webhook", index: i)
                    }
                }
            } else {
                fail("\(prefix).priorities", "must be a table: kind = priority", section: "webhook", index: i)
            }
        }
        if let v = t["link_template"] {
            if let s = v.string, Self.isLinkTemplate(s) { hook.linkTemplate = s } else {
                fail("\(prefix).link_template", "must be an http:// or https:// URL containing {path}, "
                     + "without spaces, quotes, <, > or |", section: "webhook", index: i)
            }
        }
        return hook
    }

    /// "https://news.example.org/{path}": a URL once the document path is put in, and nothing
    /// a chat format's link syntax would misread.
    static func isLinkTemplate(_ s: String) -> Bool {
        let lower = s.lowercased()
        guard s.contains("{path}"), lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        guard !s.contains(where: { $0.isWhitespace || "\"<>|`".contains($0) }) else { return false }
        return URL(string: s.replacingOccurrences(of: "{path}", with: "a/b.txt"))?.host?.isEmpty == false
    }

    /// An ntfy priority: 1–5 or its name.
    func priority(_ v: any TOMLValueConvertible) -> Int? {
        if let n = v.int, (1...5).contains(n) { return n }
        return ["min": 1, "low": 2, "default": 3, "high": 4, "max": 5, "urgent": 5][v.string ?? ""]
    }

    // MARK: Typed readers

    mutating func absolutePath(_ v: any TOMLValueConvertible, key: String, section: String? = nil, index: Int = 0) -> String? {
        guard let s = v.string else {
            fail(key, "must be a string (an absolute path)", section: section, index: index)
            return nil
        }
        guard s.hasPrefix("/") else {
            fail(key, "\"\(s)\" is a relative path; write an absolute path", section: section, index: index)
            return nil
        }
        return s
    }

    mutating func strings(_ v: any TOMLValueConvertible, key: String, section: String? = nil, index: Int = 0) -> [String]? {
        guard let array = v.array else {
            fail(key, "must be an array of strings", section: section, index: index)
            return nil
        }
        var out: [String] = []
        for element in array {
            guard let s = element.string else {
                fail(key, "must be an array of strings", section: section, index: index)
                return nil
            }
            out.append(s)
        }
        return out
    }

    mutating func kinds(_ v: any TOMLValueConvertible, key: String, section: String?, index: Int = 0) -> [DevelopmentKind]? {
        guard let names = strings(v, key: key, section: section, index: index) else { return nil }
        var out: [DevelopmentKind] = []
        for name in names {
            guard let kind = DevelopmentKind(rawValue: name) else {
                fail(key, "unknown kind \"\(name)\" (kinds: \(DevelopmentKind.allCases.map(\.rawValue).joined(separator: ", ")))",
                     section: section, index: index)
                return nil
            }
            out.append(kind)
        }
        return out
    }

    func number(_ v: any TOMLValueConvertible) -> Double? {
        if let d = v.double { return d }
        if let i = v.int { return Double(i) }
        return nil
    }
}

/// Finds the line of a key in the config text, since the TOML parser gives lines only for
/// syntax errors. Knows `[table]` and `[[array]]` headers; good enough to point a person at it.
struct KeyLines {
    private var entries: [(section: String?, index: Int, key: String, line: Int)] = []

    init(text: String) {
        var section: String?
        var counts: [String: Int] = [:]
        var index = 0
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("[[") {
                let name = line.dropFirst(2).prefix(while: { $0 != "]" }).trimmingCharacters(in: .whitespaces)
                index = counts[name, default: 0]
                counts[name] = index + 1
                section = name
            } else if line.hasPrefix("[") {
                section = line.dropFirst().prefix(while: { $0 != "]" }).trimmingCharacters(in: .whitespaces)
                index = 0
            } else if let eq = line.firstIndex(of: "=") {
                let key = line[..<eq].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                entries.append((section, index, key, n + 1))
            }
        }
    }

    func line(of key: String, section: String?, index: Int) -> Int? {
        entries.first { $0.key == key && $0.section == section && ($0.section == nil || $0.index == index) }?.line
            ?? entries.first { $0.key == key }?.line
    }
}
