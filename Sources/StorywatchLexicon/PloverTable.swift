/// A PLOVER type and one of its modes (design §3's closed list, else `other`).
public struct PloverCode: Sendable, Equatable, Hashable {
    public var type: String
    public var mode: String

    public init(type: String, mode: String) {
        self.type = type
        self.mode = mode
    }
}

/// CAMEO code → PLOVER type and mode, read from `CAMEO2PLOVER-2021.txt`
/// (`0841: RETREAT, release,   legal # comment`).
public struct PloverTable: Sendable {
    public private(set) var codes: [String: PloverCode] = [:]

    public init(text: String) {
        for raw in text.split(separator: "\n") {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard let colon = line.firstIndex(of: ":") else { continue }
            let code = line[..<colon].trimmingSpaces
            guard !code.isEmpty, code.allSatisfy(\.isNumber) else { continue }
            let fields = line[line.index(after: colon)...].split(separator: ",", omittingEmptySubsequences: false)
                .map(\.trimmingSpaces)
            guard let type = fields.first, !type.isEmpty else { continue }
            let mode = fields.count > 1 ? fields[1] : ""
            codes[code] = PloverCode(type: type, mode: ModeList.closed(type: type, mode: mode))
        }
        for (code, plover) in ModeList.overrides { codes[code] = plover }
    }

    /// The code's PLOVER reading: its own row, else its parent's (1711 → 171 → 17), nil when none.
    public func plover(for cameo: String) -> PloverCode? {
        var code = cameo
        while !code.isEmpty {
            if let p = codes[code] { return p }
            code.removeLast()
        }
        return nil
    }
}

/// PLOVER's modes as storywatch keeps them (design §3).
enum ModeList {
    static let modes: [String: Set<String>] = [
        "CONSULT": ["visit", "third-party", "multilateral", "phone"],
        "RETREAT": ["withdraw", "release", "disarm", "ceasefire", "access", "resign"],
        "REQUEST": ["assist", "change", "yield", "meet"],
        "REJECT": ["assist", "change", "yield", "meet"],
        "ACCUSE": ["disapprove", "investigate", "allege"],
        "THREATEN": ["restrict", "arrest", "relations", "expel", "territory", "violence"],
        "PROTEST": ["demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"],
        "SANCTION": ["convict", "expel", "withdraw", "discontinue"],
        "MOBILIZE": ["troops", "weapons", "police", "militia"],
        "COERCE": ["seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
                   "misinformation", "cyber"],
        "ASSAULT": ["abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
                    "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"],
    ]

    /// `mode` when design §3 lists it for `type`, else `other`.
    static func closed(type: String, mode: String) -> String {
        modes[type]?.contains(mode) == true ? mode : "other"
    }

    /// Where storywatch reads a CAMEO code otherwise than the 2021 table (design §3).
    static let overrides: [String: PloverCode] = [
        // Sanctions and embargoes are SANCTION discontinue in storywatch, not COERCE.
        "163": PloverCode(type: "SANCTION", mode: "discontinue"),
        // Destroying property is ASSAULT destroy.
        "1712": PloverCode(type: "ASSAULT", mode: "destroy"),
        // Assassinations are PLOVER's targeted mode.
        "185": PloverCode(type: "ASSAULT", mode: "targeted"),
        "186": PloverCode(type: "ASSAULT", mode: "targeted"),
        // Aerial weapons have their own mode.
        "195": PloverCode(type: "ASSAULT", mode: "aerial"),
        // A threat of administrative sanctions or bans restricts.
        "132": PloverCode(type: "THREATEN", mode: "restrict"),
        "1322": PloverCode(type: "THREATEN", mode: "restrict"),
        // Imposing a ban restricts.
        "1722": PloverCode(type: "COERCE", mode: "restrict"),
        // Diplomatic expulsions and withdrawals.
        "166": PloverCode(type: "SANCTION", mode: "expel"),
    ]
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
