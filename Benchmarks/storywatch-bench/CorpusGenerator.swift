import Foundation
import StorywatchModel
import StorywatchTesting

// Generates articles from our own example corpus (examples/corpus): the live blog, the wire
// stories and the timeline are cut into posts, paragraphs and entries; countries, capitals,
// people and figures become slots filled afresh for every document, and sentences are
// dropped or swapped, so generated items differ while keeping the shapes ingest must split.

/// A piece of template text: literal, or a slot bound per document.
enum Segment {
    case text(String)
    case slot(Slot)
}

enum Slot {
    enum Party { case a, b }
    enum Form { case name, adjective, capital }
    case country(Party, Form, upper: Bool)
    case firstName(Party)
    case surname(Party)
    /// A figure in the text; `kind` says how to vary it so dates and times stay readable.
    case number(NumberKind, digits: Int, original: Int)

    enum NumberKind { case day, year, hour, minute, plain }
}

typealias Template = [Segment]

struct Country {
    var name: String
    var adjective: String
    var capital: String
}

/// The per-document choice of who is who.
struct Bindings {
    var a: Country
    var b: Country
    var firstA: String, surA: String, firstB: String, surB: String
}

struct CorpusGenerator {
    static let countries: [Country] = ([
        ("France", "French", "Paris"), ("Germany", "German", "Berlin"), ("Poland", "Polish", "Warsaw"),
        ("Russia", "Russian", "Moscow"), ("Ukraine", "Ukrainian", "Kyiv"), ("Norway", "Norwegian", "Oslo"),
        ("Belarus", "Belarusian", "Minsk"), ("Armenia", "Armenian", "Yerevan"), ("Azerbaijan", "Azerbaijani", "Baku"),
        ("Peru", "Peruvian", "Lima"), ("Chile", "Chilean", "Santiago"), ("Japan", "Japanese", "Tokyo"),
        ("China", "Chinese", "Beijing"), ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"),
        ("Turkey", "Turkish", "Ankara"), ("Greece", "Greek", "Athens"), ("Egypt", "Egyptian", "Cairo"),
        ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Kenya", "Kenyan", "Nairobi"), ("Brazil", "Brazilian", "Brasilia"),
        ("Argentina", "Argentine", "Buenos Aires"), ("Mexico", "Mexican", "Mexico City"), ("Canada", "Canadian", "Ottawa"),
        ("Sweden", "Swedish", "Stockholm"), ("Finland", "Finnish", "Helsinki"), ("Lithuania", "Lithuanian", "Vilnius"),
        ("Latvia", "Latvian", "Riga"), ("Estonia", "Estonian", "Tallinn"), ("Serbia", "Serbian", "Belgrade"),
        ("Hungary", "Hungarian", "Budapest"), ("Romania", "Romanian", "Bucharest"), ("Moldova", "Moldovan", "Chisinau"),
        ("Georgia", "Georgian", "Tbilisi"), ("Iran", "Iranian", "Tehran"), ("Iraq", "Iraqi", "Baghdad"),
        ("Israel", "Israeli", "Jerusalem"), ("Morocco", "Moroccan", "Rabat"), ("Algeria", "Algerian", "Algiers"),
        ("Vietnam", "Vietnamese", "Hanoi"), ("Thailand", "Thai", "Bangkok"), ("Cambodia", "Cambodian", "Phnom Penh"),
        ("Colombia", "Colombian", "Bogota"), ("Venezuela", "Venezuelan", "Caracas"), ("Ecuador", "Ecuadorian", "Quito"),
    ] as [(String, String, String)]).map { Country(name: $0.0, adjective: $0.1, capital: $0.2) }

