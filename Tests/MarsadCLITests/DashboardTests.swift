import Foundation
import Testing

/// The dashboard in a real headless Chromium (scripts/dashboard-test): runs where Debian's
/// chromium and PyPI's playwright are installed (`.ci/run` installs both).
@Suite struct DashboardTests {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var browserAvailable: Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import playwright.sync_api"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    @Test(.enabled(if: browserAvailable, "needs /usr/bin/chromium and python3 -m pip install playwright"), .timeLimit(.minutes(5)))
    func dashboardPagesLoadRightToLeftFilterAndEscapeInChromium() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.packageRoot.appendingPathComponent("scripts/dashboard-test").path,
                             "--marsad", CommandRunner.executable.path,
                             "--screenshots", Self.packageRoot.appendingPathComponent(".build/dashboard-screenshots").path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
    }
}
