import Foundation
import PostgresNIO
import PostgresStore
import Store
import Testing

/// The store engines the shared store tests run on: SQLite always; PostgreSQL when the
/// environment names a server that may create databases (`MARSAD_TEST_POSTGRES=postgres://…`,
/// as `scripts/postgres-cluster start` prints and `.ci/run` sets). Each test gets a new,
/// empty database, dropped afterwards.
public enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    public static let postgresURL = ProcessInfo.processInfo.environment["MARSAD_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    public static var available: [TestBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// Why the PostgreSQL tests did not run, for the test report.
    public static let skipped: Comment = "PostgreSQL tests skipped: set MARSAD_TEST_POSTGRES=postgres://user@host:port/db (scripts/postgres-cluster start prints one)"

    public var testDescription: String { rawValue }

    /// Runs `body` on a new, empty store of this engine and removes the store afterwards.
    public func withStore<Result>(_ body: (any EventStore) async throws -> Result) async throws -> Result {
        switch self {
        case .sqlite:
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-store-\(UUID().uuidString).sqlite")
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) } }
            return try await body(try MarsadStore(path: url.path))
        case .postgres:
            return try await Self.withPostgres { try await body($0) }
        }
    }

    /// Runs `body` on a new PostgreSQL database (its URL and an opened store) and drops it afterwards.
    public static func withPostgres<Result>(_ body: (PostgresStore) async throws -> Result) async throws -> Result {
        try await withPostgresDatabase { url in try await body(try await PostgresStore(url: url)) }
    }

    public static func withPostgresDatabase<Result>(_ body: (String) async throws -> Result) async throws -> Result {
        let base = try #require(postgresURL)
        let name = "marsad_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await admin(base, "CREATE DATABASE \(name)")
        var components = try #require(URLComponents(string: base))
        components.path = "/" + name
        do {
            let result = try await body(try #require(components.string))
            try await admin(base, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await admin(base, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one statement (outside a transaction, as CREATE DATABASE needs) on the server's database.
    private static func admin(_ url: String, _ statement: String) async throws {
        do {
            let configuration = try PostgresStore.Server(url: url).connection()
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "marsad.test"))
            defer { Task { try? await connection.close() } }
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "marsad.test"))
        } catch {
            throw StoreError("MARSAD_TEST_POSTGRES=\(url): \(statement) failed: \(String(reflecting: error))")
        }
    }
}
