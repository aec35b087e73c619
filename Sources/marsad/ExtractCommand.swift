import ArabicText
import ArgumentParser
import Extraction
import Foundation
import Ingest

/// `marsad extract`: the full `marsad.document/1` record of each input article.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract entities, events, dates, quantities, quotes and claims from Arabic news articles (marsad.document/1).",
        discussion: """
            PATH is a file or a directory (every .txt, .html and .jsonl inside, sorted by name); - reads standard input \
            as text. A .jsonl file holds one article per line: "text" and optional "id", "title", "published", "outlet", "url". \
            Documents are printed in input order. An input that cannot be read is reported on standard error with its name, \
            the others are still extracted, and the exit code is 65.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl }

    @Option(help: "Publication date (YYYY-MM-DD) that relative dates resolve against; default: the article's metadata or dateline.")
    var published: String?

    @Option(help: "The outlet that published the articles; default: the article's metadata or the outlet the text credits.")
    var outlet: String?

    @Option(help: "Output format: json (pretty, one document after another) or jsonl (one document per line).")
    var format: Format = .json

    @Flag(help: "Include the document text (for HTML: the extracted text the offsets refer to).")
    var includeText = false

    @Argument(help: "Files or directories to read, or - for standard input.")
    var paths: [String]

    func validate() throws {
        if let published, CalendarDate(iso: published) == nil {
            throw ValidationError("--published must be a date written YYYY-MM-DD, not '\(published)'.")
        }
        if paths.isEmpty { throw ValidationError("Give at least one file or directory (or - for standard input).") }
    }

    func run() throws {
        let extractor = try DocumentExtractor.bundled()
        let inputs = ArticleInputs.read(paths)
        for error in inputs.errors { FileHandle.standardError.write(Data("marsad: \(error)\n".utf8)) }
        var articles = inputs.articles
        for i in articles.indices {
            if let published { articles[i].published = CalendarDate(iso: published) }
            if let outlet { articles[i].outlet = outlet }
        }
        let pretty = format == .json, includeText = includeText
        let records = ParallelMap.map(articles) { article in
            let json = extractor.extract(article).json(includeText: includeText)
            return pretty ? JSONWriter.pretty(json) : json
        }
        var output = OutputBuffer()
        for record in records {
            output.write(String(decoding: record, as: UTF8.self))
            output.write("\n")
        }
        output.flush()
        if !inputs.errors.isEmpty { throw ExitCode(inputs.errors.contains { $0.missing } ? 66 : 65) }
    }
}
