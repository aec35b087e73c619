import Logging
import PostgresNIO
import _ConnectionPoolModule
import Store

/// An SQL statement and its arguments, built piece by piece: every value goes in as a `$n`
/// parameter, never into the SQL text.
struct SQL {
    private(set) var text: String
    private(set) var binds = PostgresBindings()

    init(_ text: String = "") { self.text = text }

    /// The placeholder of a new parameter holding `value` (NULL for nil).
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    mutating func append(_ text: String) { self.text += text }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: text, binds: binds) }
}

extension PostgresRandomAccessRow {
    /// The value of a column, decoded (an optional type for a nullable column).
    func value<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try self[column].decode(Value.self)
    }
}

extension PostgresConnection {
    /// Runs a statement and collects its rows.
    @discardableResult
    func rows(_ sql: SQL, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await query(sql.query, logger: logger).collect().map { $0.makeRandomAccess() }
    }

    @discardableResult
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await self.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
    }
}

/// A database error as a reader can act on it: PostgreSQL's own message when the server sent one.
func storeError(_ error: any Error, _ context: String) -> StoreError {
    if let error = error as? StoreError { return error }
    if error is ConnectionPoolError {
        return StoreError("\(context): the database cannot be reached (\(error))", unavailable: true)
    }
    if let error = error as? PSQLError {
        if [.connectionError, .serverClosedConnection, .poolClosed].contains(error.code) {
            return StoreError("\(context): the database cannot be reached (\(error.code))", unavailable: true)
        }
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState] ?? ""
            // Classes 08 (connection exception) and 57 (operator intervention: shutdown, terminated backend).
            return StoreError("\(context): \(message)" + (state.isEmpty ? "" : " (SQLSTATE \(state))"),
                              unavailable: state.hasPrefix("08") || state.hasPrefix("57"))
        }
        return StoreError("\(context): \(error.code)" + (error.underlying.map { " (\($0))" } ?? ""))
    }
    return StoreError("\(context): \(error)")
}
