import ArabicText
import Knowledge
import Testing
@testable import Extraction

@Suite struct DocumentExtractorTests {
    static let extractor = Result { try DocumentExtractor.bundled() }

    func extract(_ text: String, published: String? = "2020-02-20") throws -> DocumentResult {
        let article = Article(text: text, id: "test", source: "test", published: published.flatMap(CalendarDate.init(iso:)))
        return try Self.extractor.get().extract(article)
    }

    /// The knowledge-base id of an event participant.
    func kb(_ reference: EntityReference?, _ result: DocumentResult) -> String? {
        reference.flatMap { r in result.entities.first { $0.id == r.entity }?.kb }
    }

    func events(_ result: DocumentResult, _ type: PloverType) -> [Event] { result.events.filter { $0.type == type } }

    @Test func aVisitIsCodedVisitorToHostAndBackWithPlaceAndDate() throws {
        let result = try extract("وصل وزير الخارجية التركي مولود تشاووش أوغلو إلى موسكو أمس الأربعاء في زيارة رسمية.\nوزار وزير الخارجية الروسي سيرغي لافروف القاهرة أمس الأربعاء.")
        let visits = events(result, .consult)
        let visit = try #require(visits.first { $0.cameo == "042" && kb($0.target, result) == "country:EGY" })
        #expect(kb(visit.location, result) == "capital:EGY")
        #expect(visit.date?.value == "2020-02-19")
        #expect(visit.modality == .asserted)
        #expect(visits.contains { $0.cameo == "042" && kb($0.source, result) == "per:sergey-lavrov" && kb($0.target, result) == "country:EGY" })
        // A capital visited names no host: no 043 unless a person or body receives the visitor.
        #expect(!visits.contains { $0.cameo == "043" })
    }

    @Test func coordinatedActorsGiveOneEventEach() throws {
        let result = try extract("ودعت الجزائر وتونس إلى وقف القتال فورا.")
        let requests = events(result, .request)
        #expect(Set(requests.compactMap { kb($0.source, result) }) == ["country:DZA", "country:TUN"])
        #expect(requests.allSatisfy { $0.target == nil })
    }

    @Test func aMeetingIsCodedBothWays() throws {
        let result = try extract("التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس المصري عبد الفتاح السيسي في باريس.")
        let meetings = events(result, .consult)
        let pairs = Set(meetings.map { "\(kb($0.source, result) ?? "-")>\(kb($0.target, result) ?? "-")" })
        #expect(pairs.count == 2)
        #expect(meetings.allSatisfy { $0.source != nil && $0.target != nil })
    }

    @Test func speculationYieldsNoEvent() throws {
        let result = try extract("ويتوقع محللون أن تشن تركيا هجوما على المدينة خلال أيام.")
        #expect(events(result, .assault).isEmpty)
    }

    @Test func aFutureVerbIsPlanned() throws {
        let result = try extract("وسيزور رئيس الوزراء الإيطالي روما الأسبوع المقبل.")
        let visit = try #require(events(result, .consult).first)
        #expect(visit.modality == .planned)
    }

    @Test func aDeniedStrikeKeepsItsDenierAsAttribution() throws {
        let result = try extract("ونفت وزارة الدفاع الروسية أن تكون طائراتها قد قصفت مدينة إدلب.")
        let strike = try #require(events(result, .assault).first)
        #expect(strike.modality == .denied)
        #expect(strike.attribution?.anonymous == false)
        #expect(strike.attribution?.verb == "نفت")
        #expect(strike.attribution?.speaker != nil)
    }

    @Test func anUnnamedSourceIsAnonymousAttributionNotAnActor() throws {
        let result = try extract("وقال مصدر عسكري ليبي إن قوات حفتر قصفت مطار معيتيقة فجر اليوم.")
        let strike = try #require(events(result, .assault).first)
        #expect(kb(strike.source, result) == "org:lna")
        let attribution = try #require(strike.attribution)
        #expect(attribution.anonymous)
        #expect(result.text.text(try #require(attribution.speaker).span).hasPrefix("مصدر عسكري"))
        #expect(strike.date?.value == "2020-02-20")
    }

    @Test func casualtiesAreQuantitiesOfTheAssault() throws {
        let result = try extract("وشنت طائرات تابعة لقوات حفتر غارات على مدينة غريان، ما أدى إلى مقتل 4 مدنيين وإصابة أكثر من 20 آخرين.")
        let strike = try #require(events(result, .assault).first)
        #expect(kb(strike.source, result) == "org:lna")
        let killed = try #require(strike.quantities.first { $0.kind == .killed })
        #expect(killed.value == 4)
        let injured = try #require(result.quantities.first { $0.kind == .injured })
        #expect(injured.value == 20)
        #expect(injured.approximate)
        #expect(result.events.filter { $0.type == .assault }.count == 1)
    }

