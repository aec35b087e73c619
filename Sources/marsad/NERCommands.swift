import ArabicText
import ArgumentParser
import Extraction
import Knowledge
import Foundation

/// `marsad ner`: BIO entity tags for pre-tokenized text.
struct NERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Tag tokens with ANERcorp entity tags (B-/I- PERS LOC ORG MISC, O).",
        discussion: """
        Input CoNLL: one token per line in the first column (other columns are ignored), a blank line \
        between sentences. Output: token<TAB>tag, sentences separated by blank lines.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case conll }

    @Option(help: "Input and output format.")
    var format: Format = .conll

    @Argument(help: "A UTF-8 CoNLL file, or - for standard input.")
    var input: String

    func run() throws {
        try reportingInputErrors {
            let sentences: [TaggedSentence]
            do {
                sentences = try TaggedSentence.parseCoNLL(try InputFiles.text(input), requireTags: false)
            } catch let error as TaggedCoNLLError {
                throw InputError.badData(path: input, reason: error.description)
            }
            let tagger = try NERTagger.bundled(segmenter: try CliticSegmenter.bundled(), knowledge: try KnowledgeBase.bundled())
            var output = OutputBuffer()
            // The whole input is one document: names tagged in one sentence help tag them in others.
            for (sentence, tags) in zip(sentences, tagger.tagDocument(sentences.map(\.tokens))) {
                for (token, tag) in zip(sentence.tokens, tags) {
                    output.write("\(token)\t\(tag)\n")
                }
                output.write("\n")
            }
        }
    }
}

/// Reads a tagged CoNLL file for evaluation or training.
func readTaggedCoNLL(_ path: String) throws -> [TaggedSentence] {
    do {
        return try TaggedSentence.parseCoNLL(try InputFiles.text(path), requireTags: true)
    } catch let error as TaggedCoNLLError {
        throw InputError.badData(path: path, reason: error.description)
    }
}

/// `marsad eval ner`: entity-level precision/recall/F1 against a tagged CoNLL file.
struct EvalNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Tag the tokens of a gold CoNLL file and print entity-level precision, recall and F1 as JSON."
    )

    @Option(help: "Gold CoNLL file: token<TAB>tag, blank line between sentences.")
    var conll: String

    struct Report: Encodable {
        let file: String
        let sentences: Int
        let overall: MetricRecord
        let perType: [String: MetricRecord]
    }

    func run() throws {
        try reportingInputErrors {
            let gold = try readTaggedCoNLL(conll)
            let tagger = try NERTagger.bundled(segmenter: try CliticSegmenter.bundled(), knowledge: try KnowledgeBase.bundled())
            let system = tagger.tagDocument(gold.map(\.tokens))
            let (overall, perClass) = EntityScorer.score(gold: gold.map(\.tags), system: system)
            let report = Report(file: conll, sentences: gold.count, overall: MetricRecord(overall),
                                perType: Dictionary(uniqueKeysWithValues: perClass.map { ($0.key.rawValue, MetricRecord($0.value)) }))
            try JSONOutput.printPretty(report)
        }
    }
}

/// `marsad train ner`: trains the bundled NER model on a tagged CoNLL file.
struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train the NER tagger (structured averaged perceptron).",
        discussion: "Example: marsad train ner --conll ../shared/data/anercorp/train.conll"
    )

    @Option(help: "Training data: token<TAB>tag, blank line between sentences.")
    var conll: String

    @Option(help: "Where to write the model.")
    var output = "Sources/Extraction/Resources/ner/weights.tsv"

    @Option(help: "Passes over the training data.")
    var epochs = 8

    @Option(help: "Drop features whose largest averaged weight is below this (a smaller, faster model).")
    var pruneBelow: Float = NERTrainer().pruneBelow

    @Flag(help: "Train without knowledge-base features (for comparison).")
    var noGazetteer = false

    @Option(help: "Gold CoNLL file to tag with the new model; its entity F1 is printed (tuning without a rebuild).")
    var dev: String?

    @Flag(help: "Train without word-class features (for comparison).")
    var noClusters = false

    @Option(help: "Instead of writing a model, train on all but one of K contiguous parts of the data in turn and print the entity F1 on the part left out, and the mean.")
    var folds: Int?

    func run() throws {
        try reportingInputErrors {
            let sentences = try readTaggedCoNLL(conll)
            var trainer = NERTrainer()
            trainer.epochs = epochs
            trainer.pruneBelow = pruneBelow
            let knowledge = noGazetteer ? nil : try KnowledgeBase.bundled()
            let clusters = noClusters ? nil : try WordClusters.bundled()
            let segmenter = try CliticSegmenter.bundled()
            func score(_ model: NERModel, _ gold: [TaggedSentence]) -> (f1: Double, line: String) {
                let tagger = NERTagger(model: model, segmenter: segmenter, knowledge: knowledge, clusters: clusters)
                let (overall, perClass) = EntityScorer.score(gold: gold.map(\.tags), system: tagger.tagDocument(gold.map(\.tokens)))
                let types = perClass.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \(MetricRecord($0.value).f1)" }
                return (MetricRecord(overall).f1, "F1 \(MetricRecord(overall).f1) (\(types.joined(separator: ", ")))")
            }
            if let folds {
                guard folds >= 2, folds <= sentences.count else { throw ValidationError("--folds must be between 2 and the number of sentences") }
                var total = 0.0
                for fold in 0..<folds {
                    let part = { (i: Int) in i * folds / sentences.count == fold }
                    let train = sentences.indices.filter { !part($0) }.map { sentences[$0] }
                    let held = sentences.indices.filter(part).map { sentences[$0] }
                    let (f1, line) = score(trainer.train(train, segmenter: segmenter, knowledge: knowledge, clusters: clusters), held)
                    total += f1
                    print("fold \(fold + 1)/\(folds): \(line)")
                }
                print("mean F1 \(((total / Double(folds)) * 100).rounded() / 100)")
                return
            }
            let model = trainer.train(sentences, segmenter: segmenter, knowledge: knowledge, clusters: clusters) { epoch in
                FileHandle.standardError.write(Data("epoch \(epoch)\n".utf8))
            }
            try OutputFiles.write(model.tsv(), to: output)
            print("sentences: \(sentences.count); features kept: \(model.featureCount)")
            if let dev { print("\(dev): \(try score(model, readTaggedCoNLL(dev)).line)") }
        }
    }
}

/// `marsad train clusters`: distributional word classes for the NER tagger from raw news text.
struct TrainClustersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Learn word classes (spherical k-means over neighbour counts) from a news corpus.",
        discussion: "Example: marsad train clusters --corpus ../shared/data/news/saudinewsnet_20MB.jsonl"
    )

    @Option(help: "News corpus: a .jsonl file with a \"text\" field, a .txt file, or a directory of them.")
    var corpus: String

    @Option(help: "Where to write the classes.")
    var output = "Sources/Extraction/Resources/ner/clusters.tsv"

    func run() throws {
        try reportingInputErrors {
            let segmenter = try CliticSegmenter.bundled()
            let splitter = try SentenceSplitter.bundled()
            let other = LetterKey("", folded: true)
            var sentences: [[LetterKey]] = []
            for content in try CorpusReader.texts(corpus) {
                let text = ScalarText(content)
                let tokens = Tokenizer().tokenize(text)
                let segmented = segmenter.segment(text, tokens: tokens)
                for sentence in splitter.split(text, tokens: tokens) {
                    sentences.append(segmented[sentence.tokens].map { token in
                        token.token.kind == .arabic ? token.stemKey ?? other : other
                    })
                }
            }
            let clusters = WordClusterer().cluster(sentences)
            try OutputFiles.write(clusters.tsv(), to: output)
            print("sentences: \(sentences.count); words classed: \(clusters.classes.count)")
        }
    }
}
