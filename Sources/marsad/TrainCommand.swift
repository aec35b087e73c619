import ArabicText
import ArgumentParser
import Foundation

/// `marsad train`: rebuilds the learned models that ship with Marsad.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the bundled models from corpora (run from the package root).",
        subcommands: [TrainSegmentCommand.self, TrainNERCommand.self, TrainClustersCommand.self]
    )
}

/// `marsad train segment`: word statistics from a news corpus, weights and memory from a treebank.
struct TrainSegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Train the clitic segmentation model.",
        discussion: """
        Example: marsad train segment --treebank dev-gold.conllu \
        --corpus ../shared/data/news/saudinewsnet_20MB.jsonl
        The treebank is UD-style CoNLL-U with multi-word token ranges (see scripts/padt-gold).
        """
    )

    @Option(help: "Segmented CoNLL-U treebank with multi-word token ranges.")
    var treebank: String

    @Option(help: "News corpus: a .jsonl file with a \"text\" field, a .txt file, or a directory of them.")
    var corpus: String

    @Option(help: "Folder of the ArabicText resources (reads the hand-written lexicons, writes segmenter/).")
    var resources = "Sources/ArabicText/Resources"

    @Option(help: "Words seen fewer times than this in the corpus are left out of the statistics.")
    var minimumCount = 2

    func run() throws {
        try reportingInputErrors {
            let treebankText = try InputFiles.text(treebank)
            let sentences: [CoNLLUSentence]
            do { sentences = try CoNLLU.parse(treebankText) } catch let error as CoNLLUError {
                throw InputError.badData(path: treebank, reason: error.description)
            }
            var counter = SegmenterTrainer.WordCounter()
            for text in try CorpusReader.texts(corpus) { counter.add(text) }
            let counts = counter.statistics(minimumCount: minimumCount)
            let exceptionsPath = resources + "/clitic-exceptions.tsv"
            let exceptions = Dictionary(TSV.rows(try InputFiles.text(exceptionsPath)).compactMap { row -> (LetterKey, [String])? in
                guard row.count >= 2 else { return nil }
                return (LetterKey(row[0], folded: false), row[1].split(separator: " ").map(String.init))
            }, uniquingKeysWith: { a, _ in a })
            let stems = StemLexicon(stemsTSV: try InputFiles.text(resources + "/clitic-initial-stems.tsv"),
                                    suffixesTSV: try InputFiles.text(resources + "/inflectional-suffixes.tsv"))
            let trainer = SegmenterTrainer()
            let (model, report) = trainer.train(treebank: sentences, wordCounts: counts, cliticInitialStems: stems, exceptions: exceptions)
            let folder = resources + "/segmenter"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try OutputFiles.write(SegmentationModel.wordCountsTSV(counts), to: folder + "/word-counts.tsv")
            try OutputFiles.write(model.weightsTSV(), to: folder + "/weights.tsv")
            try OutputFiles.write(model.memorizedTSV(excluding: exceptions), to: folder + "/memorized.tsv")
            print("words counted: \(counts.count); training tokens: \(report.examples) (no candidate matches gold: \(report.unreachable)); memorized: \(report.memorized)")
        }
    }
}
