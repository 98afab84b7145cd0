import ArgumentParser

/// How commands print results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl
}
