import StorywatchModel
import StorywatchStore
import StorywatchTrack

/// The storylines of the store, as the tracker's bookkeeping reads them (`StorylineBook`).
struct StoredStorylines: StorylineRepository {
    let store: Store

    func storyline(id: String) throws -> StorylineState? {
        try store.storyline(id: id).flatMap { StorylineState.decode($0.state) }
    }

    func developmentExists(id: String) throws -> Bool {
        try store.developmentExists(id: id)
    }
}
