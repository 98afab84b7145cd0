import Foundation

/// Reads the sources in a folder (../shared/lexicons), writes storywatch's generated
/// dictionaries into another, and reports what was kept and dropped.
public struct LexiconGenerator: Sendable {
    public var sources: URL
    public var output: URL
    public var stopList: Set<String>

    public init(sources: URL, output: URL, stopList: Set<String>) {
        self.sources = sources
        self.output = output
        self.stopList = stopList
    }

    /// Reads a stop list: one phrase a line, `#` comments.
    public static func readStopList(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").map { String($0).uncommented.lowercased() }.filter { !$0.isEmpty })
    }

    /// Writes every generated file; returns the report lines.
    public func run() throws -> [String] {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        var report = try convertVerbs()
        report += try convertActors()
        report += try convertAgents()
        return report
    }

    private func convertVerbs() throws -> [String] {
        let table = PloverTable(text: try read(Source.cameoToPlover.file))
        let cameo = CameoDictionary(text: try read(Source.cameo.file))
        let out = CameoConverter(table: table, stopList: stopList).convert(cameo)
        let what = "CAMEO verbs and patterns → PLOVER type and mode (types via CAMEO2PLOVER, "
            + "\(Source.cameoToPlover.origin), CC BY-SA 4.0)"
        try write("actions-cameo.txt", GeneratedFile.render(
            header: GeneratedFile.header(file: "actions-cameo.txt", source: .cameo, what: what), entries: out.actions))
        try write("cues-cameo.txt", GeneratedFile.render(
            header: GeneratedFile.header(file: "cues-cameo.txt", source: .cameo,
                                         what: "CAMEO stance verbs (03x intent, 10x demand, 12x reject, 13x threaten) → status cues"),
            entries: out.cues))
        try write("verbs-cameo.txt", GeneratedFile.render(
            header: GeneratedFile.header(file: "verbs-cameo.txt", source: .cameo, what: "irregular verb forms"),
            entries: out.irregular))
        let drops = out.dropped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return ["CAMEO: \(out.actionCount) action phrases (\(out.keptVerbs) verbs, \(out.keptPatterns) patterns), "
                + "\(out.cueCount) cues, \(out.irregular.count) irregular verbs; dropped: \(drops)"]
    }

    private func convertActors() throws -> [String] {
        var people: [String] = [], countries: [String] = [], organisations: [String] = [], nonState: [String] = []
        var report: [String] = []
        for (name, undated) in [("Phoenix.Countries.actors.txt", 0), ("Phoenix.International.actors.txt", 1),
                                ("Phoenix.MilNonState.actors.txt", 2)] {
            let actors = PhoenixActorReader.read(try read("petrarch2-" + name))
            var personLines = 0, otherLines = 0
            for actor in actors {
                let names = Set(actor.names).sorted().joined(separator: " | ")
                if actor.isDated {
                    for c in actor.codes {
                        var attributes = ["role=\(Self.role(c.code))"]
                        if let f = c.from { attributes.append("from=\(f)") }
                        if let u = c.until { attributes.append("until=\(u)") }
                        people.append("\(c.code): \(names) ;; " + attributes.joined(separator: "; "))
                        personLines += 1
                    }
                } else {
                    for c in Set(actor.codes.map { undated == 2 ? Self.armedGroupCode($0.code) : $0.code }).sorted() {
                        let line = "\(c): \(names)"
                        switch undated { case 0: countries.append(line); case 1: organisations.append(line); default: nonState.append(line) }
                        otherLines += 1
                    }
                }
            }
            report.append("Phoenix \(name): \(actors.count) actors → \(personLines) dated office lines, \(otherLines) other lines")
        }
        let dated = "people with dated offices (from=/until= the dates of each code)"
        try write("people-phoenix.txt", GeneratedFile.render(
            header: GeneratedFile.header(file: "people-phoenix.txt", source: .petrarch2("Phoenix.*.actors.txt"), what: dated),
            lines: people))
        try write("countries-phoenix.txt", GeneratedFile.render(
            header: GeneratedFile.header(file: "countries-phoenix.txt", source: .petrarch2("Phoenix.Countries.actors.txt"),
                                         what: "state names and aliases (cities included, coded to their state)"),
            lines: countries))
        try write("organisations-phoenix.txt", GeneratedFile.render(
            header: GeneratedFile.header(file: "organisations-phoenix.txt", source: .petrarch2("Phoenix.International.actors.txt"),
                                         what: "international organisations"),
            lines: organisations))
        try write("organisations-nonstate-phoenix.txt", GeneratedFile.render(
            header: GeneratedFile.header(file: "organisations-nonstate-phoenix.txt", source: .petrarch2("Phoenix.MilNonState.actors.txt"),
                                         what: "armed non-state groups, each under its own code (REB/INS sectors: a side of its own, design §2)"),
            lines: nonState))
        return report
    }

    private func convertAgents() throws -> [String] {
        let (roles, dropped) = PhoenixAgentReader.read(try read("petrarch2-Phoenix.agents.txt"))
        try write("roles-phoenix.txt", GeneratedFile.render(
            header: GeneratedFile.header(file: "roles-phoenix.txt", source: .petrarch2("Phoenix.agents.txt"),
                                         what: "generic nouns → sectors"),
            entries: roles))
        return ["Phoenix agents: \(roles.values.reduce(0) { $0 + $1.count }) role phrases; dropped \(dropped) (other sectors or unsayable)"]
    }

    /// CAMEO codes armed groups under regions ("MEA", "SAS", "INT") that are no state of
    /// storywatch's: those are transnational armed groups (IMG, design §2). A group with a bare
    /// root is that state's rebels (REB), a side of its own; Angola's old code is AGO.
    static func armedGroupCode(_ code: String) -> String {
        let regions: Set = ["INT", "MEA", "SAS", "KKL", "WEU", "SEA", "EAF", "LAM", "CFR", "BUD", "ASA", "AFR", "SAF",
                            "EEU", "CAS", "WAF", "SAM", "NAF", "EIN", "NMR", "EUR"]
        var root = String(code.prefix(3))
        var rest = String(code.dropFirst(3))
        if regions.contains(root) { root = "IMG" }
        if root == "ANG" { root = "AGO" }
        if rest.isEmpty { rest = "REB" }
        return root + rest
    }

    /// The office a code names, for `role=` (storywatch reads a role's presence as a person).
    static func role(_ code: String) -> String {
        let sector = code.dropFirst(3).prefix(3)
        switch sector {
        case "MIL": return "military"
        case "GOV": return "official"
        case "LEG": return "legislator"
        case "JUD": return "judge"
        case "OPP": return "opposition"
        case "REB", "INS": return "rebel"
        default: return "person"
        }
    }

    /// A source as text: UTF-8, else Latin-1 (Phoenix's country file mixes them).
    private func read(_ name: String) throws -> String {
        let data = try Data(contentsOf: sources.appendingPathComponent(name))
        return String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) ?? ""
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: output.appendingPathComponent(name))
    }
}
