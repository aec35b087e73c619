import Foundation
import Testing

/// The dashboard in a real headless Chromium (scripts/dashboard-test): runs where Debian's
/// chromium and PyPI's playwright are installed (`.ci/run` installs both).
@Suite struct DashboardTests {
    static let browserAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && ScriptRunner.succeeds("python3 -c 'import playwright.sync_api'")

    @Test(.enabled(if: browserAvailable, "needs /usr/bin/chromium and python3 -m pip install playwright"), .timeLimit(.minutes(5)))
    func dashboardPagesLoadRightToLeftFilterAndEscapeInChromium() throws {
        let (status, output) = try ScriptRunner.run("python3", script: "dashboard-test", [
            "--marsad", CommandRunner.executable.path,
            "--screenshots", ScriptRunner.packageRoot.appendingPathComponent(".build/dashboard-screenshots").path,
        ])
        #expect(status == 0, "\(output)")
    }
}
