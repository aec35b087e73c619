import ArabicText
import ArgumentParser
import Extraction
import Foundation
import Knowledge

/// `marsad entities`: the `entities` section of a Marsad document for raw text.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Print the entities of an Arabic text (persons, places, organizations …) with their mentions, as JSON.",
        discussion: "Each entity is linked to the knowledge base where it is known (kb, country, CAMEO code, coordinates)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    @Option(help: "Output format.")
    var format: Format = .json

    @Argument(help: "A UTF-8 text file, or - for standard input.")
    var input: String

    func run() throws {
        try reportingInputErrors {
            let text = ScalarText(try InputFiles.text(input))
            let recognizer = try EntityRecognizer.bundled()
            var json = JSONWriter()
            json.object { json in
                json.key("entities")
                json.array(recognizer.entities(text)) { json, entity in json.entity(entity, text) }
            }
            print(String(decoding: JSONWriter.pretty(json.bytes), as: UTF8.self))
        }
    }
}
