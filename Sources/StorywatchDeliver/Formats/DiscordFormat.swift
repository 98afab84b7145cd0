import Foundation
import StorywatchModel

/// Discord webhook: one embed — title (kind and storyline, a link through `link_template`),
/// description (summary and quote), a colour per kind, and fields for the date, the document
/// and the previous event ("Before"). Mentions are disabled so a quote naming @everyone pings no
/// one. Discord's limits hold: title 256, description 4,096, field value 1,024, 25 fields,
/// 6,000 characters in all. A 429's `retry_after` is honoured by the retry policy.
enum DiscordFormat {
    static let titleLimit = 256
    static let descriptionLimit = 4_096
    static let fieldValueLimit = 1_024
    static let totalLimit = 6_000

    /// A colour a reader learns: red for a broken truce, orange for answers and escalation,
    /// purple for reversals, blue for promises kept, green for stepping back, grey otherwise.
    static let colours: [DevelopmentKind: Int] = [
        .violation: 0xD32F2F, .retaliation: 0xF57C00, .escalation: 0xE64A19, .reversal: 0x7B1FA2,
        .fulfilled: 0x1976D2, .deEscalation: 0x388E3C, .update: 0x607D8B, .new: 0x455A64,
    ]

    static func payload(_ alert: AlertView, linkTemplate: String? = nil) -> FormattedPayload {
        let link = alert.link(linkTemplate)
        var fields: [(name: String, value: String)] = []
        if let date = alert.data.event?.date { fields.append(("Date", date)) }
        if let document = alert.document { fields.append(("Document", link.map { "[\(document)](\($0))" } ?? document)) }
        if let before = alert.previousEvidence { fields.append(("Before", before)) }
        fields = fields.map { ($0.name, Fitting.cut($0.value, limit: fieldValueLimit, measure: Fitting.utf16)) }
        let title = Fitting.cut(alert.heading, limit: titleLimit, measure: Fitting.utf16)
        // The description gets what the other texts leave of the 6,000.
        let others = ([title] + fields.flatMap { [$0.name, $0.value] }).reduce(0) { $0 + Fitting.utf16($1) }
        let summary = alert.data.summary
        let description = Fitting.fit(quote: alert.quote, limit: min(descriptionLimit, totalLimit - others),
                                      measure: Fitting.utf16) { quote in
            quote.isEmpty ? summary : "\(summary)\n> \(quote)"
        }
        var embed: [String: Any] = [
            "title": title, "description": description,
            "color": DevelopmentKind(rawValue: alert.data.kind).flatMap { colours[$0] } ?? 0x607D8B,
            "fields": fields.map { ["name": $0.name, "value": $0.value, "inline": $0.name != "Before"] as [String: Any] },
        ]
        if let link { embed["url"] = link }
        if let time = alert.time { embed["timestamp"] = time }
        let object: [String: Any] = ["embeds": [embed], "allowed_mentions": ["parse": [String]()]]
        return FormattedPayload(body: PayloadFormatter.json(object), contentType: "application/json")
    }
}
