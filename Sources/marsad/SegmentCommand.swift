import ArabicText
import ArgumentParser

/// `marsad segment`: splits clitics off Arabic words, one input line per sentence.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split Arabic words into clitics and stems (UD Arabic conventions).",
        discussion: """
        Input is plain text, one sentence per line. With --format conllu every non-empty line becomes \
        a CoNLL-U sentence (sent_id is the line number) with multi-word token ranges for split tokens; \
        with --format text the words of each token are joined by '+' and tokens by spaces.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case conllu, text }

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: " or ")).")
    var format: Format = .conllu

    @Argument(help: "A UTF-8 text file, or - for standard input.")
    var input: String

    func run() throws {
        try reportingInputErrors {
            let content = try InputFiles.text(input)
            let segmenter = try CliticSegmenter.bundled()
            var output = OutputBuffer()
            for (number, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = ScalarText(String(line))
                let tokens = Tokenizer().tokenize(text)
                guard !tokens.isEmpty else { continue }
                let segmented = segmenter.segment(text, tokens: tokens)
                switch format {
                case .conllu:
                    output.write(CoNLLU.format(id: String(number + 1), text: String(line), tokens: segmented, source: text))
                case .text:
                    output.write(segmented.map { $0.segments.map(\.form).joined(separator: "+") }.joined(separator: " ") + "\n")
                }
            }
        }
    }
}
