import Foundation
import StorywatchModel

/// File text → Document: detects the layout and splits it into items (design §2).
package struct DocumentParser: Sendable {
    package init() {}

    /// - Parameters:
    ///   - text: decoded text.
    ///   - path: path relative to the corpus root.
    ///   - fallbackDate: the day used to place a dateline without a year (the file's mtime).
    package func parse(text: String, path: String, fallbackDate: Day) -> Document {
        let paragraphs = Paragraphs.split(TextNormalizer.normalizeCharacters(text))
        if let timeline = timeline(paragraphs, path: path) { return timeline }
        if let blurbs = blurbList(paragraphs, path: path) { return blurbs }
        if let blog = liveBlog(paragraphs, path: path) { return blog }
        return article(paragraphs, path: path, fallbackDate: fallbackDate)
    }

    // MARK: Layouts

    /// Entries that each start with a date on its own line ("• 19 Jul 2017").
    private func timeline(_ paragraphs: [Paragraph], path: String) -> Document? {
        let dateIndexes = paragraphs.indices.filter { isDateLine(paragraphs[$0].text) }
        guard dateIndexes.count >= 2 else { return nil }
        var items: [Item] = []
        for (n, start) in dateIndexes.enumerated() {
            let end = n + 1 < dateIndexes.count ? dateIndexes[n + 1] : paragraphs.count
            let body = paragraphs[(start + 1)..<end].map(\.text).filter { !Boilerplate.isBoilerplate($0) }
            guard !body.isEmpty else { continue }
            let date = DateText.leadingFullDate(Substring(paragraphs[start].text))
            items.append(Item(kind: .entry, position: items.count, text: body.joined(separator: "\n"), date: date))
        }
        return Document(path: path, layout: .timeline, date: items.compactMap(\.date).max(), items: items)
    }

    /// Video or news blurbs, one paragraph each, marked by social-media furniture.
    private func blurbList(_ paragraphs: [Paragraph], path: String) -> Document? {
        let marked = paragraphs.filter { p in
            Paragraphs.contains(p.text.utf8, "ubscribe to our channel") || Paragraphs.contains(p.text.utf8, "ollow us on")
        }
        guard marked.count >= 2 else { return nil }
        var items: [Item] = []
        for p in paragraphs {
            let text = Boilerplate.stripTrailingFurniture(p.text)
            guard !text.isEmpty, !Boilerplate.isBoilerplate(text) else { continue }
            items.append(Item(kind: .blurb, position: items.count, text: text))
        }
        return Document(path: path, layout: .blurbList, date: nil, items: items)
    }

    /// Posts separated by two or more blank lines, each a headline then a body.
    private func liveBlog(_ paragraphs: [Paragraph], path: String) -> Document? {
        let first = paragraphs.first?.text.lowercased() ?? ""
        let announced = ["live updates", "live", "live reporting", "live blog"].contains(first)
        let separators = paragraphs.dropFirst().filter { $0.blankLinesBefore >= 2 }.count
        guard announced || separators >= 2 else { return nil }
        var groups: [[Paragraph]] = [[]]
        let kept = paragraphs.filter { !Boilerplate.isBoilerplate($0.text) }
        for (i, p) in kept.enumerated() {
            let opensPost = p.blankLinesBefore >= 2
                || (isHeadline(p.text) && !p.text.hasPrefix("–") && !p.text.hasPrefix("-")
                    && p.text.utf8.count < 140 && p.text.split(separator: " ").count >= 3 && i + 1 < kept.count && kept[i + 1].text.utf8.count > p.text.utf8.count
                    && (p.text.first?.isFastUppercase ?? false))
            if opensPost && !(groups.last?.isEmpty ?? true) { groups.append([]) }
            groups[groups.count - 1].append(p)
        }
        var items: [Item] = []
        for group in groups {
            var texts = group.map(\.text).filter { !Boilerplate.isBoilerplate($0) }
            guard !texts.isEmpty else { continue }
            var headline: String?
            if texts.count > 1, isHeadline(texts[0]) { headline = texts.removeFirst() }
            items.append(Item(kind: .post, position: items.count, headline: headline,
                              text: texts.joined(separator: "\n")))
        }
        return Document(path: path, layout: .liveBlog, date: nil, items: items)
    }

    /// A wire story (dateline) or a plain article: one item per paragraph.
    private func article(_ paragraphs: [Paragraph], path: String, fallbackDate: Day) -> Document {
        var date: Day?
        var layout = DocumentLayout.article
        var items: [Item] = []
        for p in paragraphs.prefix(4) {
            if let found = DateText.dateline(Substring(p.text)) {
                date = found.year.map { Day(year: $0, month: found.month, day: found.day) }
                    ?? DateText.resolve(month: found.month, day: found.day, before: fallbackDate)
                layout = .wire
                break
            }
        }
        var headline: String?
        var body = paragraphs[...]
        if let first = body.first, body.count > 1, isHeadline(first.text), DateText.dateline(Substring(first.text)) == nil {
            headline = first.text
            body = body.dropFirst()
        }
        for p in body {
            var text = p.text
            if layout == .wire, DateText.dateline(Substring(text)) != nil {
                // "WASHINGTON, March 4 - President Reagan…": keep the sentence after the dash.
                guard let body = Self.afterDateline(text) else { continue }
                text = body
            }
            guard !Boilerplate.isBoilerplate(text), !Self.isWireFurniture(text) else { continue }
            items.append(Item(kind: .paragraph, position: items.count, headline: items.isEmpty ? headline : nil,
                              text: text, date: date))
        }
        return Document(path: path, layout: layout, date: date, items: items)
    }

    // MARK: Helpers

    private func isDateLine(_ text: String) -> Bool {
        text.utf8.count <= 32 && DateText.leadingFullDate(Substring(text)) != nil
    }

    private func isHeadline(_ text: String) -> Bool {
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
        let lower = String(decoding: text.utf8.prefix(12).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        if lower.hasPrefix("attention -") || text.hasSuffix("///") { return true }
        if lower.hasPrefix("by "), text.utf8.count < 40, !text.contains(".") { return true }
        return false
    }
}
