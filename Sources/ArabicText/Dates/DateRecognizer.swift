/// Finds date expressions in Arabic text and resolves them to calendar dates.
///
/// Recognizes relative days (اليوم، أمس، أول أمس، غداً، صباح أمس الأربعاء), weekdays
/// (الخميس، يوم الثلاثاء، الأحد المقبل), written dates with month names in the Egyptian, Levantine
/// and Maghrebi systems (20 فبراير 2020، 20 شباط/فبراير، 3 جوان), numeric dates (20/2/2020،
/// 2020-02-20), months and parts of months (فبراير 2020، منتصف مارس، فبراير الماضي), years
/// (عام 2019، العام الماضي، هذا العام), relative weeks and months (الأسبوع الماضي، الشهر المقبل)
/// and Hijri dates (15 رجب 1441 هـ). See `DateResolver` for how values are chosen.
///
/// A number alone is never a date: a year needs عام/سنة or a month before it, a day a month
/// after it. Every pattern looks a bounded number of tokens ahead, so the work is linear.
///
/// ```swift
/// let recognizer = try DateRecognizer.bundled()
/// let text = ScalarText("التقى الوفدان أمس الأربعاء في موسكو")
/// let dates = recognizer.recognize(text, tokens: Tokenizer().tokenize(text),
///                                  reference: CalendarDate(iso: "2020-02-20"))
/// // dates[0].value == "2020-02-19", dates[0].text == "أمس الأربعاء"
/// ```
public struct DateRecognizer: Sendable {
    /// The date words this recognizer knows.
    public let lexicon: DateLexicon
    private let resolver: DateResolver

    /// The day weeks start on for "الأسبوع الماضي", 1 = Sunday … 7 = Saturday. Sunday by
    /// default, as in the Sunday-to-Thursday working week of Libya, Egypt and the Gulf.
    public var weekStart: Int { resolver.weekStart }

    public init(lexicon: DateLexicon, weekStart: Int = 1) {
        precondition((1...7).contains(weekStart), "weekStart is a weekday number, 1 (Sunday) … 7 (Saturday)")
        self.lexicon = lexicon
        self.resolver = DateResolver(weekStart: weekStart)
    }

    /// A recognizer with the bundled `date-words.tsv`.
    public static func bundled() throws -> DateRecognizer {
        DateRecognizer(lexicon: try DateLexicon.bundled())
    }

    /// The date expressions of a tokenized text, in text order and without overlaps.
    ///
    /// - Parameter reference: the day the text speaks from, normally its publication date;
    ///   without it, relative expressions are still found but their `value` is nil.
    public func recognize(_ text: ScalarText, tokens: [Token], reference: CalendarDate?) -> [DateExpression] {
        var found: [DateExpression] = []
        guard !tokens.isEmpty else { return found }
        // A date never runs across a line break: headlines, datelines and captions stand alone.
        var lineStart = 0
        for t in 1...tokens.count where t == tokens.count || Self.lineBreak(text, between: tokens[t - 1], tokens[t]) {
            if lineStart < t {
                recognize(text, tokens: Array(tokens[lineStart..<t]), reference: reference, into: &found)
            }
            lineStart = t
        }
        return found
    }

    private func recognize(_ text: ScalarText, tokens: [Token], reference: CalendarDate?, into found: inout [DateExpression]) {
        let scan = DateScan(text: text, tokens: tokens, lexicon: lexicon)
        let grammar = DateGrammar(scan: scan)
        var i = 0
        while i < tokens.count {
            guard scan.words[i] != nil || tokens[i].kind == .number else {
                i += 1
                continue
            }
            guard let parse = grammar.parse(at: i) else {
                i = grammar.impossibleDayEnd(at: i) ?? i + 1
                continue
            }
            let span = Span(start: scan.start(of: parse.startToken), end: tokens[parse.endToken - 1].span.end)
            let resolved = resolver.resolve(parse.meaning, reference: reference)
            found.append(DateExpression(value: resolved.value, precision: resolved.precision, span: span,
                                        text: text.text(span), isRelative: parse.meaning.isRelative))
            i = parse.endToken
        }
    }

    private static func lineBreak(_ text: ScalarText, between a: Token, _ b: Token) -> Bool {
        for k in a.span.end..<b.span.start {
            switch text.scalars[k].value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
            default: continue
            }
        }
        return false
    }

    /// Tokenizes `string` and recognizes its dates; offsets count Unicode scalars of `string`.
    public func recognize(_ string: String, reference: CalendarDate?) -> [DateExpression] {
        let text = ScalarText(string)
        return recognize(text, tokens: Tokenizer().tokenize(text), reference: reference)
    }
}
