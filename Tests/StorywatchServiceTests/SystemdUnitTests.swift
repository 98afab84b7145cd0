import Foundation
import Testing

/// systemd/storywatch.service against `systemd-analyze` (exposure ≤ 1.5, verify silent) and the
/// Makefile's install, through Tests/systemd/check-unit.sh. Skipped where systemd-analyze is absent.
struct SystemdUnitTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let hasSystemdAnalyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"]
        .contains { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: hasSystemdAnalyze, "systemd-analyze is not installed (Debian package systemd)"))
    func unit_whenAnalyzed_isHardenedVerifiedAndInstallable() throws {
        // Given the unit and the check script
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.repository.appendingPathComponent("Tests/systemd/check-unit.sh").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        // When it runs
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Then every check passes
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
