import Foundation
import StorywatchConfig
import StorywatchModel
import StorywatchStore

// The operator's view of a state (issue #15): `storylines`, `show`, `mute`, `unmute` and
// `report`, each from a `ConfigRequest` (--config, --state). A state is opened for reading and
// never created: none there throws `BrowseError.noState` (exit 2).

/// `storywatch storylines [--actor CODE] [--since DATE]`.
package enum StorylinesUseCase {
    package static func run(_ request: ConfigRequest, actor: String?, since: Day?) throws -> [StorylineSummary] {
        try StorylineList(store: BrowseState.open(request).store).run(actor: actor, since: since)
    }
}

/// `storywatch show ID`: throws `BrowseError.unknownID` (exit 1).
package enum ShowUseCase {
    package static func run(_ request: ConfigRequest, id: String) throws -> StorylineShow.Result {
        try StorylineShow(store: BrowseState.open(request).store).run(id: id)
    }
}

/// `storywatch mute ID [--until DATE]` and `unmute ID`: throws `BrowseError.unknownID` and
/// `MuteError` (exit 1).
package enum MuteUseCase {
    package static func mute(_ request: ConfigRequest, id: String, until: Day?) throws {
        try Mute(store: BrowseState.open(request).store).mute(id: id, until: until)
    }

    /// false when the storyline was not muted.
    package static func unmute(_ request: ConfigRequest, id: String) throws -> Bool {
        try Mute(store: BrowseState.open(request).store).unmute(id: id)
    }
}

/// `storywatch report --html FILE [--since DATE]`: the page, written to `file` (a failure to
/// write is a `CommandFailure`, exit 1).
package enum ReportUseCase {
    package static func run(_ request: ConfigRequest, since: Day?, file: String) throws {
        let (config, store) = try BrowseState.open(request)
        let page = try Report(store: store, linkTemplate: Report.linkTemplate(config)).html(since: since)
        do {
            try Data(page.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw CommandFailure("cannot write \(file): \(error.localizedDescription)")
        }
    }
}

extension BrowseState {
    /// The config of `request` and its existing state.
    static func open(_ request: ConfigRequest) throws -> (config: StorywatchConfig, store: Store) {
        let config = try request.load()
        return (config, try open(directory: config.state))
    }
}
