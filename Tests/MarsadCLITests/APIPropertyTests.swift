import Foundation
import Testing

/// The live API against its OpenAPI document, with schemathesis (scripts/api-properties): runs
/// where schemathesis is installed (`.ci/run` installs it).
@Suite struct APIPropertyTests {
    static let schemathesisAvailable = ScriptRunner.succeeds("command -v st")

    @Test(.enabled(if: schemathesisAvailable, "needs schemathesis: python3 -m pip install schemathesis"), .timeLimit(.minutes(10)),
          arguments: DurabilityTests.stores)
    func everyOperationConformsToTheOpenAPIDocument(_ store: String) throws {
        let database = store == "postgres" ? try ScratchDatabase() : nil
        defer { database?.drop() }
        let (status, output) = try ScriptRunner.run("bash", script: "api-properties",
                                                    ["--marsad", CommandRunner.executable.path, "--examples", "25"] + (database.map { ["--db", $0.url] } ?? []))
        #expect(status == 0, "\(output.suffix(4000))")
    }
}
