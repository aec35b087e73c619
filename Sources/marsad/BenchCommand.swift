import ArabicText
import ArgumentParser
import Extraction
import Foundation
import Knowledge

/// `marsad bench`: throughput and memory of Marsad's stages on a corpus.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput (MB/s, documents/s) and peak memory; run it on a release build.",
        subcommands: [BenchTextCommand.self, BenchNERCommand.self, BenchExtractCommand.self, BenchAPICommand.self]
    )
}

/// Peak resident memory of this process, in megabytes.
func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// The corpus options every benchmark takes.
struct BenchCorpusOptions: ParsableArguments {
    @Option(help: "A directory of .txt files or a .jsonl file with a \"text\" field.")
    var corpus: String

    @Option(help: "Use only the first N documents (0: all).")
    var limit = 0

    @Flag(help: "Print the results as JSON.")
    var json = false

    /// The documents and their size in megabytes (10^6 UTF-8 bytes).
    func texts() throws(InputError) -> (texts: [String], megabytes: Double) {
        let texts = try CorpusReader.texts(corpus, limit: limit)
        return (texts, Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1_000_000)
    }
}

/// One stage's measured throughput.
struct StageResult: Encodable {
    let stage: String
    let megabytes: Double
    let documents: Int
    let seconds: Double
    /// What the stage produced on one pass (scalars, tokens, sentences, words): a check that it ran.
    let units: Int
    var megabytesPerSecond: Double { megabytes / seconds }
    var documentsPerSecond: Double { Double(documents) / seconds }

    enum CodingKeys: String, CodingKey { case stage, megabytes, documents, seconds, units, megabytesPerSecond, documentsPerSecond }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stage, forKey: .stage)
        try c.encode(megabytes, forKey: .megabytes)
        try c.encode(documents, forKey: .documents)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(units, forKey: .units)
        try c.encode(megabytesPerSecond, forKey: .megabytesPerSecond)
        try c.encode(documentsPerSecond, forKey: .documentsPerSecond)
    }
}

/// `marsad bench text`: the ArabicText stages, single core.
struct BenchTextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Benchmark normalization, tokenization, sentence splitting and clitic segmentation.",
        discussion: """
        Each stage starts from the decoded article strings, so building the scalar view is counted in every \
        stage. Segmentation starts every repeat with an empty cache of word splits.
        """
    )

    @OptionGroup var input: BenchCorpusOptions

    @Option(help: "How many times to run each stage; the fastest run is reported.")
    var repeats = 3

    @Option(help: "Run only the stages whose name contains this (for profiling).")
    var only: String?

    @Option(help: "Worker threads sharing the documents (1: single core).")
    var cores = 1

    func run() throws {
        try reportingInputErrors {
            let (texts, megabytes) = try input.texts()
            let cores = max(1, self.cores)
            let normalizer = ArabicNormalizer()
            let tokenizer = Tokenizer()
            let splitter = try SentenceSplitter.bundled()
            let segmenter = try CliticSegmenter.bundled()
            // Each repeat gets a fresh segmenter, so its cache of word splits starts empty every time.
            let model = segmenter.model
            func measure(_ stage: String, _ makeBody: () -> @Sendable (String) -> Int) -> StageResult? {
                if let only, !stage.contains(only) { return nil }
                var best = Double.infinity
                var units = 0
                for _ in 0..<max(1, repeats) {
                    let body = makeBody()
                    let start = DispatchTime.now().uptimeNanoseconds
                    units = ParallelMap.map(texts, cores: cores, body).reduce(0, +)
                    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                }
                return StageResult(stage: stage, megabytes: megabytes, documents: texts.count, seconds: best, units: units)
            }
            let results = [
                measure("normalize") { { normalizer.normalize(ScalarText($0)).scalars.count } },
                measure("tokenize") { { tokenizer.tokenize(ScalarText($0)).count } },
                measure("normalize+tokenize") { { text in
                    let scalars = ScalarText(text)
                    return normalizer.normalize(scalars).scalars.count + tokenizer.tokenize(scalars).count
                } },
                measure("sentences") { { text in
                    let scalars = ScalarText(text)
                    return splitter.split(scalars, tokens: tokenizer.tokenize(scalars)).count
                } },
                measure("segment") {
                    let fresh = CliticSegmenter(model: model)
                    return { text in
                        let scalars = ScalarText(text)
                        return fresh.segment(scalars, tokens: tokenizer.tokenize(scalars)).count
                    }
                },
            ].compactMap { $0 }
            let peak = peakResidentMegabytes()
            if input.json {
                struct Report: Encodable { let corpus: String; let cores: Int; let stages: [StageResult]; let peakResidentMegabytes: Double }
                try JSONOutput.printPretty(Report(corpus: input.corpus, cores: cores, stages: results, peakResidentMegabytes: peak))
            } else {
                print("corpus: \(input.corpus) — \(texts.count) documents, \(String(format: "%.1f", megabytes)) MB, \(cores) core\(cores == 1 ? "" : "s")")
                for r in results {
                    print("\(r.stage.padding(toLength: 20, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", r.megabytesPerSecond)) MB/s \(String(format: "%10.0f", r.documentsPerSecond)) docs/s  \(r.units) units")
                }
                print("peak RSS: \(String(format: "%.0f", peak)) MB")
            }
        }
    }
}

/// `marsad bench ner`: named-entity recognition and linking, single core.
struct BenchNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Benchmark entity recognition and linking (tokens, sentences, segmentation, tagging, knowledge base) on one core.",
        discussion: "Also reports how long loading the knowledge base and the models takes."
    )

    @OptionGroup var input: BenchCorpusOptions

    func run() throws {
        try reportingInputErrors {
            let (texts, megabytes) = try input.texts()
            let loadStart = DispatchTime.now().uptimeNanoseconds
            let knowledge = try KnowledgeBase.bundled()
            let knowledgeSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
            let segmenter = try CliticSegmenter.bundled()
            let recognizer = EntityRecognizer(tagger: try .bundled(segmenter: segmenter, knowledge: knowledge),
                                              knowledge: knowledge, segmenter: segmenter, splitter: try .bundled())
            let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
            let start = DispatchTime.now().uptimeNanoseconds
            var units = 0
            for text in texts { units += recognizer.entities(ScalarText(text)).count }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let result = StageResult(stage: "entities", megabytes: megabytes, documents: texts.count, seconds: seconds, units: units)
            let peak = peakResidentMegabytes()
            if input.json {
                struct Report: Encodable {
                    let corpus: String; let cores: Int; let knowledgeLoadSeconds: Double; let loadSeconds: Double
                    let stages: [StageResult]; let peakResidentMegabytes: Double
                }
                try JSONOutput.printPretty(Report(corpus: input.corpus, cores: 1, knowledgeLoadSeconds: knowledgeSeconds, loadSeconds: loadSeconds,
                    stages: [result], peakResidentMegabytes: peak))
            } else {
                print("corpus: \(input.corpus) — \(texts.count) documents, \(String(format: "%.1f", megabytes)) MB, 1 core")
                print("load: knowledge base \(String(format: "%.0f", knowledgeSeconds * 1000)) ms, all models \(String(format: "%.0f", loadSeconds * 1000)) ms")
                print("entities \(String(format: "%8.2f", result.megabytesPerSecond)) MB/s \(String(format: "%8.0f", result.documentsPerSecond)) docs/s  \(units) entities")
                print("peak RSS: \(String(format: "%.0f", peak)) MB")
            }
        }
    }
}
