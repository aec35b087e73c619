import ArabicText
import Testing
@testable import Knowledge

@Suite struct PhraseMatcherTests {
    @Test func findsTheLongestPhraseIgnoringTheArticleAndHamza() {
        var matcher = PhraseMatcher<String>()
        matcher.insert(phrase: "الأمم المتحدة", "un")
        matcher.insert(phrase: "الأمم", "nations")
        let words = ["قالت", "الامم", "المتحدة", "امس"].map { PhraseMatcher<String>.key($0) }
        let match = matcher.longestMatch(words, from: 1)
        #expect(match?.length == 2)
        #expect(match?.values == ["un"])
        #expect(matcher.longestMatch(words, from: 0) == nil)
    }

    @Test func listsNonOverlappingMatchesLeftToRight() {
        var matcher = PhraseMatcher<Int>()
        matcher.insert(phrase: "مجلس الأمن", 1)
        matcher.insert(phrase: "الأمن", 2)
        let words = ["مجلس", "الأمن", "و", "الأمن"].map { PhraseMatcher<Int>.key($0) }
        #expect(matcher.matches(words).map(\.range) == [0..<2, 3..<4])
    }

    @Test func shortWordsKeepTheirAlefLam() {
        #expect(PhraseMatcher<Int>.key("الله") != PhraseMatcher<Int>.key("له"))
        #expect(PhraseMatcher<Int>.key("القاهرة") == PhraseMatcher<Int>.key("قاهرة"))
    }
}

@Suite struct KnowledgeBaseLoadingTests {
    let countries = """
    # source: test fixture
    iso3\tiso2\tcameo\tname_en\tname_ar\tvariants_ar\tnisba_ar\tcapital_en\tcapital_ar\tcapital_variants_ar\tcapital_lat\tcapital_lon
    LBY\tLY\tLBY\tLibya\tليبيا\t\tليبي|ليبية|الليبي|الليبية\tTripoli\tطرابلس\t\t32.89\t13.19
    RUS\tRU\tRUS\tRussia\tروسيا\tروسيا الاتحادية\tروسي|الروسية\tMoscow\tموسكو\t\t55.75\t37.62

    """

    @Test func countriesBringNamesNisbasAndCapitals() throws {
        var kb = KnowledgeBase()
        kb.loadCountries(TSV.table(countries))
        let words = ["الرئاسة", "الروسية", "في", "موسكو"].map { PhraseMatcher<NameEntry>.key($0) }
        let nisba = try #require(kb.names.longestMatch(words, from: 1))
        #expect(nisba.values.first?.role == .nisba)
        #expect(kb.entities[nisba.values[0].entity].id == "country:RUS")
        let capital = try #require(kb.names.longestMatch(words, from: 3))
        #expect(capital.values.first?.role == .capital)
        let moscow = kb.entities[capital.values[0].entity]
        #expect(moscow.type == .city && moscow.country == "RUS")
        #expect(moscow.latitude == 55.75)
        let federation = ["روسيا", "الاتحادية"].map { PhraseMatcher<NameEntry>.key($0) }
        #expect(kb.names.longestMatch(federation, from: 0)?.length == 2)
    }

    @Test func aCapitalListedAsAPlaceIsOneEntity() throws {
        var kb = KnowledgeBase()
        kb.loadCountries(TSV.table("iso3\tname_ar\tcapital_ar\tcapital_en\tcapital_id\nLBY\tليبيا\tطرابلس\tTripoli\tgeonames:2210247\n"))
        kb.loadPlaces(TSV.table("id\tname_ar\tvariants_ar\tname_en\tcountry\tkind\tlat\tlon\ngeonames:2210247\tطرابلس\tطرابلس الغرب\tTripoli\tLBY\tcity\t32.89\t13.19\n"))
        let match = try #require(kb.names.longestMatch([PhraseMatcher<NameEntry>.key("طرابلس")], from: 0))
        #expect(match.values.count == 1)
        #expect(kb.entities[match.values[0].entity].id == "capital:LBY")
        let variant = try #require(kb.names.longestMatch(PhraseMatcher<NameEntry>.keys("طرابلس الغرب"), from: 0))
        #expect(kb.entities[variant.values[0].entity].id == "capital:LBY")
    }

    @Test func personsKnowTheirSurnames() throws {
        var kb = KnowledgeBase()
        kb.loadPersons(TSV.table("id\tname_ar\tvariants_ar\tname_en\tcountry\tcameo\np:1\tسالم الكبير\tالكبير\tSalem al-Kabir\tLBY\tLBYGOV\n"))
        let entry = try #require(kb.names.longestMatch([PhraseMatcher<NameEntry>.key("الكبير")], from: 0))
        #expect(entry.values.first?.role == .surname)
        #expect(kb.entity(id: "p:1")?.cameo == "LBYGOV")
    }

    @Test func agentsComposeByTerm() throws {
        var kb = KnowledgeBase()
        kb.loadAgents(TSV.table("term_ar\tvariants_ar\tagent\tentity_type\tnote\nوزير الدفاع\tوزيرة الدفاع\tMIL\tPERSON\t\n"))
        let words = ["وزيرة", "الدفاع"].map { PhraseMatcher<Agent>.key($0) }
        #expect(kb.agents.longestMatch(words, from: 0)?.values.first?.code == "MIL")
    }
}
