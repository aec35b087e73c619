import ArabicText
import Foundation

/// Marsad's gazetteer: countries (names, nisba adjectives, capitals), places with coordinates,
/// organizations, persons and agent nouns, loaded from the bundled tables and indexed for
/// longest-match lookup over clitic-segmented tokens.
public struct KnowledgeBase: Sendable {
    public private(set) var entities: [KBEntity] = []
    public private(set) var names = PhraseMatcher<NameEntry>()
    public private(set) var agents = PhraseMatcher<Agent>()
    /// Words that announce names (given names, titles, head words); see `Cue`.
    public internal(set) var cues = PhraseMatcher<Cue>()
    /// Titles and roles that stand for a known person once the person has been named
    /// (المشير، القائد العام للجيش الوطني الليبي → Khalifa Haftar): values are entity indexes.
    public private(set) var personReferences = PhraseMatcher<Int>()
    private var index: [String: Int] = [:]

    public init() {}

    /// The entity with a knowledge-base id.
    public func entity(id: String) -> KBEntity? { index[id].map { entities[$0] } }

    @discardableResult
    mutating func add(_ entity: KBEntity) -> Int {
        if let known = index[entity.id] { return known }
        entities.append(entity)
        index[entity.id] = entities.count - 1
        return entities.count - 1
    }

    /// Indexes a name of an entity once: the same name from two tables, or with and without the
    /// article, keeps its first role. Its spelling with prepositions split off later words is
    /// indexed too (`PhraseMatcher.keyVariants`).
    mutating func addName(_ phrase: some StringProtocol, _ entity: Int, _ role: NameRole) {
        let variants = PhraseMatcher<NameEntry>.keyVariants(phrase)
        guard !names.values(variants[0]).contains(where: { $0.entity == entity }) else { return }
        for keys in variants { names.insert(keys, NameEntry(entity: entity, role: role)) }
    }

    /// Loads every table present in the bundle (missing optional tables are skipped).
    public static func bundled() throws -> KnowledgeBase {
        var kb = KnowledgeBase()
        func table(_ name: String) -> TSVTable? {
            guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources")
                    ?? Bundle.module.url(forResource: name, withExtension: "tsv"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            return TSV.table(text)
        }
        if let countries = table("countries") { kb.loadCountries(countries) }
        for name in ["places", "places_libya"] { if let places = table(name) { kb.loadPlaces(places) } }
        if let organizations = table("organizations") { kb.loadOrganizations(organizations) }
        if let persons = table("persons") { kb.loadPersons(persons) }
        if let agents = table("agents") { kb.loadAgents(agents) }
        for cue in Cue.allCases {
            if let url = Bundle.module.url(forResource: cue.file, withExtension: "tsv", subdirectory: "Resources/lexicons"),
               let text = try? String(contentsOf: url, encoding: .utf8) {
                kb.loadCues(TSV.table(text), as: cue)
            }
        }
        guard !kb.entities.isEmpty else { throw ResourceError(name: "Knowledge", reason: "no knowledge-base table could be read") }
        return kb
    }

    public mutating func loadCountries(_ table: TSVTable) {
        for row in table.rows {
            guard let iso3 = table.value(row, "iso3"), let name = table.value(row, "name_ar") else { continue }
            let country = add(KBEntity(id: "country:\(iso3)", name: String(name), nameEnglish: table.value(row, "name_en").map(String.init),
                                       type: .country, country: String(iso3), cameo: table.value(row, "cameo").map(String.init) ?? String(iso3)))
            addName(name, country, .name)
            for variant in table.values(row, "variants_ar") { addName(variant, country, .name) }
            for nisba in table.values(row, "nisba_ar") { addName(nisba, country, .nisba) }
            guard let capital = table.value(row, "capital_ar") else { continue }
            let city = add(KBEntity(id: "capital:\(iso3)", name: String(capital), nameEnglish: table.value(row, "capital_en").map(String.init),
                                    type: .city, country: String(iso3),
                                    latitude: table.value(row, "capital_lat").flatMap { Double($0) },
                                    longitude: table.value(row, "capital_lon").flatMap { Double($0) }))
            addName(capital, city, .capital)
            for variant in table.values(row, "capital_variants_ar") { addName(variant, city, .capital) }
            // The capital's row in the places table is the same city.
            if let placeID = table.value(row, "capital_id") { index[String(placeID)] = city }
        }
    }

    public mutating func loadPlaces(_ table: TSVTable) {
        for row in table.rows {
            guard let id = table.value(row, "id"), let name = table.value(row, "name_ar") else { continue }
            let kind = table.value(row, "kind") ?? "city"
            let type: EntityType = switch kind {
            case "region", "admin", "district": .region
            case "facility", "port", "oilfield", "base", "airport": .facility
            default: .city
            }
            let place = add(KBEntity(id: String(id), name: String(name), nameEnglish: table.value(row, "name_en").map(String.init), type: type,
                                     country: table.value(row, "country").map(String.init),
                                     latitude: table.value(row, "lat").flatMap { Double($0) }, longitude: table.value(row, "lon").flatMap { Double($0) },
                                     population: table.value(row, "population").flatMap { Int($0) }))
            addName(name, place, .name)
            for variant in table.values(row, "variants_ar") { addName(variant, place, .name) }
        }
    }

    public mutating func loadOrganizations(_ table: TSVTable) {
        for row in table.rows {
            guard let id = table.value(row, "id"), let name = table.value(row, "name_ar") else { continue }
            let type = table.value(row, "type").flatMap { EntityType(rawValue: String($0)) } ?? .organization
            let organization = add(KBEntity(id: String(id), name: String(name), nameEnglish: table.value(row, "name_en").map(String.init), type: type,
                                            country: table.value(row, "country").map(String.init), cameo: table.value(row, "cameo").map(String.init)))
            addName(name, organization, .name)
            for variant in table.values(row, "variants_ar") { addName(variant, organization, .name) }
            for abbreviation in table.values(row, "abbrev") where abbreviation.unicodeScalars.contains(where: { ScalarClass.isArabicLetter($0.value) }) {
                addName(abbreviation, organization, .name)
            }
        }
    }

    public mutating func loadPersons(_ table: TSVTable) {
        for row in table.rows {
            guard let id = table.value(row, "id"), let name = table.value(row, "name_ar") else { continue }
            let person = add(KBEntity(id: String(id), name: String(name), nameEnglish: table.value(row, "name_en").map(String.init), type: .person,
                                      country: table.value(row, "country").map(String.init), cameo: table.value(row, "cameo").map(String.init)))
            addName(name, person, .name)
            for variant in table.values(row, "variants_ar") {
                addName(variant, person, variant.split(separator: " ").count == 1 && name.split(separator: " ").count > 1 ? .surname : .name)
            }
            for reference in table.values(row, "titles_ar") + table.values(row, "role_ar").filter({ !$0.contains("،") && !$0.contains("(") }) {
                personReferences.insert(phrase: reference, person)
            }
        }
    }

    public mutating func loadAgents(_ table: TSVTable) {
        for row in table.rows {
            guard let term = table.value(row, "term_ar"), let code = table.value(row, "agent") else { continue }
            let agent = Agent(term: String(term), code: String(code), entityType: table.value(row, "entity_type").map(String.init) ?? "")
            agents.insert(phrase: term, agent)
            for variant in table.values(row, "variants_ar") { agents.insert(phrase: variant, agent) }
        }
    }
}
