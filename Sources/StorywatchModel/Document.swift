/// How a document lays out its items; newest-first layouts run backwards in time.
package enum DocumentLayout: String, Sendable, Codable, CaseIterable {
    case liveBlog = "live-blog"
    case timeline
    case blurbList = "blurb-list"
    case wire
    case article

    /// Live blogs, timelines and blurb lists put the newest item on top.
    package var isNewestFirst: Bool {
        switch self {
        case .liveBlog, .timeline, .blurbList: true
        case .wire, .article: false
        }
    }
}

/// What kind of unit an item is inside its document.
package enum ItemKind: String, Sendable, Codable {
    case post, entry, blurb, paragraph
}

/// A unit of a document: a live-blog post, a dated timeline entry, a blurb, a paragraph.
package struct Item: Sendable, Hashable, Codable {
    package var kind: ItemKind
    /// Position in the file, 0 at the top.
    package var position: Int
    /// Headline of a post, when it has one.
    package var headline: String?
    /// Normalised text (whitespace collapsed, quotes straightened), headline excluded.
    package var text: String
    /// The item's own date (a timeline entry, a dateline), when the text gives one.
    package var date: Day?
    /// Hash of the normalised text: the identity used to tell new items from seen ones.
    package var hash: String

    package init(kind: ItemKind, position: Int, headline: String? = nil, text: String, date: Day? = nil) {
        self.kind = kind
        self.position = position
        self.headline = headline
        self.text = text
        self.date = date
        self.hash = ContentHash.itemHash(headline: headline, text: text)
    }
}

/// A file under the corpus root, split into items.
package struct Document: Sendable, Hashable {
    /// Path relative to the corpus root.
    package var path: String
    package var layout: DocumentLayout
    /// A date the text itself gives for the whole document (a date line, a dateline's day).
    package var date: Day?
    package var items: [Item]
    /// Non-fatal remarks made while reading it (for instance a Windows-1252 fallback).
    package var warnings: [String]

    package init(path: String, layout: DocumentLayout, date: Day?, items: [Item], warnings: [String] = []) {
        self.path = path
        self.layout = layout
        self.date = date
        self.items = items
        self.warnings = warnings
    }
}
