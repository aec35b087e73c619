import Foundation
import Testing

/// The live API against its OpenAPI document, with schemathesis (scripts/api-properties): runs
/// where schemathesis is installed (`.ci/run` installs it).
@Suite struct APIPropertyTests {
    static let schemathesisAvailable = ScriptRunner.succeeds("command -v st")

    @Test(.enabled(if: schemathesisAvailable, "needs schemathesis: python3 -m pip install schemathesis"), .timeLimit(.minutes(10)))
    func everyOperationConformsToTheOpenAPIDocument() throws {
        let (status, output) = try ScriptRunner.run("bash", script: "api-properties", ["--marsad", CommandRunner.executable.path, "--examples", "25"])
        #expect(status == 0, "\(output.suffix(4000))")
    }
}
