/// A page of results and how many there are in all.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    /// How many items match, counted up to `MarsadStore.countCap`.
    public var total: Int
    public var limit: Int
    public var offset: Int
    /// More items match than `total` says (the count stopped at the cap).
    public var totalIsLowerBound: Bool = false

    enum CodingKeys: String, CodingKey {
        case items, total, limit, offset
        case totalIsLowerBound = "total_is_lower_bound"
    }
}

/// A stored document without its text.
public struct DocumentSummary: Codable, Sendable, Equatable {
    public var id: String
    public var source: String
    public var outlet: String?
    public var published: String?
    public var title: String?
    public var length: Int
    public var events: Int
}

/// A participant of a fused event, or a node of the network.
public struct ActorRecord: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var nameEn: String?
    public var type: String
    public var country: String?
    public var cameo: String?
    public var kb: String?
    /// Fused events it takes part in (in actor lists and pages; nil where the actor is a participant of an event).
    public var events: Int?
    /// Documents that mention it (as `events`).
    public var documents: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, type, country, cameo, kb, events, documents
        case nameEn = "name_en"
    }
}

/// Where a fused event happened.
public struct PlaceRecord: Codable, Sendable, Equatable {
    public var name: String
    public var kb: String?
    public var lat: Double?
    public var lon: Double?
}

/// Offsets of a piece of evidence in a document.
public struct EvidenceRecord: Codable, Sendable, Equatable {
    public var text: String?
    public var start: Int
    public var end: Int
}

/// One article's report of a fused event, with its own attribution and modality.
public struct ReportRecord: Codable, Sendable, Equatable {
    public var document: String
    public var source: String
    public var outlet: String?
    public var published: String?
    public var event: String
    public var date: String?
    public var modality: String
    public var speaker: String?
    public var anonymous: Bool
    public var verb: String?
    public var confidence: Double
    public var trigger: EvidenceRecord
    public var sentence: EvidenceRecord
    public var killed: Int?
    public var injured: Int?
}

/// An event as all its reports together tell it.
public struct FusedEventRecord: Codable, Sendable, Equatable {
    public var id: Int64
    public var type: String
    public var mode: String?
    public var cameo: String?
    public var date: String?
    public var precision: String?
    public var source: ActorRecord?
    public var target: ActorRecord?
    public var location: PlaceRecord?
    public var reportCount: Int
    public var fatalities: Int?
    public var injured: Int?
    /// Some reports deny what others assert.
    public var contested: Bool
    public var reports: [ReportRecord]

    enum CodingKeys: String, CodingKey {
        case id, type, mode, cameo, date, precision, source, target, location, fatalities, injured, contested, reports
        case reportCount = "report_count"
    }
}

/// Filters of the event list; nil means any.
public struct EventFilter: Sendable, Equatable {
    public var type: String?
    public var actor: Int64?
    public var country: String?
    public var from: String?
    public var to: String?
    public var place: String?
    public var modality: String?
    public var limit = 50
    public var offset = 0

    public init(type: String? = nil, actor: Int64? = nil, country: String? = nil, from: String? = nil, to: String? = nil,
                place: String? = nil, modality: String? = nil, limit: Int = 50, offset: Int = 0) {
        self.type = type
        self.actor = actor
        self.country = country
        self.from = from
        self.to = to
        self.place = place
        self.modality = modality
        self.limit = limit
        self.offset = offset
    }
}

/// Filters of the document list.
public struct DocumentFilter: Sendable, Equatable {
    public var query: String?
    public var from: String?
    public var to: String?
    public var outlet: String?
    public var limit = 50
    public var offset = 0

    public init(query: String? = nil, from: String? = nil, to: String? = nil, outlet: String? = nil, limit: Int = 50, offset: Int = 0) {
        self.query = query
        self.from = from
        self.to = to
        self.outlet = outlet
        self.limit = limit
        self.offset = offset
    }
}

/// An actor with the events it takes part in and the actors it acts with.
public struct ActorDetail: Codable, Sendable {
    public var actor: ActorRecord
    public var events: [FusedEventRecord]
    public var partners: [Partner]

    public struct Partner: Codable, Sendable, Equatable {
        public var actor: ActorRecord
        public var events: Int
    }
}

/// The actor network: actors and the events between them, weighted by count, per event type.
public struct NetworkGraph: Codable, Sendable {
    public var nodes: [ActorRecord]
    public var edges: [Edge]

    public struct Edge: Codable, Sendable, Equatable {
        public var source: Int64
        public var target: Int64
        public var type: String
        public var weight: Int
    }
}

/// Events per day and type.
public struct TimelineBucket: Codable, Sendable, Equatable {
    public var date: String
    public var type: String
    public var count: Int
}

/// A stored document with its text and its full extraction (marsad.document/1 JSON).
public struct StoredDocument: Sendable {
    public var summary: DocumentSummary
    public var text: String
    /// The marsad.document/1 JSON of the extraction.
    public var result: String
}
