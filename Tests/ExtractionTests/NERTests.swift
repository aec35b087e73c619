import ArabicText
import Knowledge
import Testing
@testable import Extraction

@Suite struct BIOTagTests {
    @Test func parsesAndPrintsTheANERcorpTagSet() {
        for name in ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"] {
            #expect(BIOTag(name)?.description == name)
        }
        #expect(BIOTag("B-PER") == nil)
        #expect(BIOTag("X-LOC") == nil)
        #expect(Set(BIOTag.all.map(\.index)) == Set(0..<9))
    }

    @Test func insideOnlyFollowsItsOwnClass() {
        #expect(BIOTag.inside(.person).canFollow(.begin(.person)))
        #expect(BIOTag.inside(.person).canFollow(.inside(.person)))
        #expect(!BIOTag.inside(.person).canFollow(.begin(.location)))
        #expect(!BIOTag.inside(.person).canFollow(nil))
        #expect(BIOTag.begin(.organization).canFollow(.outside))
    }

    @Test func readsTwoColumnCoNLLAndReportsBadLines() throws {
        let sentences = try TaggedSentence.parseCoNLL("زار\tO\nجنيف\tB-LOC\n\nقال\tO\n", requireTags: true)
        #expect(sentences.count == 2)
        #expect(sentences[0].tags == [.outside, .begin(.location)])
        #expect(throws: TaggedCoNLLError.self) { try TaggedSentence.parseCoNLL("زار\tB-XYZ\n", requireTags: true) }
        #expect(try TaggedSentence.parseCoNLL("زار\nجنيف\n", requireTags: false)[0].tokens == ["زار", "جنيف"])
    }
}

@Suite struct EntityScorerTests {
    @Test func countsExactSpanAndClassMatches() {
        let gold: [[BIOTag]] = [[.begin(.person), .inside(.person), .outside, .begin(.location)]]
        let system: [[BIOTag]] = [[.begin(.person), .outside, .outside, .begin(.location)]]
        let (overall, perClass) = EntityScorer.score(gold: gold, system: system)
        #expect(overall == PRF(gold: 2, system: 2, correct: 1))
        #expect(perClass[.location]?.f1 == 1)
        #expect(perClass[.person]?.correct == 0)
    }

    @Test func aStrayInsideTagStartsAnEntity() {
        let entities = EntityScorer.entities([.outside, .inside(.organization), .inside(.organization), .begin(.location)])
        #expect(entities.count == 2)
        #expect(entities[0].0 == .organization && entities[0].1 == 1 && entities[0].2 == 2)
    }
}

@Suite struct NERTaggerTests {
    static let tagger = Result { try NERTagger.bundled(segmenter: try CliticSegmenter.bundled(), knowledge: try KnowledgeBase.bundled()) }

    @Test func tagsAWellKnownCapitalAsALocation() throws {
        let tags = try Self.tagger.get().tag(["وصل", "الوفد", "إلى", "القاهرة", "مساء", "أمس", "."])
        #expect(tags[3] == .begin(.location))
        #expect(tags[0] == .outside)
    }

    @Test func decodingNeverProducesAnOrphanInsideTag() throws {
        let tagger = try Self.tagger.get()
        let tags = tagger.tag(["قال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "إن", "باريس", "تدعم", "الحل", "."])
        for (i, tag) in tags.enumerated() {
            #expect(tag.canFollow(i == 0 ? nil : tags[i - 1]))
        }
    }

    @Test func emptySentenceHasNoTags() throws {
        #expect(try Self.tagger.get().tag([]).isEmpty)
    }
}

@Suite struct DocumentPropagationTests {
    @Test func aNameTaggedOnceIsTaggedWhereverItRepeats() throws {
        let tagger = try NERTaggerTests.tagger.get()
        let sentences = [["افتتح", "مصرف", "الواحة", "فرعا"], ["وزار", "مصرف", "الواحة", "الوفد"]]
        let views = sentences.map { tagger.extractor.views($0) }
        var tags: [[BIOTag]] = [[.outside, .begin(.organization), .inside(.organization), .outside], [.outside, .outside, .outside, .outside]]
        tagger.propagate(views, &tags)
        #expect(tags[1] == [.outside, .begin(.organization), .inside(.organization), .outside])
    }

    @Test func commonSingleWordsDoNotSpread() throws {
        let tagger = try NERTaggerTests.tagger.get()
        let sentences = [["قال", "المتحدث"], ["ثم", "قال", "الوزير"]]
        let views = sentences.map { tagger.extractor.views($0) }
        var tags: [[BIOTag]] = [[.begin(.person), .outside], [.outside, .outside, .outside]]
        tagger.propagate(views, &tags)
        #expect(tags[1] == [.outside, .outside, .outside])
    }
}
