import Foundation
import StorywatchModel

/// File text → Document: detects the layout and splits it into items (design §2).
///
/// Works on the UTF-8 bytes of the paragraphs; a String is made once per item. Byte tests that
/// could disagree with a character test on unusual text (combining marks, say) hand that
/// paragraph to the character-based definition.
package struct DocumentParser: Sendable {
    package init() {}

    /// - Parameters:
    ///   - text: decoded text.
    ///   - path: path relative to the corpus root.
    ///   - fallbackDate: the day used to place a dateline without a year (the file's mtime).
    package func parse(text: String, path: String, fallbackDate: Day) -> Document {
        var text = text
        let normalized = text.withUTF8 { TextNormalizer.normalize($0) }
        return parse(normalized: normalized, path: path, fallbackDate: fallbackDate)
    }

    /// File bytes → Document: UTF-8 (a byte-order mark dropped), else Windows-1252, then `parse`.
    /// `usedFallback` tells whether the bytes were read as Windows-1252.
    package func parse(bytes: [UInt8], path: String, fallbackDate: Day) -> (document: Document, usedFallback: Bool) {
        let start = TextDecoding.bomLength(bytes)
        let normalized: [UInt8]? = bytes.withUnsafeBufferPointer { all in
            let body = UnsafeBufferPointer(rebasing: all[start...])
            return TextDecoding.isValidUTF8(body) ? TextNormalizer.normalize(body) : nil
        }
        if let normalized {
            return (parse(normalized: normalized, path: path, fallbackDate: fallbackDate), false)
        }
        let decoded = TextDecoding.windows1252ToUTF8(bytes[start...])
        let text = decoded.withUnsafeBufferPointer { TextNormalizer.normalize($0) }
        return (parse(normalized: text, path: path, fallbackDate: fallbackDate), true)
    }

    private func parse(normalized: [UInt8], path: String, fallbackDate: Day) -> Document {
        let list = normalized.withUnsafeBufferPointer { Paragraphs.split($0) }
        return list.storage.withUnsafeBufferPointer { storage in
            let text = ParagraphText(storage: storage, paragraphs: list.paragraphs)
            if let timeline = timeline(text, path: path) { return timeline }
            if let blurbs = blurbList(text, path: path) { return blurbs }
            if let blog = liveBlog(text, path: path) { return blog }
            return article(text, path: path, fallbackDate: fallbackDate)
        }
    }

    // MARK: Layouts

    /// Entries that each start with a date on its own line ("• 19 Jul 2017").
    private func timeline(_ text: ParagraphText, path: String) -> Document? {
        let paragraphs = text.paragraphs
        var dates: [(index: Int, day: Day)] = []
        for (i, p) in paragraphs.enumerated() where p.count <= 32 {
            if let day = DateText.leadingFullDate(bytes: text[p]) { dates.append((i, day)) }
        }
        guard dates.count >= 2 else { return nil }
        var items: [Item] = []
        var body: [Paragraph] = []
        for (n, entry) in dates.enumerated() {
            let end = n + 1 < dates.count ? dates[n + 1].index : paragraphs.count
            body.removeAll(keepingCapacity: true)
            for p in paragraphs[(entry.index + 1)..<end] where !Boilerplate.isBoilerplate(bytes: text[p]) { body.append(p) }
            guard !body.isEmpty else { continue }
            items.append(Item(kind: .entry, position: items.count, text: text.joined(body), date: entry.day))
        }
        return Document(path: path, layout: .timeline, date: items.compactMap(\.date).max(), items: items)
    }

    private static let subscribeMarker = ByteSearch.Needle("ubscribe to our channel")
    private static let followMarker = ByteSearch.Needle("ollow us on")

    /// Video or news blurbs, one paragraph each, marked by social-media furniture.
    private func blurbList(_ text: ParagraphText, path: String) -> Document? {
        var marked = 0
        for p in text.paragraphs {
            let bytes = text[p]
            if ByteSearch.contains(bytes, Self.subscribeMarker) || ByteSearch.contains(bytes, Self.followMarker) {
                marked += 1
                if marked >= 2 { break }
            }
        }
        guard marked >= 2 else { return nil }
        var items: [Item] = []
        for p in text.paragraphs {
            let blurb = Boilerplate.stripTrailingFurniture(text.string(p))
            guard !blurb.isEmpty, !Boilerplate.isBoilerplate(blurb) else { continue }
            items.append(Item(kind: .blurb, position: items.count, text: blurb))
        }
        return Document(path: path, layout: .blurbList, date: nil, items: items)
    }

    /// Posts separated by two or more blank lines, each a headline then a body.
    private func liveBlog(_ text: ParagraphText, path: String) -> Document? {
        let paragraphs = text.paragraphs
        let announced = paragraphs.first.map { Self.announcesLiveBlog(text[$0]) } ?? false
        var separators = 0
        for p in paragraphs.dropFirst() where p.blankLinesBefore >= 2 { separators += 1 }
        guard announced || separators >= 2 else { return nil }
        var kept: [Paragraph] = []
        kept.reserveCapacity(paragraphs.count)
        for p in paragraphs where !Boilerplate.isBoilerplate(bytes: text[p]) { kept.append(p) }
        // Posts as ranges of `kept`; each opens with a paragraph after two blank lines or a headline.
        var postStarts: [Int] = [0]
        for (i, p) in kept.enumerated() where i > 0 {
            let opensPost = p.blankLinesBefore >= 2
                || (p.count < 140 && i + 1 < kept.count && kept[i + 1].count > p.count && opensPostAsHeadline(text[p]))
            if opensPost { postStarts.append(i) }
        }
        var items: [Item] = []
        for (n, start) in postStarts.enumerated() {
            let end = n + 1 < postStarts.count ? postStarts[n + 1] : kept.count
            guard start < end else { continue }
            var bodyStart = start
            var headline: String?
            if end - start > 1, isHeadline(text[kept[start]]) {
                headline = text.string(kept[start])
                bodyStart += 1
            }
            items.append(Item(kind: .post, position: items.count, headline: headline,
                              text: text.joined(kept[bodyStart..<end])))
        }
        return Document(path: path, layout: .liveBlog, date: nil, items: items)
    }

    /// A first paragraph that announces a live blog ("Live updates").
    private static func announcesLiveBlog(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        if ByteText.isASCII(p) {
            return liveAnnouncements.contains { $0.count == p.count && ByteText.equalsLowered(p, at: 0, $0) }
        }
        guard p.count <= 64 else { return false }
        let first = String(decoding: p, as: UTF8.self).lowercased()
        return ["live updates", "live", "live reporting", "live blog"].contains(first)
    }

    private static let liveAnnouncements: [[UInt8]] = ["live updates", "live", "live reporting", "live blog"].map { Array($0.utf8) }

    /// A short paragraph that opens a post when it reads as a headline: no final punctuation, not
    /// a dash-led aside, three words or more, a capital first.
    private func opensPostAsHeadline(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isHeadline(p) else { return false }
        let n = p.count
        // Byte answers where the first characters are plain ASCII; the character definition otherwise.
        let b0 = p[0]
        if b0 == UInt8(ascii: "-") || (b0 == 0xE2 && n >= 3 && p[1] == 0x80 && p[2] == 0x93) {
            let width = b0 == UInt8(ascii: "-") ? 1 : 3
            if n == width || p[width] < 0x80 { return false }
            return legacyOpensPostAsHeadline(p)
        }
        if b0 >= 0x80 || (n > 1 && p[1] >= 0x80) { return legacyOpensPostAsHeadline(p) }
        guard b0 &- 0x41 < 26 else { return false }
        // Three words or more: spaces between plain characters separate words (the text is collapsed).
        var separators = 0
        var unsure = false
        for j in 1..<n where p[j] == UInt8(ascii: " ") {
            if p[j - 1] < 0x80 && (j + 1 == n || p[j + 1] < 0x80) {
                separators += 1
                if separators >= 2 { return true }
            } else {
                unsure = true
            }
        }
        return unsure ? legacyOpensPostAsHeadline(p) : false
    }

    private func legacyOpensPostAsHeadline(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = String(decoding: p, as: UTF8.self)
        return !text.hasPrefix("–") && !text.hasPrefix("-") && text.split(separator: " ").count >= 3
            && (text.first?.isFastUppercase ?? false)
    }

    /// A wire story (dateline) or a plain article: one item per paragraph.
    private func article(_ text: ParagraphText, path: String, fallbackDate: Day) -> Document {
        let paragraphs = text.paragraphs
        var date: Day?
        var layout = DocumentLayout.article
        var items: [Item] = []
        for p in paragraphs.prefix(4) {
            if let found = DateText.dateline(bytes: text[p]) {
                date = found.year.map { Day(year: $0, month: found.month, day: found.day) }
                    ?? DateText.resolve(month: found.month, day: found.day, before: fallbackDate)
                layout = .wire
                break
            }
        }
        var headline: String?
        var body = paragraphs[...]
        if let first = body.first, body.count > 1, isHeadline(text[first]), DateText.dateline(bytes: text[first]) == nil {
            headline = text.string(first)
            body = body.dropFirst()
        }
        items.reserveCapacity(body.count)
        for p in body {
            let bytes = text[p]
            if layout == .wire, DateText.dateline(bytes: bytes) != nil {
                // "WASHINGTON, March 4 - President Reagan…": keep the sentence after the dash.
                guard let rest = Self.afterDateline(text.string(p)) else { continue }
                guard !Boilerplate.isBoilerplate(rest), !Self.isWireFurniture(rest) else { continue }
                items.append(Item(kind: .paragraph, position: items.count, headline: items.isEmpty ? headline : nil,
                                  text: rest, date: date))
                continue
            }
            guard !Boilerplate.isBoilerplate(bytes: bytes), !Self.isWireFurniture(bytes: bytes) else { continue }
            items.append(Item(kind: .paragraph, position: items.count, headline: items.isEmpty ? headline : nil,
                              text: text.string(p), date: date))
        }
        return Document(path: path, layout: layout, date: date, items: items)
    }

    // MARK: Helpers

    /// No final punctuation, under 160 bytes.
    private func isHeadline(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        guard n < 160, n > 0 else { return false }
        // With the last three bytes ASCII, the last two characters are those bytes.
        if p[n - 1] < 0x80 && (n < 2 || p[n - 2] < 0x80) && (n < 3 || p[n - 3] < 0x80) {
            let last = p[n - 1]
            if Self.isAny(last, of: ".!?:;,") { return false }
            if (last == UInt8(ascii: "\"") || last == UInt8(ascii: "'")), n >= 2, Self.isAny(p[n - 2], of: ".!?,") { return false }
            return true
        }
        return Self.legacyIsHeadline(String(decoding: p, as: UTF8.self))
    }

    @inline(__always) private static func isAny(_ b: UInt8, of set: StaticString) -> Bool {
        let s = UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount)
        for c in s where c == b { return true }
        return false
    }

    private static func legacyIsHeadline(_ text: String) -> Bool {
        guard text.utf8.count < 160, let last = text.last else { return false }
        if ".!?:;,".contains(last) { return false }
        if "\"'".contains(last), let before = text.dropLast().last, ".!?,".contains(before) { return false }
        return true
    }

    /// The text after "PLACE, Month D - ", or nil when the dateline stands alone.
    static func afterDateline(_ text: String) -> String? {
        for marker in [" - ", " – ", " -- "] {
            if let r = text.range(of: marker), text.distance(from: text.startIndex, to: r.lowerBound) < 70 {
                let rest = text[r.upperBound...].trimmingSpaces()
                return rest.isEmpty ? nil : rest
            }
        }
        return nil
    }

    /// Agency slugs and edition notes: "ATTENTION - ADDS quote ///", "by Zhu Jianhui", "URGENT".
    static func isWireFurniture(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isWireFurniture(bytes: $0) }
    }

    private static let attention: [UInt8] = Array("attention -".utf8)
    private static let by: [UInt8] = Array("by ".utf8)

    /// `isWireFurniture` on UTF-8 bytes.
    static func isWireFurniture(bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        // The first 12 bytes are compared: a character cut there still ends the prefix.
        if n >= attention.count && ByteText.equalsLowered(p, at: 0, attention) { return true }
        if n >= 3 && p[n - 1] == UInt8(ascii: "/") && p[n - 2] == UInt8(ascii: "/") && p[n - 3] == UInt8(ascii: "/") {
            if n == 3 || p[n - 4] < 0x80 { return true }
            return legacyIsWireFurniture(p)
        }
        if n >= 3 && n < 40 && ByteText.equalsLowered(p, at: 0, by) {
            if !ByteText.isASCII(p) { return legacyIsWireFurniture(p) }
            for b in p where b == UInt8(ascii: ".") { return false }
            return true
        }
        return false
    }

    private static func legacyIsWireFurniture(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = String(decoding: p, as: UTF8.self)
        let lower = String(decoding: text.utf8.prefix(12).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        if lower.hasPrefix("attention -") || text.hasSuffix("///") { return true }
        if lower.hasPrefix("by "), text.utf8.count < 40, !text.contains(".") { return true }
        return false
    }
}

/// The paragraphs of a document over their bytes.
private struct ParagraphText {
    let storage: UnsafeBufferPointer<UInt8>
    let paragraphs: [Paragraph]

    subscript(p: Paragraph) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: storage[p.start..<p.end])
    }

    func string(_ p: Paragraph) -> String {
        String(decoding: self[p], as: UTF8.self)
    }

    /// The paragraphs joined with line breaks.
    func joined(_ parts: some Collection<Paragraph>) -> String {
        if parts.count == 1, let only = parts.first { return string(only) }
        var total = -1
        for p in parts { total += p.count + 1 }
        guard total > 0 else { return "" }
        return String(unsafeUninitializedCapacity: total) { out in
            var o = 0
            for p in parts {
                if o > 0 {
                    out[o] = UInt8(ascii: "\n")
                    o += 1
                }
                let bytes = self[p]
                if let base = bytes.baseAddress {
                    (out.baseAddress! + o).update(from: base, count: bytes.count)
                }
                o += bytes.count
            }
            return o
        }
    }
}
