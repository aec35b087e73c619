import ArabicText
import Knowledge

/// SCHEMA.md's JSON for a document result: field names fixed and sorted, unknown values null,
/// every span written as its text with `start` and `end` in code points.
extension DocumentResult {
    public static let schema = "marsad.document/1"

    /// The result as one line of JSON; `includeText` adds `document.text` (marsad extract --include-text).
    public func json(includeText: Bool = false) -> [UInt8] {
        var w = JSONWriter(capacity: 4096 + 8 * text.scalars.count)
        w.object { w in
            w.key("claims")
            w.array(claims) { w, claim in w.claim(claim, text) }
            w.key("dates")
            w.array(dates) { w, date in
                w.object { w in
                    w.spanFields(date.span, text) {
                        $0.key("precision")
                        $0.string(date.precision.rawValue)
                    } more: {
                        $0.key("value")
                        $0.string(date.value)
                    }
                }
            }
            w.key("document")
            w.object { w in
                w.key("id"); w.string(document.id)
                w.key("language"); w.string(document.language)
                w.key("length"); w.integer(document.length)
                w.key("outlet"); w.string(document.outlet)
                w.key("published"); w.string(document.published?.iso)
                w.key("source"); w.string(document.source)
                if includeText { w.key("text"); w.string(text.string) }
                w.key("title"); w.string(document.title)
            }
            w.key("entities")
            w.array(entities) { w, entity in w.entity(entity, text) }
            w.key("events")
            w.array(events) { w, event in w.event(event, text) }
            w.key("quantities")
            w.array(quantities) { w, quantity in w.quantity(quantity, text) }
            w.key("quotes")
            w.array(quotes) { w, quote in
                w.object { w in
                    w.spanFields(quote.span, text) {
                        $0.key("speaker")
                        $0.reference(quote.speaker, text)
                    }
                }
            }
            w.key("schema")
            w.string(Self.schema)
        }
        return w.bytes
    }

    /// `json()` as a string.
    public func jsonString(includeText: Bool = false) -> String {
        String(decoding: json(includeText: includeText), as: UTF8.self)
    }
}

extension JSONWriter {
    /// The keys of a span, `end`, `start` and `text`, with the keys that sort between them
    /// written by `middle` (after `end`) and `more` (after `text`).
    mutating func spanFields(_ span: Span, _ text: ScalarText, _ middle: (inout JSONWriter) -> Void = { _ in },
                             more: (inout JSONWriter) -> Void = { _ in }) {
        key("end"); integer(span.end)
        middle(&self)
        key("start"); integer(span.start)
        key("text"); string(text, span)
        more(&self)
    }

    /// `{"end", "start", "text"}`.
    mutating func span(_ span: Span, _ text: ScalarText) {
        object { $0.spanFields(span, text) }
    }

    /// `{"end", "entity", "start", "text"}`, or null.
    mutating func reference(_ reference: EntityReference?, _ text: ScalarText) {
        guard let reference else { return null() }
        object { w in
            w.spanFields(reference.span, text) {
                $0.key("entity")
                $0.string(reference.entity)
            }
        }
    }

    /// SCHEMA.md's Entity, its mentions in text order with their words.
    public mutating func entity(_ entity: DocumentEntity, _ text: ScalarText) {
        object { w in
            w.key("cameo"); w.string(entity.cameo)
            w.key("country"); w.string(entity.country)
            w.key("id"); w.string(entity.id)
            w.key("kb"); w.string(entity.kb)
            w.key("lat"); w.number(entity.latitude)
            w.key("lon"); w.number(entity.longitude)
            w.key("mentions"); w.array(entity.mentions.sorted()) { w, span in w.span(span, text) }
            w.key("name"); w.string(entity.name)
            w.key("name_en"); w.string(entity.nameEnglish)
            w.key("type"); w.string(entity.type.rawValue)
        }
    }

    mutating func quantity(_ quantity: Quantity, _ text: ScalarText) {
        object { w in
            w.key("approximate")
            w.boolean(quantity.approximate)
            w.spanFields(quantity.span, text) {
                $0.key("kind")
                $0.string(quantity.kind.rawValue)
            } more: {
                $0.key("value")
                $0.number(quantity.value)
            }
        }
    }

    mutating func event(_ event: Event, _ text: ScalarText) {
        object { w in
            w.key("attribution")
            if let attribution = event.attribution {
                w.object { w in
                    w.key("anonymous"); w.boolean(attribution.anonymous)
                    w.key("speaker"); w.reference(attribution.speaker, text)
                    w.key("verb"); w.string(attribution.verb)
                }
            } else {
                w.null()
            }
            w.key("cameo"); w.string(event.cameo)
            w.key("confidence"); w.number(event.confidence)
            w.key("date")
            if let date = event.date {
                w.object { w in
                    if let span = date.span {
                        w.spanFields(span, text) {
                            $0.key("precision"); $0.string(date.precision.rawValue)
                        } more: {
                            $0.key("value"); $0.string(date.value)
                        }
                    } else {
                        // Inferred from the publication day: no words of the text say it.
                        w.key("end"); w.null()
                        w.key("precision"); w.string(date.precision.rawValue)
                        w.key("start"); w.null()
                        w.key("text"); w.null()
                        w.key("value"); w.string(date.value)
                    }
                }
            } else {
                w.null()
            }
            w.key("id"); w.string(event.id)
            w.key("location"); w.reference(event.location, text)
            w.key("modality"); w.string(event.modality.rawValue)
            w.key("mode"); w.string(event.mode)
            w.key("quantities"); w.array(event.quantities) { w, quantity in w.quantity(quantity, text) }
            w.key("sentence")
            w.object { w in
                w.key("end"); w.integer(event.sentence.end)
                w.key("start"); w.integer(event.sentence.start)
            }
            w.key("source"); w.reference(event.source, text)
            w.key("target"); w.reference(event.target, text)
            w.key("trigger"); w.span(event.trigger, text)
            w.key("type"); w.string(event.type.rawValue)
        }
    }

    mutating func claim(_ claim: Claim, _ text: ScalarText) {
        object { w in
            w.key("conflicts_with"); w.array(claim.conflictsWith) { w, id in w.string(id) }
            w.key("event"); w.string(claim.event)
            w.key("id"); w.string(claim.id)
            w.key("speaker"); w.reference(claim.speaker, text)
            w.key("statement"); w.span(claim.statement, text)
        }
    }
}
