/// A page of results and how many there are in all.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    /// How many items match, counted up to `MarsadStore.countCap`.
    public var total: Int
    public var limit: Int
    public var offset: Int
    /// More items match than `total` says (the count stopped at the cap).
    public var totalIsLowerBound: Bool = false

    public init(items: [Item], total: Int, limit: Int, offset: Int, totalIsLowerBound: Bool = false) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
        self.totalIsLowerBound = totalIsLowerBound
    }

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

    public init(id: String, source: String, outlet: String?, published: String?, title: String?, length: Int, events: Int) {
        self.id = id
        self.source = source
        self.outlet = outlet
        self.published = published
        self.title = title
        self.length = length
        self.events = events
    }
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

    public init(id: Int64, name: String, nameEn: String?, type: String, country: String?, cameo: String?, kb: String?, events: Int?, documents: Int?) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.type = type
        self.country = country
        self.cameo = cameo
        self.kb = kb
        self.events = events
        self.documents = documents
    }

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

    public init(name: String, kb: String?, lat: Double?, lon: Double?) {
        self.name = name
        self.kb = kb
        self.lat = lat
        self.lon = lon
    }
}

/// Offsets of a piece of evidence in a document.
public struct EvidenceRecord: Codable, Sendable, Equatable {
    public var text: String?
    public var start: Int
    public var end: Int

    public init(text: String?, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
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

    public init(document: String, source: String, outlet: String?, published: String?, event: String, date: String?, modality: String, speaker: String?, anonymous: Bool, verb: String?, confidence: Double, trigger: EvidenceRecord, sentence: EvidenceRecord, killed: Int?, injured: Int?) {
        self.document = document
        self.source = source
        self.outlet = outlet
        self.published = published
        self.event = event
        self.date = date
        self.modality = modality
        self.speaker = speaker
        self.anonymous = anonymous
        self.verb = verb
        self.confidence = confidence
        self.trigger = trigger
        self.sentence = sentence
        self.killed = killed
        self.injured = injured
    }
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

    public init(id: Int64, type: String, mode: String?, cameo: String?, date: String?, precision: String?, source: ActorRecord?, target: ActorRecord?, location: PlaceRecord?, reportCount: Int, fatalities: Int?, injured: Int?, contested: Bool, reports: [ReportRecord]) {
        self.id = id
        self.type = type
        self.mode = mode
        self.cameo = cameo
        self.date = date
        self.precision = precision
        self.source = source
        self.target = target
        self.location = location
        self.reportCount = reportCount
        self.fatalities = fatalities
        self.injured = injured
        self.contested = contested
        self.reports = reports
    }

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

    public init(actor: ActorRecord, events: [FusedEventRecord], partners: [Partner]) {
        self.actor = actor
        self.events = events
        self.partners = partners
    }

    public struct Partner: Codable, Sendable, Equatable {
        public var actor: ActorRecord
        public var events: Int

        public init(actor: ActorRecord, events: Int) {
            self.actor = actor
            self.events = events
        }
    }
}

/// The actor network: actors and the events between them, weighted by count, per event type.
public struct NetworkGraph: Codable, Sendable {
    public var nodes: [ActorRecord]
    public var edges: [Edge]

    public init(nodes: [ActorRecord], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }

    public struct Edge: Codable, Sendable, Equatable {
        public var source: Int64
        public var target: Int64
        public var type: String
        public var weight: Int

        public init(source: Int64, target: Int64, type: String, weight: Int) {
            self.source = source
            self.target = target
            self.type = type
            self.weight = weight
        }
    }
}

/// Events per day and type.
public struct TimelineBucket: Codable, Sendable, Equatable {
    public var date: String
    public var type: String
    public var count: Int

    public init(date: String, type: String, count: Int) {
        self.date = date
        self.type = type
        self.count = count
    }
}

/// A stored document with its text and its full extraction (marsad.document/1 JSON).
public struct StoredDocument: Sendable {
    public var summary: DocumentSummary
    public var text: String
    /// The marsad.document/1 JSON of the extraction.
    public var result: String

    public init(summary: DocumentSummary, text: String, result: String) {
        self.summary = summary
        self.text = text
        self.result = result
    }
}
