import ArgumentParser
import StorywatchService

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The daemon: watch the corpus, process each new or changed article, deliver alerts.",
        discussion: """
            Sets up inotify watches, runs a catch-up scan (the same pass as `scan`), then processes \
            files as they are closed or renamed into the corpus and delivers alerts to the webhooks. \
            Speaks sd_notify when $NOTIFY_SOCKET is set (READY=1, STATUS=, WATCHDOG=1, RELOADING=1, \
            STOPPING=1). SIGHUP re-reads the config (an invalid one is logged and ignored); SIGTERM \
            finishes the document in hand and exits 0, leaving undelivered alerts in the outbox. \
            Exit status 1 when the corpus is deleted, moved or unmounted; 2 when the state cannot be opened or is \
            not a sound storywatch store; 75 when another `run` or `deliver` holds the state; 78 when the config is refused.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Folder of articles (overrides the config's `corpus`).")
    var corpus: String?

    @Option(help: "State folder. Default: the config's, else $STATE_DIRECTORY, else /var/lib/storywatch.")
    var state: String?

    func run() async throws {
        let logger = global.makeLogger()
        try await reporting { try await RunUseCase.run(global.request(required: corpus == nil, corpus: corpus, state: state), logger: logger) }
    }
}
