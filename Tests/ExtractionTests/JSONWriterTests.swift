import ArabicText
import Foundation
import Testing
@testable import Extraction

@Suite struct JSONWriterTests {
    func parsed(_ bytes: [UInt8]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    @Test func stringsAreEscapedAsJSONRequires() throws {
        let hostile = "قال \"المصدر\" \\ سطر\nثان\tو\u{1}\u{1F}/ <script> \u{1F600}"
        var w = JSONWriter()
        w.string(hostile)
        #expect(try parsed(w.bytes) as? String == hostile)
        let written = String(decoding: w.bytes, as: UTF8.self)
        #expect(written.contains("\\u0001") && written.contains("\\u001f") && written.contains("\\n") && written.contains("/"))
    }

    @Test func aSpanIsWrittenFromTheScalarsWithoutChange() throws {
        let text = ScalarText("أ\"ب\\ج\nد 😀 هـ")
        var w = JSONWriter()
        w.string(text, Span(start: 0, end: text.scalars.count))
        #expect(try parsed(w.bytes) as? String == text.string)
    }

    @Test func commasSeparateKeysAndElementsAtEveryLevel() throws {
        var w = JSONWriter()
        w.object { w in
            w.key("a"); w.array([1, 2, 3]) { $0.integer($1) }
            w.key("b"); w.object { w in w.key("c"); w.null(); w.key("d"); w.boolean(false) }
            w.optional("e", nil as String?) { $0.string($1) }
            w.key("f"); w.array([[Int]](), { _, _ in })
            w.key("g"); w.number(2.5)
            w.key("h"); w.number(3.0)
            w.key("i"); w.number(Double.nan)
        }
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"a":[1,2,3],"b":{"c":null,"d":false},"f":[],"g":2.5,"h":3,"i":null}"#)
    }

    @Test func prettyLayoutKeepsTheValue() throws {
        var w = JSONWriter()
        w.object { w in
            w.key("list"); w.array(["x,y", "{z}", "q\"}"]) { $0.string($1) }
            w.key("empty"); w.object { _ in }
            w.key("n"); w.integer(-42)
        }
        let pretty = JSONWriter.pretty(w.bytes)
        #expect(try parsed(pretty) as? NSDictionary == parsed(w.bytes) as? NSDictionary)
        #expect(String(decoding: pretty, as: UTF8.self).contains("\n  \"list\": [\n    \"x,y\""))
        #expect(String(decoding: pretty, as: UTF8.self).contains("\"empty\": {}"))
    }

    @Test func aDocumentIsValidJSONWithSortedKeysAndEveryField() throws {
        let extractor = try DocumentExtractor.bundled()
        let text = "أعلن الجيش الليبي أمس الأربعاء أن طائرة مسيرة \"قصفت\" موقعا قرب مدينة سرت، ما أدى إلى مقتل 5 مسلحين."
        let result = extractor.extract(Article(text: text, id: "doc", source: "path/with/slashes.txt", published: CalendarDate(iso: "2020-02-20")))
        let bytes = result.json(includeText: true)
        let object = try #require(try parsed(bytes) as? [String: Any])
        #expect(object["schema"] as? String == "marsad.document/1")
        let document = try #require(object["document"] as? [String: Any])
        #expect(document["text"] as? String == text)
        #expect(document["source"] as? String == "path/with/slashes.txt")
        #expect(document["outlet"] is NSNull)
        #expect(Set(object.keys) == ["claims", "dates", "document", "entities", "events", "quantities", "quotes", "schema"])
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(!events.isEmpty)
        for event in events {
            let trigger = try #require(event["trigger"] as? [String: Any])
            let start = try #require(trigger["start"] as? Int), end = try #require(trigger["end"] as? Int)
            #expect(trigger["text"] as? String == result.text.text(Span(start: start, end: end)))
        }
        // Keys come sorted at every level, as JSONEncoder's .sortedKeys writes them.
        let written = String(decoding: bytes, as: UTF8.self)
        #expect(written.hasPrefix(#"{"claims":"#) && written.hasSuffix(#""schema":"marsad.document/1"}"#))
        #expect(written.contains(#"{"end":"#))
    }
}
