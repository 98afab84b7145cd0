import Foundation

/// Where the shipped dictionaries are and which of them load, in order.
enum ShippedDictionaries {
    /// Generated from CAMEO and Phoenix (`make lexicon`), loaded first so hand-written files win.
    /// The subset measured not to lower precision: CAMEO's types the stop list keeps
    /// (Sources/StorywatchLexicon/cameo-stoplist.txt), its stance cues and irregular forms,
    /// Phoenix's agents and armed groups. Phoenix's people, states and international bodies are
    /// generated but not loaded: their cities coded as states and misspelt aliases would name
    /// actors the hand-written gazetteer reads as places.
    static let generated = ["generated/verbs-cameo", "generated/actions-cameo", "generated/cues-cameo",
                            "generated/roles-phoenix", "generated/organisations-nonstate-phoenix"]
    static let handWritten: [String] = [
        (.verbs, ""), (.countries, ""), (.countries, "-places"), (.organisations, ""), (.people, ""), (.people, "-world"),
        (.roles, ""), (.actions, ""), (.cues, ""), (.grammar, ""),
    ].map { (kind: DictionaryKind, variant: String) in kind.rawValue + variant }

    /// Files read before, and without, a lexicon.
    enum Plain: String {
        case dates, abbreviations
    }

    /// Installed beside the binary: `<prefix>/bin/storywatch` reads `<prefix>/share/storywatch/dictionaries`.
    static let installedPath = "../share/storywatch/dictionaries"

    /// The first folder holding `actions.txt` of: the install tree relative to the executable's
    /// real path, else the build's resource bundle beside it (looked up by path: Bundle.module
    /// would stop the process when the bundle is missing).
    static let folder: String? = directory()

    private static func directory() -> String? {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first.flatMap(Self.resolvedExecutable) ?? "")
            .resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            executable.appendingPathComponent(installedPath).standardizedFileURL.path,
            executable.appendingPathComponent("storywatch_StorywatchExtract.resources/Dictionaries").path,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/actions.txt") }
    }

    /// The lines of a shipped file read before, and without, a lexicon (the splitter's
    /// abbreviations, the date words); nil when it is missing or malformed.
    static func lines(of file: Plain) -> [DictionaryLine]? {
        let name = file.rawValue + ".txt"
        guard let folder, let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        else { return nil }
        return try? DictionaryFile.parse(text, file: name)
    }

    /// The running executable's path: /proc/self/exe on Linux, else argv[0].
    private static func resolvedExecutable(_ argv0: String) -> String? {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return linked }
        return argv0
    }
}
