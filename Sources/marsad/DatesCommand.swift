import ArabicText
import ArgumentParser

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// `marsad dates`: date expressions of a text, resolved against a reference date.
struct DatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dates",
        abstract: "Print the date expressions of a text as JSON Lines (value, precision, text, start, end).",
        discussion: """
        Relative expressions (أمس، الأربعاء الماضي، الشهر المقبل) are resolved against --reference; \
        without it their value is null.
        """
    )

    @Option(help: "The date the text speaks from, normally its publication date (YYYY-MM-DD).")
    var reference: CalendarDate?

    @Argument(help: "A UTF-8 text file, or - for standard input.")
    var input: String

    struct Record: Encodable {
        let value: String?
        let precision: String
        let relative: Bool
        let text: String
        let start: Int
        let end: Int

        func encode(to encoder: Encoder) throws {
            enum Keys: String, CodingKey { case value, precision, relative, text, start, end }
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(value, forKey: .value)  // null, not absent, when unresolved
            try c.encode(precision, forKey: .precision)
            try c.encode(relative, forKey: .relative)
            try c.encode(text, forKey: .text)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
        }
    }

    func run() throws {
        try reportingInputErrors {
            let text = ScalarText(try InputFiles.text(input))
            let recognizer = try DateRecognizer.bundled()
            var output = OutputBuffer()
            for date in recognizer.recognize(text, tokens: Tokenizer().tokenize(text), reference: reference) {
                output.write(JSONOutput.line(Record(value: date.value, precision: date.precision.rawValue, relative: date.isRelative,
                                                   text: date.text, start: date.span.start, end: date.span.end)))
            }
        }
    }
}
