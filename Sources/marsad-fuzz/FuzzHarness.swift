import ArabicText
import Extraction
import Foundation
import Ingest

/// The parts of Marsad that take text from the open web, each run on arbitrary bytes with its
/// invariants checked: no crash, no hang, and every span inside the text it points into.
enum FuzzTarget: String, CaseIterable {
    case decode, tokenize, segment, dates, numbers, extract, jsonl, html
}

/// Runs one input through one target; a broken invariant stops the process (libFuzzer keeps the input).
struct FuzzHarness: Sendable {
    let extractor: DocumentExtractor

    static let shared: FuzzHarness = {
        do {
            return FuzzHarness(extractor: try DocumentExtractor.bundled())
        } catch {
            fatalError("fuzz: cannot load the bundled models: \(error)")
        }
    }()

    func run(_ target: FuzzTarget, _ data: Data) {
        switch target {
        case .decode:
            if let text = try? TextDecoder.decode(data) {
                check(!text.unicodeScalars.contains { $0.value == 0 }, "decoded text holds NUL")
            }
        case .tokenize:
            let text = ScalarText(String(decoding: data, as: UTF8.self))
            var previous = 0
            for token in Tokenizer().tokenize(text) {
                check(token.span.start >= previous && token.span.end <= text.count && !token.span.isEmpty, "token span out of order or bounds")
                previous = token.span.end
            }
            for sentence in (try? SentenceSplitter.bundled())?.split(text) ?? [] {
                check(sentence.span.end <= text.count, "sentence span out of bounds")
            }
        case .segment:
            let text = ScalarText(String(decoding: data, as: UTF8.self))
            let tokens = Tokenizer().tokenize(text)
            for word in extractor.recognizer.segmenter.segment(text, tokens: tokens) {
                for segment in word.segments { check(word.token.span.contains(segment.span), "segment outside its token") }
            }
        case .dates:
            let text = ScalarText(String(decoding: data, as: UTF8.self))
            for date in extractor.dateRecognizer.recognize(text, tokens: Tokenizer().tokenize(text), reference: CalendarDate(year: 2020, month: 2, day: 20)) {
                check(date.span.end <= text.count && text.text(date.span) == date.text, "date span does not match its text")
            }
        case .numbers:
            let text = ScalarText(String(decoding: data, as: UTF8.self))
            for number in extractor.numberRecognizer.recognize(text) {
                check(number.span.end <= text.count && number.span.contains(number.numberSpan) && number.value.isFinite, "number span or value broken")
            }
        case .extract:
            guard let text = try? TextDecoder.decode(data) else { return }
            let result = extractor.extract(Article(text: text, id: "fuzz", source: "fuzz", published: CalendarDate(year: 2020, month: 2, day: 20)))
            let length = result.text.count
            func inside(_ span: Span?) -> Bool { span.map { $0.start >= 0 && $0.end <= length } ?? true }
            for entity in result.entities { check(entity.mentions.allSatisfy { inside($0) }, "entity mention out of bounds") }
            for event in result.events {
                check(inside(event.trigger) && inside(event.sentence) && inside(event.source?.span) && inside(event.target?.span)
                      && inside(event.location?.span) && inside(event.date?.span), "event evidence out of bounds")
                check(event.confidence >= 0 && event.confidence <= 1, "confidence out of range")
            }
            check(result.quotes.allSatisfy { inside($0.span) }, "quote out of bounds")
            check((try? JSONSerialization.jsonObject(with: Data(result.json()))) != nil, "result is not valid JSON")
        case .jsonl:
            for case .success(let article) in ArticleParser.parse(data, source: "fuzz.jsonl", format: .jsonl) {
                check(!article.text.isEmpty && article.id.count == 64, "a JSONL article without text or id")
            }
        case .html:
            let page = HTMLText(html: String(decoding: data, as: UTF8.self))
            check(!page.text.contains("<script"), "script markup in extracted text")
        }
    }

    func check(_ condition: Bool, _ message: String) {
        if !condition { fatalError("fuzz invariant broken: \(message)") }
    }
}
