import GRDB

/// The store's tables, created by versioned migrations that are only ever appended to: a store
/// written by an older Marsad opens in a newer one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, actors, fused events, reports, quotes, claims") { db in
            try db.execute(sql: """
                CREATE TABLE document (
                    id TEXT PRIMARY KEY,             -- SHA-256 of the UTF-8 text
                    source TEXT NOT NULL,
                    outlet TEXT,
                    published TEXT,                  -- YYYY-MM-DD
                    title TEXT,
                    text TEXT NOT NULL,
                    length INTEGER NOT NULL,
                    result TEXT NOT NULL,            -- the marsad.document/1 JSON
                    extractor TEXT NOT NULL,         -- version of the extraction that wrote it
                    ingested_at TEXT NOT NULL
                );
                CREATE INDEX document_published ON document(published);
                CREATE INDEX document_outlet ON document(outlet);
                CREATE VIRTUAL TABLE document_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');

                CREATE TABLE actor (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE,        -- kb:<id>, or name:<normalized name>|<type>|<country>
                    name TEXT NOT NULL,
                    name_en TEXT,
                    type TEXT NOT NULL,
                    country TEXT,
                    cameo TEXT,
                    kb TEXT
                );

                CREATE TABLE fused_event (
                    id INTEGER PRIMARY KEY,
                    type TEXT NOT NULL,
                    mode TEXT,
                    cameo TEXT,
                    source_actor INTEGER REFERENCES actor(id),
                    target_actor INTEGER REFERENCES actor(id),
                    date TEXT,
                    precision TEXT,
                    location_name TEXT,
                    location_kb TEXT,
                    lat REAL,
                    lon REAL,
                    report_count INTEGER NOT NULL DEFAULT 0,
                    fatalities INTEGER,
                    injured INTEGER,
                    contested INTEGER NOT NULL DEFAULT 0   -- reports disagree on whether it happened
                );
                CREATE INDEX fused_event_match ON fused_event(type, source_actor, target_actor);
                CREATE INDEX fused_event_date ON fused_event(date);

                CREATE TABLE report (
                    id INTEGER PRIMARY KEY,
                    fused_event INTEGER NOT NULL REFERENCES fused_event(id),
                    document TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    event TEXT NOT NULL,             -- the event's id in its document (V1 …)
                    type TEXT NOT NULL,
                    source_actor INTEGER REFERENCES actor(id),
                    target_actor INTEGER REFERENCES actor(id),
                    date TEXT,
                    modality TEXT NOT NULL,
                    speaker TEXT,
                    anonymous INTEGER NOT NULL DEFAULT 0,
                    verb TEXT,
                    confidence REAL NOT NULL,
                    trigger_text TEXT NOT NULL,
                    trigger_start INTEGER NOT NULL,
                    trigger_end INTEGER NOT NULL,
                    sentence_start INTEGER NOT NULL,
                    sentence_end INTEGER NOT NULL,
                    killed INTEGER,
                    injured INTEGER
                );
                CREATE INDEX report_document ON report(document);
                CREATE INDEX report_fused ON report(fused_event);

                CREATE TABLE document_actor (
                    document TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    actor INTEGER NOT NULL REFERENCES actor(id),
                    mentions INTEGER NOT NULL,
                    PRIMARY KEY (document, actor)
                );
                CREATE INDEX document_actor_actor ON document_actor(actor);
                """)
        }
        migrator.registerMigration("v2: indexes for actor pages and filters on large stores") { db in
            try db.execute(sql: """
                CREATE INDEX fused_event_source ON fused_event(source_actor, date);
                CREATE INDEX fused_event_target ON fused_event(target_actor, date);
                CREATE INDEX fused_event_type_date ON fused_event(type, date);
                CREATE INDEX fused_event_location ON fused_event(location_kb);
                CREATE INDEX report_modality ON report(modality, fused_event);
                CREATE INDEX actor_country ON actor(country);
                CREATE INDEX fused_event_fusion ON fused_event(type, source_actor, date);
                """)
        }
        migrator.registerMigration("v3: participants' countries and report modalities on fused events, for indexed filters") { db in
            try db.execute(sql: """
                ALTER TABLE fused_event ADD COLUMN source_country TEXT;
                ALTER TABLE fused_event ADD COLUMN target_country TEXT;
                ALTER TABLE fused_event ADD COLUMN modalities INTEGER NOT NULL DEFAULT 0;  -- bit per modality (Fusion.modalityBits)
                UPDATE fused_event SET
                    source_country = (SELECT country FROM actor WHERE id = fused_event.source_actor),
                    target_country = (SELECT country FROM actor WHERE id = fused_event.target_actor),
                    modalities = (SELECT coalesce(max(modality = 'asserted'), 0) * 1 + coalesce(max(modality = 'denied'), 0) * 2
                                       + coalesce(max(modality = 'planned'), 0) * 4 + coalesce(max(modality = 'hypothetical'), 0) * 8
                                       + coalesce(max(modality = 'demanded'), 0) * 16 FROM report WHERE fused_event = fused_event.id);
                CREATE INDEX fused_event_source_country ON fused_event(source_country, date);
                CREATE INDEX fused_event_target_country ON fused_event(target_country, date);
                """)
        }
        return migrator
    }
}