    @Test func boilerplateLinesYieldNoEvents() throws {
        let result = try extract("اترك رد: هاجمت القوات المدينة\n+ الخط -\nشارك فيسبوك تويتر")
        #expect(result.events.isEmpty)
    }

    @Test func theDatelineGivesThePublicationDate() throws {
        let result = try extract("بنغازي - 3 مارس 2020\nوصل المبعوث الأممي إلى بنغازي أمس.", published: nil)
        #expect(result.document.published?.iso == "2020-03-03")
        #expect(result.dates.contains { $0.value == "2020-03-02" })
    }

    @Test func theCreditedOutletIsFound() throws {
        let result = try extract("وقال مسؤول في الحكومة لـ\"الشرق الأوسط\" إن المفاوضات توقفت.")
        #expect(result.document.outlet == "الشرق الأوسط")
    }

    @Test func aQuoteKeepsItsSpeaker() throws {
        let result = try extract("وقال فائز السراج: «لن نقبل بأي حوار قبل انسحاب القوات المعتدية».")
        let quote = try #require(result.quotes.first)
        #expect(result.text.text(quote.span).hasPrefix("لن نقبل"))
        let speaker = try #require(quote.speaker)
        #expect(result.entities.first { $0.id == speaker.entity }?.kb == "per:fayez-sarraj")
    }

    @Test func contradictingClaimsAreLinked() throws {
        let result = try extract("وقالت حكومة الوفاق إن قوات حفتر قصفت مستشفى الخضراء في طرابلس.\nونفى أحمد المسماري أن تكون قوات الجيش قد قصفت مستشفى في طرابلس.")
        let linked = result.claims.filter { !$0.conflictsWith.isEmpty }
        #expect(linked.count == 2)
    }

    @Test func anUnnamedDirectObjectIsTheTargetByItsWords() throws {
        let result = try extract("وطالب وزير الخارجية الجزائري جميع الأطراف الليبية بوقف القتال فورا.\nودعا الرئيس التونسي التونسيين إلى الهدوء.")
        let requests = events(result, .request)
        let allParties = try #require(requests.first { $0.target.map { result.text.text($0.span) } == "جميع الأطراف الليبية" })
        #expect(allParties.target?.entity == nil)
        #expect(allParties.source.map { result.text.text($0.span) } == "وزير الخارجية الجزائري")
        // A plural nisba alone is the people, not the state.
        let people = try #require(requests.first { $0.target.map { result.text.text($0.span) } == "التونسيين" })
        #expect(people.target?.entity == nil)
    }

    @Test func noUnnamedObjectWithoutASubjectOrWithAPronounObject() throws {
        let result = try extract("وطالب المشايخ الحكومة بالتدخل.\nوحثهم وزير الداخلية المصري على الحوار.")
        // "المشايخ" right after the verb is its unnamed subject, not an object.
        #expect(!result.events.contains { $0.target.map { result.text.text($0.span) } == "المشايخ" })
        // حثهم carries its object: nothing after the subject is taken for it.
        #expect(!result.events.contains { $0.target.map { result.text.text($0.span).hasPrefix("الحوار") } == true })
    }

    @Test func aUnitOfAForceActsForIt() throws {
        let result = try extract("منعت وحدات من الجيش المصري الصحفيين من دخول المدينة.")
        let coerce = try #require(events(result, .coerce).first)
        #expect(coerce.source.map { result.text.text($0.span) } == "الجيش المصري")
        #expect(coerce.target.map { result.text.text($0.span) } == "الصحفيين")
    }

    @Test func aSigningCueMayStandBeyondLongNamesAndADate() throws {
        let result = try extract("وقع الرئيس الجزائري عبد المجيد تبون والرئيس التونسي قيس سعيد، مساء أمس الأربعاء، \"إعلان قرطاج\" للتعاون بين البلدين.")
        let agreements = events(result, .agree)
        #expect(agreements.count == 2)
        #expect(Set(agreements.compactMap { kb($0.source, result) }).count == 2)
        // Without a cue وقع is "happened": no event.
        #expect(try extract("وقع انفجار قوي في وسط المدينة مساء أمس.").events.allSatisfy { $0.type != .agree })
    }

    @Test func battlesAfterBaadAreTheClauseSubjectsWithTheUnitsOwner() throws {
        let result = try extract("وسيطرت قوات الجيش السوري مساء أمس على بلدتين في ريف إدلب بعد معارك عنيفة مع مقاتلي هيئة تحرير الشام.")
        let battles = events(result, .assault).filter { result.text.text($0.trigger).hasPrefix("معارك") }
        #expect(Set(battles.compactMap { kb($0.target, result) }) == ["org:hts"])
        #expect(battles.count == 2)  // both ways
    }

