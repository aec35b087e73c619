import ArabicText
import Knowledge
import Testing
@testable import Extraction

@Suite struct EntityRecognizerTests {
    static let recognizer = Result { () throws -> EntityRecognizer in
        var knowledge = KnowledgeBase()
        knowledge.loadCountries(TSV.table("""
        iso3\tiso2\tcameo\tname_en\tname_ar\tvariants_ar\tnisba_ar\tcapital_en\tcapital_ar\tcapital_variants_ar\tcapital_lat\tcapital_lon
        LBY\tLY\tLBY\tLibya\tليبيا\t\tليبي|ليبية|الليبي|الليبية\tTripoli\tطرابلس\t\t32.89\t13.19
        RUS\tRU\tRUS\tRussia\tروسيا\t\tروسي|روسية|الروسي|الروسية\tMoscow\tموسكو\t\t55.75\t37.62

        """))
        knowledge.loadPersons(TSV.table("""
        id\tname_ar\tvariants_ar\tname_en\tcountry\trole_ar\tcameo\ttitles_ar
        person:test\tسالم بو زيد\tبو زيد\tSalem Bou Zaid\tLBY\tرئيس مجلس الحكماء\tLBYGOV\tالشيخ|المستشار

        """))
        knowledge.loadAgents(TSV.table("""
        term_ar\tvariants_ar\tagent\tentity_type\tnote
        وزير الدفاع\tوزيرة الدفاع\tMIL\tPERSON\t
        الحكومة\tحكومة\tGOV\tGOVERNMENT\t
        مصادر\tمصدر\tSOURCE\tSOURCE\t

        """))
        let segmenter = try CliticSegmenter.bundled()
        return EntityRecognizer(tagger: try NERTagger.bundled(segmenter: segmenter, knowledge: knowledge), knowledge: knowledge,
                                segmenter: segmenter, splitter: try SentenceSplitter.bundled())
    }

    func entities(_ string: String) throws -> (ScalarText, [DocumentEntity]) {
        let text = ScalarText(string)
        return (text, try Self.recognizer.get().entities(text))
    }

    @Test func aNisbaAdjectiveIsItsCountry() throws {
        let (text, found) = try entities("أعلنت الخارجية الروسية دعمها للحوار.")
        let russia = try #require(found.first { $0.kb == "country:RUS" })
        #expect(russia.type == .country)
        #expect(russia.cameo == "RUS")
        #expect(russia.mentions.map { text.text($0) } == ["الروسية"])
    }

    @Test func aCapitalIsLinkedWithItsCoordinatesAndCliticsStayOutside() throws {
        let (text, found) = try entities("وصل الوفد لطرابلس صباح اليوم.")
        let tripoli = try #require(found.first { $0.kb == "capital:LBY" })
        #expect(tripoli.latitude == 32.89)
        #expect(tripoli.mentions.map { text.text($0) } == ["طرابلس"])
    }

    @Test func aSurnameAfterTheFullNameIsTheSamePerson() throws {
        let (text, found) = try entities("التقى سالم بو زيد الوفد. وقال بو زيد إن اللقاء كان مثمرا.")
        let person = try #require(found.first { $0.kb == "person:test" })
        #expect(person.mentions.map { text.text($0) } == ["سالم بو زيد", "بو زيد"])
        #expect(found.filter { $0.kb == "person:test" }.count == 1)
    }

    @Test func aTitleAfterTheNamedPersonIsThatPerson() throws {
        let (text, found) = try entities("استقبل سالم بو زيد الوفد أمس. وأكد المستشار أن رئيس مجلس الحكماء سيزور المدينة.")
        let person = try #require(found.first { $0.kb == "person:test" })
        #expect(person.mentions.map { text.text($0) } == ["سالم بو زيد", "المستشار", "رئيس مجلس الحكماء"])
    }

    @Test func aTitleWithoutTheNamedPersonStaysUnlinked() throws {
        let (_, found) = try entities("وأكد المستشار أن الوفد سيزور المدينة.")
        #expect(!found.contains { $0.kb == "person:test" })
    }

    @Test func aRoleWithANisbaIsAnActorOfThatCountry() throws {
        let (text, found) = try entities("وصل وزير الدفاع الروسي إلى طرابلس، ورحبت الحكومة الليبية بالزيارة.")
        let minister = try #require(found.first { $0.cameo == "RUSMIL" })
        #expect(minister.type == .person)
        #expect(minister.country == "RUS")
        #expect(minister.mentions.map { text.text($0) } == ["وزير الدفاع الروسي"])
        let government = try #require(found.first { $0.cameo == "LBYGOV" })
        #expect(government.type == .government)
        #expect(found.contains { $0.kb == "country:RUS" })
    }

    @Test func sourcesAreNotActors() throws {
        let (_, found) = try entities("وقالت مصادر ليبية إن الوفد غادر.")
        #expect(!found.contains { $0.cameo == "LBYSOURCE" })
        #expect(found.contains { $0.kb == "country:LBY" })
    }

    @Test func entityIdsAreNumberedInOrderOfFirstMention() throws {
        let (_, found) = try entities("زار وفد ليبي موسكو ثم عاد إلى طرابلس.")
        #expect(found.map(\.id) == (1...found.count).map { "E\($0)" })
        #expect(found.contains { $0.kb == "country:LBY" })
        #expect(found.contains { $0.kb == "capital:RUS" })
    }
}
