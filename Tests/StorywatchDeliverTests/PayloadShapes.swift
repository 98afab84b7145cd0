import Foundation
import Testing

/// The documented shape of each chat platform's payload, as checks a test can run: each returns
/// the ways a body breaks the platform's rules ([] when it keeps them).
enum PayloadShapes {
    static func object(_ body: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    }

    static func length(_ value: Any?) -> Int { (value as? String)?.utf16.count ?? 0 }

    /// Slack Block Kit (docs.slack.dev/reference/block-kit/blocks): at most 50 blocks; a header's
    /// plain_text ≤ 150; a section's text ≤ 3,000; a context's 1–10 elements, each ≤ 3,000.
    static func slackProblems(_ object: [String: Any]) -> [String] {
        var problems: [String] = []
        if length(object["text"]) == 0 || length(object["text"]) > 4_000 { problems.append("text fallback missing or over 4000") }
        let blocks = object["blocks"] as? [[String: Any]] ?? []
        if blocks.isEmpty || blocks.count > 50 { problems.append("\(blocks.count) blocks") }
        for (i, block) in blocks.enumerated() {
            let text = block["text"] as? [String: Any]
            switch block["type"] as? String {
            case "header":
                if text?["type"] as? String != "plain_text" || length(text?["text"]) == 0 || length(text?["text"]) > 150 {
                    problems.append("block \(i): header needs plain_text of 1-150")
                }
            case "section":
                if !["mrkdwn", "plain_text"].contains(text?["type"] as? String ?? "") || length(text?["text"]) > 3_000 {
                    problems.append("block \(i): section text over 3000 or untyped")
                }
            case "context":
                let elements = block["elements"] as? [[String: Any]] ?? []
                if elements.isEmpty || elements.count > 10 { problems.append("block \(i): \(elements.count) context elements") }
                for element in elements where element["type"] as? String != "mrkdwn" || length(element["text"]) > 3_000 {
                    problems.append("block \(i): context element untyped or over 3000")
                }
            default: problems.append("block \(i): unexpected type \(block["type"] ?? "nil")")
            }
        }
        return problems
    }

    /// Discord embeds (discord.com/developers/docs/resources/message#embed-object-embed-limits):
    /// title 256, description 4,096, ≤ 25 fields of name 256 and value 1,024, footer 2,048,
    /// author 256, 6,000 characters in all; colour 0…0xFFFFFF; at most 10 embeds.
    static func discordProblems(_ object: [String: Any]) -> [String] {
        var problems: [String] = []
        let embeds = object["embeds"] as? [[String: Any]] ?? []
        if embeds.isEmpty || embeds.count > 10 { problems.append("\(embeds.count) embeds") }
        var total = 0
        for embed in embeds {
            let fields = embed["fields"] as? [[String: Any]] ?? []
            let footer = (embed["footer"] as? [String: Any])?["text"]
            let author = (embed["author"] as? [String: Any])?["name"]
            for (name, value, limit) in [("title", embed["title"], 256), ("description", embed["description"], 4_096),
                                         ("footer", footer, 2_048), ("author", author, 256)] where length(value) > limit {
                problems.append("\(name) over \(limit)")
            }
            if fields.count > 25 { problems.append("\(fields.count) fields") }
            for field in fields where length(field["name"]) == 0 || length(field["name"]) > 256
                || length(field["value"]) == 0 || length(field["value"]) > 1_024 {
                problems.append("field \(field["name"] ?? "?") empty or over its limit")
            }
            if let colour = embed["color"] as? Int, !(0...0xFFFFFF).contains(colour) { problems.append("colour \(colour)") }
            total += [embed["title"], embed["description"], footer, author].map(length).reduce(0, +)
                + fields.map { length($0["name"]) + length($0["value"]) }.reduce(0, +)
        }
        if total > 6_000 { problems.append("\(total) characters in all") }
        return problems
    }

    /// The Adaptive Card 1.4 schema (adaptivecards.io/schemas/adaptive-card.json) for the
    /// elements storywatch sends: each element's required and allowed properties and enums.
    static func adaptiveCardProblems(_ card: [String: Any]) -> [String] {
        var problems: [String] = []
        if card["type"] as? String != "AdaptiveCard" { problems.append("type is not AdaptiveCard") }
        if card["version"] as? String != "1.4" { problems.append("version is not 1.4") }
        let rootKeys: Set = ["$schema", "type", "version", "body", "actions"]
        problems += Set(card.keys).subtracting(rootKeys).map { "unknown card property \($0)" }
        let textBlockKeys: Set = ["type", "text", "weight", "size", "wrap", "isSubtle", "color"]
        for (i, element) in (card["body"] as? [[String: Any]] ?? []).enumerated() {
            switch element["type"] as? String {
            case "TextBlock":
                problems += Set(element.keys).subtracting(textBlockKeys).map { "body \(i): unknown TextBlock property \($0)" }
                if length(element["text"]) == 0 { problems.append("body \(i): TextBlock without text") }
                if let weight = element["weight"], !["Default", "Lighter", "Bolder"].contains(weight as? String ?? "") {
                    problems.append("body \(i): weight \(weight)")
                }
                if let size = element["size"], !["Default", "Small", "Medium", "Large", "ExtraLarge"].contains(size as? String ?? "") {
                    problems.append("body \(i): size \(size)")
                }
                for key in ["wrap", "isSubtle"] where element[key] != nil && !(element[key] is Bool) {
                    problems.append("body \(i): \(key) is not a boolean")
                }
            case "FactSet":
                let facts = element["facts"] as? [[String: Any]] ?? []
                if facts.isEmpty { problems.append("body \(i): FactSet without facts") }
                for fact in facts where Set(fact.keys) != ["title", "value"] || !(fact["title"] is String) || !(fact["value"] is String) {
                    problems.append("body \(i): a fact needs exactly a string title and value")
                }
            default: problems.append("body \(i): unexpected element \(element["type"] ?? "nil")")
            }
        }
        for action in card["actions"] as? [[String: Any]] ?? [] {
            let url = (action["url"] as? String).flatMap(URL.init(string:))
            if action["type"] as? String != "Action.OpenUrl" || url?.scheme == nil || length(action["title"]) == 0 {
                problems.append("action needs Action.OpenUrl with a title and an absolute url")
            }
        }
        return problems
    }
}