    static let firstNames = ["Anna", "Marek", "Ingrid", "Tomasz", "Leila", "Jonas", "Mariam", "Pedro", "Hana", "Viktor",
                             "Sofia", "Daniel", "Amina", "Karl", "Elif", "Rafael", "Yuki", "Omar", "Lucia", "Mikael"]
    static let surnames = ["Novak", "Haugen", "Petrosyan", "Aliyev", "Morales", "Tanaka", "Kowalski", "Lindqvist",
                           "Demir", "Okafor", "Silva", "Horvath", "Ionescu", "Berg", "Rahimi", "Castillo", "Kim",
                           "Laine", "Ozols", "Markovic"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
    static let monthShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The words of the examples that become slots.
    static let slotWords: [String: Slot] = [
        "Belarus": .country(.a, .name, upper: false), "Azerbaijan": .country(.a, .name, upper: false),
        "Peru": .country(.a, .name, upper: false), "BELARUS": .country(.a, .name, upper: true),
        "Belarusian": .country(.a, .adjective, upper: false), "Azerbaijani": .country(.a, .adjective, upper: false),
        "Peruvian": .country(.a, .adjective, upper: false),
        "Minsk": .country(.a, .capital, upper: false), "Lima": .country(.a, .capital, upper: false),
        "MINSK": .country(.a, .capital, upper: true),
        "Norway": .country(.b, .name, upper: false), "Armenia": .country(.b, .name, upper: false),
        "Chile": .country(.b, .name, upper: false),
        "Norwegian": .country(.b, .adjective, upper: false), "Armenian": .country(.b, .adjective, upper: false),
        "Chilean": .country(.b, .adjective, upper: false), "NORWEGIAN": .country(.b, .adjective, upper: true),
        "Oslo": .country(.b, .capital, upper: false), "Yerevan": .country(.b, .capital, upper: false),
        "Santiago": .country(.b, .capital, upper: false), "YEREVAN": .country(.b, .capital, upper: true),
        "Andrei": .firstName(.a), "Kovalchuk": .surname(.a), "Rosa": .firstName(.a), "Quispe": .surname(.a),
        "Kari": .firstName(.b), "Lindeberg": .surname(.b), "Suren": .firstName(.b), "Avetisyan": .surname(.b),
        "Tomás": .firstName(.b), "Echeverría": .surname(.b),
    ]

    /// Live-blog posts: headline, time line, body paragraphs (each paragraph a list of sentences).
    struct Post { var headline: Template; var body: [[Template]] }

    var posts: [Post] = []
    var headlines: [Template] = []
    /// Every body paragraph of every example, as sentences.
    var paragraphs: [[Template]] = []
    var timelineTitle: [Template] = []

    /// Reads the example articles from `directory` (examples/corpus).
    init(examplesDirectory directory: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw BenchError("no example articles in \(directory)") }
        for name in names {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let first = lines.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            if first.hasPrefix("live") {
                addLiveBlog(text)
            } else if lines.contains(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("•") }) {
                addTimeline(lines)
            } else {
                addWire(text)
            }
        }
        guard !paragraphs.isEmpty, !headlines.isEmpty else { throw BenchError("the example articles gave no paragraphs") }
    }

    // MARK: Reading the examples

    private mutating func addLiveBlog(_ text: String) {
        var body = text
        if let r = body.range(of: "\n") { body = String(body[r.upperBound...]) } // "Live updates"
        if let r = body.range(of: "Load more updates", options: .backwards) { body = String(body[..<r.lowerBound]) }
        for chunk in body.components(separatedBy: "\n\n\n") {
            let paras = Self.blocks(chunk)
            guard paras.count >= 2 else { continue }
            let headline = Self.template(paras[0])
            headlines.append(headline)
            // The second block is the time line ("Posted at 16:40", "14:55 GMT"): regenerated.
            let bodyParas = paras.dropFirst().filter { !Self.isTimeLine($0) }.map(Self.sentences)
            posts.append(Post(headline: headline, body: bodyParas))
            paragraphs += bodyParas.filter { $0.count >= 2 }
        }
    }

    private mutating func addTimeline(_ lines: [String]) {
        var entries: [String] = []
        var header: [String] = []
        var current: [String]?
        for line in lines {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("•") {
                if let c = current { entries.append(c.joined(separator: " ")) }
                current = []
            } else if current != nil {
                if !t.isEmpty { current!.append(t) }
            } else if !t.isEmpty {
                header.append(t)
            }
        }
        if let c = current { entries.append(c.joined(separator: " ")) }
        timelineTitle = header.map(Self.template)
        paragraphs += entries.map(Self.sentences)
    }

    private mutating func addWire(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let paras = Self.blocks(lines.filter { $0.split(separator: " ").count > 1 || $0.isEmpty }.joined(separator: "\n"))
        guard let head = paras.first else { return }
        headlines.append(Self.template(head.capitalized))
        for (i, p) in paras.enumerated().dropFirst() {
            var p = p
            if i == 1, let r = p.range(of: ") - ") { p = String(p[r.upperBound...]) } // the dateline is regenerated
            if p.split(separator: " ").count < 6 { continue } // sign-offs
            paragraphs.append(Self.sentences(p))
        }
    }

    /// Blank-line or indentation separated blocks, each joined into one line.
    static func blocks(_ text: String) -> [String] {
        var result: [String] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty { result.append(current.joined(separator: " ")) }
            current = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { flush(); continue }
            if line.hasPrefix("    ") { flush() } // indented wire paragraphs
            current.append(t)
        }
        flush()
        return result
    }

    static func isTimeLine(_ s: String) -> Bool {
        s.hasPrefix("Posted at") || (s.hasSuffix("GMT") && s.count < 12)
    }

    /// Splits a paragraph into sentences (roughly: ". " before a capital or a quote).
    static func sentences(_ paragraph: String) -> [Template] {
        var result: [String] = []
        var current = ""
        let chars = Array(paragraph)
        var i = 0
        while i < chars.count {
            current.append(chars[i])
            if (chars[i] == "." || chars[i] == "\"") && i + 2 < chars.count && chars[i + 1] == " "
                && (chars[i + 2].isUppercase || chars[i + 2] == "\"") && (chars[i] == "." || chars[i - 1] == ".")
                && !current.hasSuffix("Mr.") && !current.hasSuffix("Ms.") {
                result.append(current)
                current = ""
                i += 2
                continue
            }
            i += 1
        }
        if !current.isEmpty { result.append(current) }
        return result.map(template)
    }

    /// Cuts text into literal runs, slot words and figures.
    static func template(_ text: String) -> Template {
        var segments: Template = []
        var literal = ""
        let chars = Array(text)
        var i = 0
        func previousWord() -> String {
            let before = String(chars[..<i]).split(whereSeparator: { !$0.isLetter }).last.map(String.init) ?? ""
            return before
        }
        while i < chars.count {
            let c = chars[i]
            if c.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter { j += 1 }
                let word = String(chars[i..<j])
                if let slot = slotWords[word] {
                    if !literal.isEmpty { segments.append(.text(literal)); literal = "" }
                    segments.append(.slot(slot))
                } else {
                    literal += word
                }
                i = j
            } else if c.isASCII, c.isNumber {
                var j = i
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                let digits = String(chars[i..<j])
                let value = Int(digits) ?? 0
                var k = j
                while k < chars.count, chars[k] == " " { k += 1 }
                var e = k
                while e < chars.count, chars[e].isLetter { e += 1 }
                let nextWord = String(chars[k..<e])
                let monthish = months.contains(nextWord) || monthShort.contains(nextWord)
                    || months.contains(previousWord()) || monthShort.contains(previousWord())
                let kind: Slot.NumberKind
                if j < chars.count, chars[j] == ":" { kind = .hour }
                else if i > 0, chars[i - 1] == ":" { kind = .minute }
                else if digits.count == 4, value >= 1900, value <= 2100 { kind = .year }
                else if monthish, value >= 1, value <= 31 { kind = .day }
                else { kind = .plain }
                if !literal.isEmpty { segments.append(.text(literal)); literal = "" }
                segments.append(.slot(.number(kind, digits: digits.count, original: value)))
                i = j
            } else {
                literal.append(c)
                i += 1
            }
        }
        if !literal.isEmpty { segments.append(.text(literal)) }
        return segments
    }

    // MARK: Rendering

    static func bindings(_ rng: inout SplitMix64) -> Bindings {
        let a = countries.randomElement(using: &rng)!
        var b = countries.randomElement(using: &rng)!
        while b.name == a.name { b = countries.randomElement(using: &rng)! }
        return Bindings(a: a, b: b, firstA: firstNames.randomElement(using: &rng)!, surA: surnames.randomElement(using: &rng)!,
                        firstB: firstNames.randomElement(using: &rng)!, surB: surnames.randomElement(using: &rng)!)
    }

    static func render(_ t: Template, _ b: Bindings, _ rng: inout SplitMix64, into out: inout String) {
        for segment in t {
            switch segment {
            case .text(let s): out += s
            case .slot(let slot):
                switch slot {
                case .country(let party, let form, let upper):
                    let c = party == .a ? b.a : b.b
                    let s = switch form { case .name: c.name; case .adjective: c.adjective; case .capital: c.capital }
                    out += upper ? s.uppercased() : s
                case .firstName(let p): out += p == .a ? b.firstA : b.firstB
                case .surname(let p): out += p == .a ? b.surA : b.surB
                case .number(let kind, let digits, let original):
                    switch kind {
                    case .day: out += String(Int.random(in: 1...28, using: &rng))
                    case .year: out += String(Int.random(in: 2015...2026, using: &rng))
                    case .hour: out += String(format: "%02d", Int.random(in: 6...23, using: &rng))
                    case .minute: out += String(format: "%02d", Int.random(in: 0...59, using: &rng))
                    case .plain:
                        let top = max(9, original * 2)
                        let v = Int.random(in: 2...top, using: &rng)
                        out += digits == 1 && v > 9 ? String(v % 8 + 2) : String(v)
                    }
                }
            }
        }
    }

    /// A paragraph with, sometimes, a sentence dropped, two swapped, or one borrowed from
    /// another paragraph.
    func renderParagraph(_ sentences: [Template], _ b: Bindings, _ rng: inout SplitMix64) -> String {
        var list = sentences
        if list.count > 2, Int.random(in: 0..<3, using: &rng) == 0 { list.remove(at: Int.random(in: 1..<list.count, using: &rng)) }
        if list.count > 2, Int.random(in: 0..<3, using: &rng) == 0 { list.swapAt(1, Int.random(in: 1..<list.count, using: &rng)) }
        if Int.random(in: 0..<3, using: &rng) == 0, let other = paragraphs.randomElement(using: &rng)?.randomElement(using: &rng) {
            list.append(other)
        }
        var out = ""
        for (n, t) in list.enumerated() {
            if n > 0 { out += " " }
            Self.render(t, b, &rng, into: &out)
        }
        return out
    }

    static func wrap(_ text: String, width: Int, indent: String, firstIndent: String) -> String {
        var lines: [String] = []
        var line = firstIndent
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > width, line.trimmingCharacters(in: .whitespaces).count > 0 {
                lines.append(line)
                line = indent
            }
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { line += " " }
            line += word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    func dateline(_ b: Bindings, _ rng: inout SplitMix64) -> String {
        "\(b.b.capital.uppercased()), \(Self.months.randomElement(using: &rng)!) \(Int.random(in: 1...28, using: &rng)) (Wirenews) - "
    }

    /// One article of a random layout.
    func article(_ rng: inout SplitMix64) -> String {
        let b = Self.bindings(&rng)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<4: return liveBlog(b, &rng)
        case 4..<6: return timeline(b, &rng)
        default: return wire(b, &rng)
        }
    }

    func liveBlog(_ b: Bindings, _ rng: inout SplitMix64) -> String {
        var out = "Live updates\n\n"
        let count = Int.random(in: 3...40, using: &rng)
        var minutes = Int.random(in: 600...1400, using: &rng)
        for n in 0..<count {
            if n > 0 { out += "\n\n\n" }
            let usePost = !posts.isEmpty && Int.random(in: 0..<3, using: &rng) == 0
            let post = usePost ? posts.randomElement(using: &rng)! : nil
            Self.render(post?.headline ?? headlines.randomElement(using: &rng)!, b, &rng, into: &out)
            minutes = max(0, minutes - Int.random(in: 5...60, using: &rng))
            out += String(format: "\n\nPosted at %02d:%02d\n\n", minutes / 60, minutes % 60)
            let body = post?.body ?? (0..<Int.random(in: 1...3, using: &rng)).map { _ in paragraphs.randomElement(using: &rng)! }
            out += body.map { renderParagraph($0, b, &rng) }.joined(separator: "\n\n")
        }
        return out + "\n\nLoad more updates\n"
    }

    func timeline(_ b: Bindings, _ rng: inout SplitMix64) -> String {
        var out = ""
        if timelineTitle.isEmpty {
            out += "Timeline: the \(b.a.name)-\(b.b.name) dispute\n\n"
        } else {
            for t in timelineTitle { Self.render(t, b, &rng, into: &out); out += "\n\n" }
        }
        var day = Day(ordinal: Int.random(in: 20_000...20_600, using: &rng))
        for _ in 0..<Int.random(in: 4...40, using: &rng) {
            out += "  • \(day.day) \(Self.monthShort[day.month - 1]) \(day.year)\n"
            out += Self.wrap(renderParagraph(paragraphs.randomElement(using: &rng)!, b, &rng),
                             width: 76, indent: "    ", firstIndent: "    ")
            out += "\n\n"
            day = Day(ordinal: day.ordinal - Int.random(in: 1...40, using: &rng))
        }
        return out
    }

    func wire(_ b: Bindings, _ rng: inout SplitMix64) -> String {
        var out = ""
        let indented = Bool.random(using: &rng)
        var head = ""
        Self.render(headlines.randomElement(using: &rng)!, b, &rng, into: &head)
        out += (indented ? head.uppercased() : head) + "\n\n"
        let count = Int.random(in: 3...24, using: &rng)
        for n in 0..<count {
            var p = renderParagraph(paragraphs.randomElement(using: &rng)!, b, &rng)
            if n == 0 { p = dateline(b, &rng) + p }
            if indented {
                out += Self.wrap(p, width: 74, indent: "", firstIndent: "   ") + "\n"
            } else {
                out += p + "\n\n"
            }
        }
        return out + (indented ? " Wirenews\n" : "(Reporting by Wirenews staff)\n")
    }

    /// A short wire brief (a few hundred bytes): a dateline and 2–4 of `sentences`.
    func brief(from sentences: [Template], _ rng: inout SplitMix64) -> String {
        let b = Self.bindings(&rng)
        var out = dateline(b, &rng)
        for n in 0..<Int.random(in: 2...4, using: &rng) {
            if n > 0 { out += " " }
            Self.render(sentences.randomElement(using: &rng)!, b, &rng, into: &out)
        }
        return out + "\n"
    }

    /// Where the examples are: $STORYWATCH_EXAMPLES, ./examples/corpus, or next to this source file.
    static func locateExamples() -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["STORYWATCH_EXAMPLES"] { candidates.append(env) }
        candidates.append(FileManager.default.currentDirectoryPath + "/examples/corpus")
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        candidates.append(here.appendingPathComponent("../../examples/corpus").standardized.path)
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}

/// A civil day for generated timeline dates (kept local so generation does not depend on Model).
