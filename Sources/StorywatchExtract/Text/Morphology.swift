/// Maps inflected forms to lemmas for the words the dictionaries name: irregular forms from
/// verbs.txt, regular ones derived (expel → expels, expelled, expelling; sanction → sanctions).
struct Morphology: Sendable {
    private(set) var forms: [String: String] = [:]

    func lemma(_ lower: String) -> String { forms[lower] ?? lower }

    mutating func addIrregular(lemma: String, forms list: [String]) {
        for form in list { forms[form] = lemma }
        forms[lemma] = forms[lemma] ?? lemma
    }

    /// Derives the regular inflections of a lemma, never overriding a known form.
    mutating func addRegular(_ lemma: String) {
        guard lemma.count >= 2, lemma.allSatisfy({ $0.isLetter || $0 == "-" }) else { return }
        var derived: [String] = []
        let last = lemma.last!
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if last == "y", let prev = lemma.dropLast().last, !vowels.contains(prev) {
            let stem = String(lemma.dropLast())
            derived += [stem + "ies", stem + "ied", lemma + "ing"]
        } else if last == "e" {
            let stem = String(lemma.dropLast())
            derived += [lemma + "s", lemma + "d", stem + "ing"]
        } else {
            let sibilant = lemma.hasSuffix("s") || lemma.hasSuffix("x") || lemma.hasSuffix("z")
                || lemma.hasSuffix("ch") || lemma.hasSuffix("sh")
            derived += [lemma + (sibilant ? "es" : "s"), lemma + "ed", lemma + "ing"]
            // Consonant doubling: expel → expelled, ban → banned, commit → committed.
            let chars = Array(lemma)
            if chars.count >= 3, !vowels.contains(chars[chars.count - 1]), vowels.contains(chars[chars.count - 2]),
               !vowels.contains(chars[chars.count - 3]), !"wxy".contains(chars[chars.count - 1]) {
                derived += [lemma + String(last) + "ed", lemma + String(last) + "ing"]
            }
        }
        for form in derived where forms[form] == nil { forms[form] = lemma }
        if forms[lemma] == nil { forms[lemma] = lemma }
    }
}
