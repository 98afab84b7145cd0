/// One problem in a config file: where it is and why it is refused.
package struct ConfigProblem: Error, Sendable, Equatable, CustomStringConvertible {
    package var file: String
    /// Dotted key, e.g. `webhook[1].url`; nil for whole-file problems (syntax).
    package var key: String?
    package var line: Int?
    package var reason: String

    package init(file: String, key: String?, line: Int?, reason: String) {
        self.file = file
        self.key = key
        self.line = line
        self.reason = reason
    }

    package var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let key { return "\(location): \(key): \(reason)" }
        return "\(location): \(reason)"
    }
}

/// Every problem found in a config file; a config with any is refused whole.
package struct ConfigError: Error, Sendable, CustomStringConvertible {
    package var problems: [ConfigProblem]

    package init(problems: [ConfigProblem]) { self.problems = problems }

    package var description: String { problems.map(\.description).joined(separator: "\n") }
}
