import ArabicText
import ArgumentParser
import Foundation

/// `marsad eval`: measures Marsad's components against gold data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure accuracy against gold data.",
        subcommands: [EvalSegmentCommand.self, EvalNERCommand.self, EvalEventsCommand.self]
    )
}

/// `marsad eval segment`: tokens and words precision/recall/F1 against a gold CoNLL-U file.
struct EvalSegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Segment the '# text' of each gold CoNLL-U sentence and score it as the CoNLL 2018 evaluation does.",
        discussion: "Prints JSON with tokens and words precision, recall and F1 (in percent) and their counts."
    )

    @Option(help: "Gold CoNLL-U file with '# text' comments and multi-word token ranges.")
    var conllu: String

    @Option(help: "Also print up to this many mis-segmented tokens (gold → system) to standard error.")
    var showErrors = 0

    struct Report: Encodable {
        let file: String
        let sentences: Int
        let tokens: MetricRecord
        let words: MetricRecord
    }

    func run() throws {
        try reportingInputErrors {
            let gold: [CoNLLUSentence]
            do {
                gold = try CoNLLU.parse(try InputFiles.text(conllu))
            } catch let error as CoNLLUError {
                throw InputError.badData(path: conllu, reason: error.description)
            }
            let segmenter = try CliticSegmenter.bundled()
            var system: [[CoNLLUSentence.Token]] = []
            var errors: [String: Int] = [:]
            for sentence in gold {
                let text = ScalarText(sentence.textOrTokens)
                let tokens = segmenter.segment(text, tokens: Tokenizer().tokenize(text)).map { token in
                    CoNLLUSentence.Token(form: text.text(token.token.span), words: token.segments.map(\.form), isMultiword: token.isMultiword)
                }
                system.append(tokens)
                if showErrors > 0 && tokens.map(\.form) == sentence.tokens.map(\.form) {
                    for (g, s) in zip(sentence.tokens, tokens) where g.words != s.words {
                        errors["\(g.form)\t\(g.words.joined(separator: "+"))\t\(s.words.joined(separator: "+"))", default: 0] += 1
                    }
                }
            }
            let result: SegmentationScorer.Result
            do {
                result = try SegmentationScorer.score(gold: gold.map(\.tokens), system: system)
            } catch {
                throw InputError.badData(path: conllu, reason: "\(error)")
            }
            if showErrors > 0 {
                let lines = errors.sorted { $0.value > $1.value }.prefix(showErrors).map { "\($0.value)\t\($0.key)" }
                FileHandle.standardError.write(Data(("count\ttoken\tgold\tsystem\n" + lines.joined(separator: "\n") + "\n").utf8))
            }
            try JSONOutput.printPretty(Report(file: conllu, sentences: gold.count, tokens: MetricRecord(result.tokens), words: MetricRecord(result.words)))
        }
    }
}

/// Precision, recall and F1 in percent with their counts, as the eval commands print them.
struct MetricRecord: Encodable {
    let precision, recall, f1: Double
    let gold, system, correct: Int

    init(_ prf: PRF) {
        func percent(_ x: Double) -> Double { (x * 10000).rounded() / 100 }
        precision = percent(prf.precision)
        recall = percent(prf.recall)
        f1 = percent(prf.f1)
        gold = prf.gold
        system = prf.system
        correct = prf.correct
    }
}
