import Logging
import PostgresNIO
import Store

/// The PostgreSQL tables: the SQLite store's schema in PostgreSQL's types, plus the job queue,
/// created by versioned migrations that are only ever appended to. Several processes starting at
/// once migrate one at a time (an advisory lock), each migration in its own transaction.
enum PostgresSchema {
    static let migrations: [(version: Int, name: String, sql: [String])] = [
        (1, "documents, actors, fused events, reports, full-text search", [
            """
            CREATE TABLE document (
                id text PRIMARY KEY,                 -- SHA-256 of the UTF-8 text
                seq bigserial UNIQUE,                -- ingest order
                source text NOT NULL,
                outlet text,
                published text,                      -- YYYY-MM-DD
                title text,
                text text NOT NULL,
                length integer NOT NULL,
                result text NOT NULL,                -- the marsad.document/1 JSON
                extractor text NOT NULL,             -- version of the extraction that wrote it
                ingested_at text NOT NULL,
                search tsvector NOT NULL             -- normalized title and body (SearchText)
            )
            """,
            "CREATE INDEX document_published ON document (published DESC NULLS LAST, seq DESC)",
            "CREATE INDEX document_outlet ON document (outlet)",
            "CREATE INDEX document_search ON document USING gin (search)",
            """
            CREATE TABLE actor (
                id bigserial PRIMARY KEY,
                key text NOT NULL UNIQUE,            -- kb:<id>, or name:<normalized name>|<type>|<country>
                name text NOT NULL,
                name_en text,
                type text NOT NULL,
                country text,
                cameo text,
                kb text
            )
            """,
            "CREATE INDEX actor_country ON actor (country)",
            """
            CREATE TABLE fused_event (
                id bigserial PRIMARY KEY,
                type text NOT NULL,
                mode text,
                cameo text,
                source_actor bigint REFERENCES actor (id),
                target_actor bigint REFERENCES actor (id),
                date text,
                precision text,
                location_name text,
                location_kb text,
                lat double precision,
                lon double precision,
                report_count integer NOT NULL DEFAULT 0,
                fatalities integer,
                injured integer,
                contested boolean NOT NULL DEFAULT false,  -- reports disagree on whether it happened
                source_country text,
                target_country text,
                modalities integer NOT NULL DEFAULT 0      -- bit per modality (Fusion.modalityBit)
            )
            """,
            "CREATE INDEX fused_event_date ON fused_event (date DESC NULLS LAST, id DESC)",
            "CREATE INDEX fused_event_fusion ON fused_event (type, source_actor, date)",
            "CREATE INDEX fused_event_source ON fused_event (source_actor, date)",
            "CREATE INDEX fused_event_target ON fused_event (target_actor, date)",
            "CREATE INDEX fused_event_type_date ON fused_event (type, date DESC NULLS LAST, id DESC)",
            "CREATE INDEX fused_event_location ON fused_event (location_kb)",
            "CREATE INDEX fused_event_source_country ON fused_event (source_country, date)",
            "CREATE INDEX fused_event_target_country ON fused_event (target_country, date)",
            """
            CREATE TABLE report (
                id bigserial PRIMARY KEY,
                fused_event bigint NOT NULL REFERENCES fused_event (id),
                document text NOT NULL REFERENCES document (id) ON DELETE CASCADE,
                event text NOT NULL,                 -- the event's id in its document (V1 …)
                type text NOT NULL,
                source_actor bigint REFERENCES actor (id),
                target_actor bigint REFERENCES actor (id),
                date text,
                modality text NOT NULL,
                speaker text,
                anonymous boolean NOT NULL DEFAULT false,
                verb text,
                confidence double precision NOT NULL,
                trigger_text text NOT NULL,
                trigger_start integer NOT NULL,
                trigger_end integer NOT NULL,
                sentence_start integer NOT NULL,
                sentence_end integer NOT NULL,
                killed integer,
                injured integer
            )
            """,
            "CREATE INDEX report_document ON report (document)",
            "CREATE INDEX report_fused ON report (fused_event)",
            """
            CREATE TABLE document_actor (
                document text NOT NULL REFERENCES document (id) ON DELETE CASCADE,
                actor bigint NOT NULL REFERENCES actor (id),
                mentions integer NOT NULL,
                PRIMARY KEY (document, actor)
            )
            """,
            "CREATE INDEX document_actor_actor ON document_actor (actor)",
        ]),
        (2, "the job queue", [
            """
            CREATE TABLE job (
                id bigserial PRIMARY KEY,
                document text NOT NULL UNIQUE,       -- the document id (SHA-256 of its text)
                source text NOT NULL,
                outlet text,
                published text,
                title text,
                text text,                           -- the raw text, until the job is done
                state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
                attempts integer NOT NULL DEFAULT 0,
                run_after timestamptz NOT NULL DEFAULT now(),
                lease_until timestamptz,
                worker text,
                error text,
                enqueued_at timestamptz NOT NULL DEFAULT now(),
                finished_at timestamptz
            )
            """,
            "CREATE INDEX job_open ON job (id) WHERE state IN ('queued', 'running')",
            "CREATE INDEX job_state ON job (state, id DESC)",
        ]),
    ]

    /// Brings a database up to the newest migration.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        // A session lock: held across the migrations' own transactions, released below.
        try await connection.rows("SELECT pg_advisory_lock(7210)", logger: logger)
        do {
            try await connection.rows("""
                CREATE TABLE IF NOT EXISTS marsad_migration (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            let applied = Set(try await connection.rows("SELECT version FROM marsad_migration", logger: logger).map { try $0.value("version", as: Int.self) })
            for migration in migrations where !applied.contains(migration.version) {
                try await connection.withTransaction(logger: logger) { connection in
                    for statement in migration.sql { try await connection.rows(PostgresQuery(unsafeSQL: statement), logger: logger) }
                    try await connection.rows("INSERT INTO marsad_migration (version, name) VALUES (\(migration.version), \(migration.name))",
                                              logger: logger)
                }
            }
        } catch {
            _ = try? await connection.rows("SELECT pg_advisory_unlock(7210)", logger: logger)
            throw error
        }
        try await connection.rows("SELECT pg_advisory_unlock(7210)", logger: logger)
    }
}
