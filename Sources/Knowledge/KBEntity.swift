/// The kinds of real-world things Marsad's entities are (SCHEMA.md).
public enum EntityType: String, Sendable, Codable, CaseIterable {
    case person = "PERSON", country = "COUNTRY", government = "GOVERNMENT", military = "MILITARY"
    case armedGroup = "ARMED_GROUP", organization = "ORGANIZATION", igo = "IGO", city = "CITY"
    case region = "REGION", facility = "FACILITY", media = "MEDIA", other = "OTHER"
}

/// One entry of the knowledge base: a country, place, organization or person.
public struct KBEntity: Hashable, Sendable {
    public var id: String
    public var name: String
    public var nameEnglish: String?
    public var type: EntityType
    public var country: String?
    public var cameo: String?
    public var latitude: Double?
    public var longitude: Double?
    public var population: Int?

    public init(id: String, name: String, nameEnglish: String? = nil, type: EntityType, country: String? = nil,
                cameo: String? = nil, latitude: Double? = nil, longitude: Double? = nil, population: Int? = nil) {
        self.id = id
        self.name = name
        self.nameEnglish = nameEnglish
        self.type = type
        self.country = country
        self.cameo = cameo
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
    }
}

/// How a name in the text refers to a knowledge-base entity.
public enum NameRole: String, Sendable, Hashable {
    case name        // ليبيا، خليفة حفتر
    case nisba       // الليبي، مصرية: the country as an adjective
    case capital     // موسكو: the city, or its country's government in actor position
    case surname     // حفتر alone
}

/// A name the knowledge base knows: which entity and how the name refers to it.
public struct NameEntry: Hashable, Sendable {
    public var entity: Int
    public var role: NameRole
}

/// A role or group noun (وزير الدفاع، ميليشيات، مصادر) and the CAMEO agent code it adds to a
/// country to make an actor code: "وزير الدفاع الروسي" → RUS + MIL.
public struct Agent: Hashable, Sendable {
    public var term: String
    public var code: String
    public var entityType: String
}
