import ArabicText
import ArgumentParser
import Foundation

/// A span with its text, as every JSON output of Marsad writes it.
struct SpanRecord: Encodable {
    let text: String
    let start: Int
    let end: Int
    var kind: String? = nil

    init(_ source: ScalarText, _ span: Span, kind: String? = nil) {
        text = source.text(span)
        start = span.start
        end = span.end
        self.kind = kind
    }
}

/// How the commands print JSON: one compact object per line, or one pretty document.
enum JSONOutput {
    static func line(_ value: some Encodable) -> String {
        String(decoding: (try? encoder(pretty: false).encode(value)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    static func printPretty(_ value: some Encodable) throws {
        print(String(decoding: try encoder(pretty: true).encode(value), as: UTF8.self))
    }

    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// `marsad tokenize`: one JSON line per token, with its kind and offsets.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Print the tokens of a text as JSON Lines (text, start, end, kind; offsets in code points)."
    )

    @Argument(help: "A UTF-8 text file, or - for standard input.")
    var input: String

    func run() throws {
        try reportingInputErrors {
            let text = ScalarText(try InputFiles.text(input))
            var output = OutputBuffer()
            for token in Tokenizer().tokenize(text) {
                output.write(JSONOutput.line(SpanRecord(text, token.span, kind: token.kind.rawValue)))
            }
        }
    }
}

/// `marsad sentences`: one JSON line per sentence.
struct SentencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Print the sentences of a text as JSON Lines (text, start, end; offsets in code points)."
    )

    @Argument(help: "A UTF-8 text file, or - for standard input.")
    var input: String

    func run() throws {
        try reportingInputErrors {
            let text = ScalarText(try InputFiles.text(input))
            let splitter = try SentenceSplitter.bundled()
            var output = OutputBuffer()
            for sentence in splitter.split(text) {
                output.write(JSONOutput.line(SpanRecord(text, sentence.span)))
            }
        }
    }
}
