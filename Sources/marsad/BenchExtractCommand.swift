import ArgumentParser
import Extraction
import Foundation
import Ingest

/// `marsad bench extract`: the whole pipeline, article text to JSON document, on one core and
/// on all of them.
struct BenchExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Benchmark full extraction (entities, events, dates, quantities, quotes, claims, JSON) on one core and on all cores.",
        discussion: "Each pass extracts every document and encodes its marsad.document/1 JSON, as marsad extract does."
    )

    @OptionGroup var input: BenchCorpusOptions

    @Option(help: "Cores for the parallel pass (default: all).")
    var cores = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        try reportingInputErrors {
            let (texts, megabytes) = try input.texts()
            let articles = texts.enumerated().map { Article(text: $1, id: ArticleParser.documentID($1), source: "\($0)") }
            var results: [StageResult] = []
            var loadSeconds = 0.0
            for (stage, workers) in [("extract-1-core", 1), ("extract-\(cores)-cores", cores)] where workers == 1 || cores > 1 {
                // A fresh extractor per pass: the segmenter's cache of word splits starts empty each time.
                let loadStart = DispatchTime.now().uptimeNanoseconds
                let extractor = try DocumentExtractor.bundled()
                loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
                @Sendable func pass(_ article: Article) -> Int {
                    let result = extractor.extract(article)
                    return result.json().isEmpty ? 0 : result.events.count
                }
                let start = DispatchTime.now().uptimeNanoseconds
                let events = ParallelMap.map(articles, cores: workers, pass).reduce(0, +)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                results.append(StageResult(stage: stage, megabytes: megabytes, documents: texts.count, seconds: seconds, units: events))
            }
            let peak = peakResidentMegabytes()
            let speedup = results.count == 2 ? results[1].megabytesPerSecond / results[0].megabytesPerSecond : 1
            if input.json {
                struct Report: Encodable {
                    let corpus: String; let cores: Int; let loadSeconds: Double; let stages: [StageResult]
                    let speedup: Double; let peakResidentMegabytes: Double
                }
                try JSONOutput.printPretty(Report(corpus: input.corpus, cores: cores, loadSeconds: loadSeconds, stages: results,
                                                  speedup: speedup, peakResidentMegabytes: peak))
            } else {
                print("corpus: \(input.corpus) — \(texts.count) documents, \(String(format: "%.1f", megabytes)) MB")
                print("load: all models \(String(format: "%.0f", loadSeconds * 1000)) ms")
                for r in results {
                    print("\(r.stage.padding(toLength: 20, withPad: " ", startingAt: 0)) \(String(format: "%8.2f", r.megabytesPerSecond)) MB/s \(String(format: "%8.0f", r.documentsPerSecond)) docs/s  \(r.units) events")
                }
                if results.count == 2 { print("speedup on \(cores) cores: \(String(format: "%.2f", speedup))×") }
                print("peak RSS: \(String(format: "%.0f", peak)) MB")
            }
        }
    }
}
