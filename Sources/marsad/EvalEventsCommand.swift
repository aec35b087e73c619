import ArabicText
import ArgumentParser
import Extraction
import Foundation
import Ingest

/// `marsad eval events`: event precision, recall and F1 against hand-coded gold.
struct EvalEventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Extract the gold file's articles and score their events on (type, source, target), then location and date.",
        discussion: "The gold format is described in Gold/README.md. Prints JSON with precision, recall, F1 and location and date accuracy on matched events."
    )

    @Option(help: "Gold events, JSON Lines (Gold/README.md).")
    var gold: String

    @Option(help: "The directory holding the gold file's articles.")
    var docs: String

    @Flag(help: "Print missed and spurious events per document to standard error.")
    var verbose = false

    struct Report: Encodable {
        let documents: Int
        let gold: Int
        let predicted: Int
        let matched: Int
        let precision: Double
        let recall: Double
        let f1: Double
        let location_accuracy: Double
        let date_accuracy: Double
    }

    func run() throws {
        try reportingInputErrors {
            let lines = try InputFiles.text(gold).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
            var documents: [GoldDocument] = []
            for (n, line) in lines.enumerated() {
                do {
                    documents.append(try JSONDecoder().decode(GoldDocument.self, from: Data(line.utf8)))
                } catch {
                    throw InputError.badData(path: "\(gold):\(n + 1)", reason: "not a gold document: \(error)")
                }
            }
            let extractor = try DocumentExtractor.bundled()
            let articles = try documents.map { document throws(InputError) -> Article in
                let path = (docs as NSString).appendingPathComponent(document.doc)
                let text = try InputFiles.text(path)
                return Article(text: text, id: ArticleParser.documentID(text), source: path, published: document.published.flatMap(CalendarDate.init(iso:)))
            }
            let results = ParallelMap.map(articles) { extractor.extract($0) }
            var total = EventScore()
            for (document, result) in zip(documents, results) {
                let (score, missed, spurious, misplaced) = EventScorer.score(result, gold: document.events)
                total = total + score
                guard verbose else { continue }
                var log = "\(document.doc): gold \(score.gold), predicted \(score.predicted), matched \(score.matched)\n"
                for g in missed {
                    let e = document.events[g]
                    log += "  missed   \(e.type.rawValue) \(describe(e.source, result)) → \(describe(e.target, result))  \(e.note ?? "")\n"
                }
                for p in spurious {
                    let e = result.events[p]
                    log += "  spurious \(e.type.rawValue) \(name(e.source, result)) → \(name(e.target, result))  [\(result.text.text(e.trigger))] \(e.modality.rawValue)\n"
                }
                for (g, p) in misplaced {
                    log += "  location \(document.events[g].type.rawValue) gold \(describe(document.events[g].location, result)) predicted \(name(result.events[p].location, result))\n"
                }
                FileHandle.standardError.write(Data(log.utf8))
            }
            let report = Report(documents: documents.count, gold: total.gold, predicted: total.predicted, matched: total.matched,
                                precision: total.precision, recall: total.recall, f1: total.f1,
                                location_accuracy: total.locationAccuracy, date_accuracy: total.dateAccuracy)
            try JSONOutput.printPretty(report)
        }
    }

    private func describe(_ actor: GoldActor?, _ result: DocumentResult) -> String {
        guard let actor else { return "-" }
        let text = actor.span.flatMap { $0.count == 2 && $0[0] <= $0[1] && $0[1] <= result.text.count ? result.text.text(Span(start: $0[0], end: $0[1])) : nil }
        return "\(actor.kb ?? "?")(\(text ?? ""))"
    }

    private func name(_ reference: EntityReference?, _ result: DocumentResult) -> String {
        guard let reference else { return "-" }
        let entity = result.entities.first { $0.id == reference.entity }
        return "\(entity?.kb ?? "?")(\(result.text.text(reference.span)))"
    }
}