    @Test func aRelativeClausesSubjectIsTheNounBeforeIt() throws {
        let result = try extract("وأكد ذلك الاتحاد العام التونسي للشغل، الذي طالب بالإفراج عن الموقوفين فورا.")
        let request = try #require(events(result, .request).first)
        #expect(kb(request.source, result) == "org:ugtt")
    }

    @Test func aMeetingNounWithAPronounIsTheAntecedentsMeetingWithTheNameAfterIt() throws {
        let result = try extract("وصل المشير خليفة حفتر إلى موسكو أمس.\nوبعد لقائه السفير الأمريكي، عاد حفتر إلى بنغازي.")
        let meetings = events(result, .consult).filter { result.text.text($0.trigger) == "لقائه" }
        // لقائه is one word (لقاء + ه), not ل + قائه; the pronoun is Haftar, the ambassador the other party.
        #expect(meetings.contains { kb($0.source, result) == "per:khalifa-haftar" && $0.target.map { result.text.text($0.span) } == "السفير الأمريكي" })
        #expect(meetings.count == 2)  // a meeting is coded both ways
    }

    @Test func aRoleOfOneCountryAndAPersonOfAnotherAreTwoParties() throws {
        let result = try extract("وزار وزير الخارجية التركي الرئيس الجزائري عبد المجيد تبون أمس.")
        let visit = try #require(events(result, .consult).first { $0.cameo == "042" })
        #expect(visit.source.map { result.text.text($0.span) } == "وزير الخارجية التركي")
        #expect(kb(visit.target, result) == "per:abdelmadjid-tebboune")
        // The person visited receives the visitor.
        #expect(events(result, .consult).contains { $0.cameo == "043" && kb($0.source, result) == "per:abdelmadjid-tebboune" })
    }

    @Test func aCityVisitedNamesNoHostAndDawnIsNoExplosion() throws {
        let result = try extract("ووصل وزير الخارجية التركي إلى طرابلس فجر اليوم الخميس.")
        #expect(events(result, .consult).contains { $0.cameo == "042" })
        #expect(!events(result, .consult).contains { $0.cameo == "043" })
        #expect(events(result, .assault).isEmpty)
        // التحالف with the article is the coalition, not the verb "allied".
        #expect(try extract("وأعلن التحالف أمس أن الوضع هادئ.").events.allSatisfy { $0.type != .cooperate })
    }

    @Test func aNamedSpokesmanIsTheSourceAndTheBodyUnnamedOne() throws {
        let named = try extract("واتهم المتحدث باسم القيادة العامة اللواء أحمد المسماري تنظيم داعش بتنفيذ الهجوم.")
        let accusation = try #require(events(named, .accuse).first)
        #expect(kb(accusation.source, named) == "per:ahmed-mismari")
        #expect(kb(accusation.target, named) != "per:ahmed-mismari")
    }

    @Test func anUnnamedTargetAfterItsPrepositionIsKeptByItsWords() throws {
        let result = try extract("وفرض الاتحاد الأوروبي أمس عقوبات على ثلاث شركات لنقل الأسلحة.")
        let sanction = try #require(events(result, .sanction).first)
        #expect(kb(sanction.source, result) == "org:eu")
        #expect(sanction.target.map { result.text.text($0.span) } == "ثلاث شركات")
        #expect(sanction.target?.entity == nil)
    }

    @Test func bothOfListsTheTargetsAndAPlaceAfterWastIsNoActor() throws {
        let result = try extract("ودعت واشنطن كلا من أنقرة وموسكو إلى وقف إرسال الأسلحة.")
        #expect(Set(events(result, .request).compactMap { kb($0.target, result) }) == ["country:TUR", "country:RUS"])
        let aid = try extract("وأرسلت روسيا مقاتلات إلى قاعدة الجفرة وسط ليبيا لدعم قوات حفتر.")
        #expect(!aid.events.contains { kb($0.source, aid) == "country:LBY" })
    }

    @Test func aSummitNamedAfterACityMetThereAndTheCityIsNoParty() throws {
        let result = try extract("وشارك الرئيس الفرنسي إيمانويل ماكرون في قمة برلين أمس.")
        #expect(!result.events.contains { kb($0.source, result) == "country:DEU" || kb($0.target, result) == "country:DEU" })
    }

    @Test func oneWordGroupNamesAndNamesWithASplitPrepositionAreKnown() throws {
        let result = try extract("ودانت مصر والأردن الهجوم الحوثي على المنشآت النفطية.\nوأعلن التحالف بقيادة السعودية أنه رد على الهجوم.")
        #expect(Set(events(result, .accuse).compactMap { kb($0.target, result) }) == ["org:houthis"])
        #expect(result.entities.contains { $0.kb == "org:arab-coalition" })
    }
}
