import Foundation
import GRDB
import Logging
import StorywatchConfig
import StorywatchModel
@testable import StorywatchService
import StorywatchStore
import StorywatchTrack
import Testing

/// An upgrade over a state whose storylines the previous version filed by country root: what was
/// alerted is not alerted again, though today's rules file the same events under other keys.
struct StorylineUpgradeTests {
    static let truce = "BOGOTA, March 1, 2030 - The Colombian government and the rebels agreed a ceasefire on Friday."
    static let attack = "BOGOTA, March 6, 2030 - Rebels attacked an army post in Cauca on Wednesday, breaking the ceasefire, the defence ministry said."
    static let retold = "BOGOTA, March 7, 2030 - Rebels attacked an army post in Cauca on Wednesday in breach of the ceasefire, officials said on Thursday."

    @Test func scan_whenStorylinesHaveThePreviousKeys_doesNotAlertARetoldViolationAgain() throws {
        let alerts = try violationsAfterUpgrade(rekey: true)
        #expect(alerts.isEmpty, "\(alerts.map(\.development.summary))")
    }

    /// What the rekey prevents: left under the old keys, the storyline of the government and the
    /// rebels starts empty beside the old one, and the retold attack is a violation again.
    @Test func scan_whenOldKeysAreLeftAsTheyWere_alertsTheRetoldViolationAgain() throws {
        #expect(try violationsAfterUpgrade(rekey: false).count == 1)
    }

    /// `explain --state` writes nothing, yet reads a pending state under today's keys, as the next scan will.
    @Test func forReading_whenRekeyPending_servesTodaysKeysWithoutWriting() throws {
        let (root, pass) = try scannedTruceAndAttack()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = pass.store
        try fileUnderPreviousKeys(store: store, database: pass.config.state + "/state.sqlite", pending: true)

        #expect(try StoredStorylines(store: store).storyline(id: "COL-COLREB") == nil)
        #expect(try StoredStorylines.forReading(store).storyline(id: "COL-COLREB")?.entries.contains { $0.event.quote.contains("attacked") } == true)
        #expect(try store.pendingStorylineRekey())
    }

    /// Scans the truce and the attack, files the storylines as the previous version did, then
    /// scans a retelling of the attack; returns the violations that scan raises.
    private func violationsAfterUpgrade(rekey: Bool) throws -> [Alert] {
        let (root, pass) = try scannedTruceAndAttack()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fileUnderPreviousKeys(store: pass.store, database: pass.config.state + "/state.sqlite", pending: rekey)
        try Self.retold.write(toFile: pass.config.corpus! + "/03.txt", atomically: true, encoding: .utf8)
        return try pass.run().filter { $0.development.kind == .violation }
    }

    /// A temporary folder (returned, for the caller to remove) with the truce and the attack
    /// scanned by today's version: one violation raised.
    private func scannedTruceAndAttack() throws -> (root: String, pass: ScanPass) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-upgrade-\(UUID().uuidString)").path
        let corpus = root + "/corpus"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        try Self.truce.write(toFile: corpus + "/01.txt", atomically: true, encoding: .utf8)
        try Self.attack.write(toFile: corpus + "/02.txt", atomically: true, encoding: .utf8)
        var config = StorywatchConfig()
        config.corpus = corpus
        config.state = root + "/state"
        let logger = Logger(label: "test")
        let pass = ScanPass(config: config, store: try Store.open(directory: config.state),
                            extractor: try ExtractorFactory.make(config: config, logger: logger), logger: logger)
        #expect(try pass.run().filter { $0.development.kind == .violation }.count == 1)
        return (root, pass)
    }

    /// The previous version's keys: the sorted country roots of the parties, whatever their sector.
    private func fileUnderPreviousKeys(store: Store, database: String, pending: Bool) throws {
        var merged: [String: StorylineState] = [:]
        for row in try store.allStorylines() {
            let state = try #require(StorylineState.decode(row.state))
            let roots = Set(state.roots.map { String($0.prefix(3)) }).sorted()
            var old = merged[roots.joined(separator: "-")] ?? StorylineState(id: roots.joined(separator: "-"), roots: roots)
            old.entries += state.entries.map { ThreadEntry(event: $0.event, sequence: old.nextSequence + $0.sequence) }
            old.nextSequence += state.nextSequence
            old.lastDate = [old.lastDate, state.lastDate].compactMap { $0 }.max()
            merged[old.id] = old
        }
        try store.replaceStorylines(with: merged.values.map(StoredStorylines.row))
        let queue = try DatabaseQueue(path: database)
        try queue.write { db in
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'storyline_keys'", arguments: [pending ? "pending" : "done"])
        }
    }
}
