/// Reads `Phoenix.agents.txt`: generic nouns and the sector they give (`POLICE {} [~COP]`,
/// `!MINIST! OF_DEFENCE [~GOVMIL]` with `!MINIST! = MINISTER, MINISTRY…` expanded).
public enum PhoenixAgentReader {
    /// Sectors storywatch's roles.txt names; agents of other sectors (religions, trades) are left out.
    static let sectors: Set = ["GOV", "MIL", "REB", "OPP", "LEG", "JUD", "COP", "BUS", "CVL", "MED", "SPY", "INS", "PTY", "LAB"]

    /// sector → phrases, and how many agents were left out for a sector storywatch does not have.
    public static func read(_ text: String) -> (roles: [String: Set<String>], dropped: Int) {
        var markers: [String: [String]] = [:]
        var roles: [String: Set<String>] = [:]
        var dropped = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).uncommented
            if line.isEmpty { continue }
            if line.hasPrefix("!"), let eq = line.firstIndex(of: "="), !line.contains("[") {
                let name = line[..<eq].trimmingSpaces
                markers[name] = line[line.index(after: eq)...].split(separator: ",").map { $0.trimmingSpaces }
                continue
            }
            guard let open = line.lastIndex(of: "["), line.hasSuffix("]"), line[open...].hasPrefix("[~") else { continue }
            let code = String(line[line.index(open, offsetBy: 2)..<line.index(before: line.endIndex)])
            let sector = String(code.prefix(3))
            guard sectors.contains(sector) else { dropped += 1; continue }
            var body = String(line[..<open])
            var plurals: [String] = []
            if let brace = body.firstIndex(of: "{") {
                let end = body[brace...].firstIndex(of: "}") ?? body.endIndex
                plurals = body[body.index(after: brace)..<end].split(separator: " ").map(String.init)
                body = String(body[..<brace])
            }
            for form in [body.trimmingSpaces] + plurals {
                for expanded in expand(form, markers: markers) {
                    guard let phrase = phrase(expanded) else { dropped += 1; continue }
                    roles[sector == "INS" ? "REB" : sector, default: []].insert(phrase)
                }
            }
        }
        return (roles, dropped)
    }

    /// `CATTLE!PERSON!` → cattleman, cattlemen…; `!MINIST! OF_DEFENCE` → minister of defence…
    static func expand(_ form: String, markers: [String: [String]]) -> [String] {
        guard let start = form.firstIndex(of: "!"), let end = form[form.index(after: start)...].firstIndex(of: "!") else {
            return [form]
        }
        let name = String(form[start...end])
        guard let members = markers[name] else { return [] }
        return members.flatMap { m in expand(String(form[..<start]) + m + String(form[form.index(after: end)...]), markers: markers) }
    }

    /// `RIOT_POLICE` → "riot police"; nil for words the format cannot say.
    static func phrase(_ form: String) -> String? {
        let words = form.replacingOccurrences(of: " ", with: "_").split(separator: "_").map { $0.lowercased() }
        guard !words.isEmpty, words.count <= 6,
              words.allSatisfy({ w in w.allSatisfy { $0.isASCII && ($0.isLetter || "-'.".contains($0)) } }) else { return nil }
        return words.joined(separator: " ")
    }
}
