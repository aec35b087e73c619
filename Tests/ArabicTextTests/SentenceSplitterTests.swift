import Testing
@testable import ArabicText

@Suite struct SentenceSplitterTests {
    func sentences(_ string: String) throws -> [String] {
        let text = ScalarText(string)
        return try SentenceSplitter.bundled().split(text).map { text.text($0.span) }
    }

    @Test func splitsOnArabicAndLatinSentenceMarks() throws {
        #expect(try sentences("وصل الوفد إلى القاهرة. هل يلتقي الرئيس؟ لا أحد يعلم! انتهى؛ ثم عاد")
                == ["وصل الوفد إلى القاهرة.", "هل يلتقي الرئيس؟", "لا أحد يعلم!", "انتهى؛", "ثم عاد"])
    }

    @Test func doesNotSplitDecimalsOrAbbreviations() throws {
        #expect(try sentences("ارتفع المؤشر 3.5 بالمئة. وقال د. سالم إن ذلك متوقع.")
                == ["ارتفع المؤشر 3.5 بالمئة.", "وقال د. سالم إن ذلك متوقع."])
    }

    @Test func doesNotSplitInsideQuotes() throws {
        #expect(try sentences("وقال الناطق: «لن ننسحب. سنبقى هنا». ثم غادر القاعة.")
                == ["وقال الناطق: «لن ننسحب. سنبقى هنا».", "ثم غادر القاعة."])
    }

    @Test func keepsClosingQuoteWithTheSentence() throws {
        #expect(try sentences("قال: «انتهى الأمر.» وغادر.") == ["قال: «انتهى الأمر.» وغادر."])
        #expect(try sentences("سألنا «هل انتهى؟» ثم صمت") == ["سألنا «هل انتهى؟» ثم صمت"])
    }

    @Test func everyLineIsItsOwnSentence() throws {
        let headline = "اشتباكات جديدة جنوب العاصمة\nصورة أرشيفية لمقاتلين قرب المطار\nتجددت المواجهات صباح اليوم."
        #expect(try sentences(headline) == ["اشتباكات جديدة جنوب العاصمة", "صورة أرشيفية لمقاتلين قرب المطار", "تجددت المواجهات صباح اليوم."])
    }

    @Test func splitsADatelineThatOpensAParagraph() throws {
        #expect(try sentences("بنغازي - أعلنت القيادة العامة وقف إطلاق النار مساء أمس.")
                == ["بنغازي -", "أعلنت القيادة العامة وقف إطلاق النار مساء أمس."])
        #expect(try sentences("القاهرة (وكالات) - التقى الوزير نظيره الفرنسي في العاصمة.")
                == ["القاهرة (وكالات) -", "التقى الوزير نظيره الفرنسي في العاصمة."])
    }

    @Test func anEllipsisEndsASentence() throws {
        #expect(try sentences("انتظر الجميع... ولم يأت أحد") == ["انتظر الجميع...", "ولم يأت أحد"])
    }
}
