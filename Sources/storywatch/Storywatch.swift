import ArgumentParser
import StorywatchModel

@main
struct Storywatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storywatch",
        abstract: "Watch a folder of news articles and alert webhooks when a story takes a turn.",
        discussion: """
            storywatch reads every new or changed article, extracts who did, proposed, threatened, \
            refused, denied or admitted what to whom, links those events into storylines, and raises \
            a development (reversal, fulfilled, retaliation, escalation, de-escalation, violation, \
            update) when a storyline takes a turn. Alerts go to webhooks as CloudEvents 1.0 JSON \
            objects or as Slack, Discord, Microsoft Teams or ntfy messages.
            """,
        version: StorywatchVersion.current,
        subcommands: [Run.self, Scan.self, Extract.self, Explain.self, CheckConfig.self, Status.self, Deliver.self, TestWebhook.self, Redeliver.self, Backup.self,
                      Storylines.self, Show.self, MuteCommand.self, Unmute.self, ReportCommand.self])
}
