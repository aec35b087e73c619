import Foundation
import StoreTesting
import Testing

/// A new, empty PostgreSQL database for one command-line test, made and dropped with Debian's
/// psql on the server that MARSAD_TEST_POSTGRES names (as `.ci/run` sets; the PostgreSQL tests
/// are skipped without it).
struct ScratchDatabase {
    static let server = TestBackend.postgresURL
    static let skipped = TestBackend.skipped

    let name = "marsad_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let url: String

    init() throws {
        let server = try #require(Self.server)
        var components = try #require(URLComponents(string: server))
        components.path = "/" + name
        url = try #require(components.string)
        try Self.psql(server, "CREATE DATABASE \(name)")
    }

    func drop() { try? Self.psql(Self.server ?? "", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }

    /// Runs one SQL statement and returns what psql prints (unaligned, tuples only).
    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "psql failed: \(sql)"]) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func query(_ sql: String) throws -> String { try Self.psql(url, sql) }
}
