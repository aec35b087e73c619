import Foundation
import Testing

/// The live API against its OpenAPI document, with schemathesis (scripts/api-properties): runs
/// where schemathesis is installed (`.ci/run` installs it).
@Suite struct APIPropertyTests {
    static var schemathesisAvailable: Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["sh", "-c", "command -v st"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    @Test(.enabled(if: schemathesisAvailable, "needs schemathesis: python3 -m pip install schemathesis"), .timeLimit(.minutes(10)))
    func everyOperationConformsToTheOpenAPIDocument() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", DashboardTests.packageRoot.appendingPathComponent("scripts/api-properties").path,
                             "--marsad", CommandRunner.executable.path, "--examples", "25"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output.suffix(4000))")
    }
}
