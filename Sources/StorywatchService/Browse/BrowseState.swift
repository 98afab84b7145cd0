import Foundation
import StorywatchStore

/// Why a browsing command cannot read a state.
package enum BrowseError: Error, CustomStringConvertible, Equatable {
    /// No `state.sqlite` in the folder: nothing was ever scanned there.
    case noState(directory: String)
    case unknownID(String)
    case invalidDate(String)

    package var description: String {
        switch self {
        case .noState(let directory):
            "no state in \(directory): nothing has been scanned there yet (run `storywatch scan` or the daemon, or give --state or --config)"
        case .unknownID(let id): "no storyline or development has the id \"\(id)\" (see `storywatch storylines`)"
        case .invalidDate(let text): "\"\(text)\" is not a date: write YYYY-MM-DD"
        }
    }

    /// 2 when there is no state to read (as for a state that cannot be opened), else 1.
    package var exitStatus: Int32 {
        switch self {
        case .noState: 2
        case .unknownID, .invalidDate: 1
        }
    }
}

/// Opens the state a browsing command reads, never creating one (`status` on a host with no
/// state says so).
package enum BrowseState {
    package static func open(directory: String) throws -> Store {
        guard FileManager.default.fileExists(atPath: directory + "/state.sqlite") else {
            throw BrowseError.noState(directory: directory)
        }
        return try Store.open(directory: directory)
    }
}
