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

    /// SCHEMA.md's Entity, with null for unknown fields.
    struct Record: Encodable {
        let entity: DocumentEntity
        let text: ScalarText

        enum Keys: String, CodingKey { case id, name, name_en, type, kb, country, cameo, lat, lon, mentions }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(entity.id, forKey: .id)
            try c.encode(entity.name, forKey: .name)
            try c.encode(entity.nameEnglish, forKey: .name_en)
            try c.encode(entity.type.rawValue, forKey: .type)
            try c.encode(entity.kb, forKey: .kb)
            try c.encode(entity.country, forKey: .country)
            try c.encode(entity.cameo, forKey: .cameo)
            try c.encode(entity.latitude, forKey: .lat)
            try c.encode(entity.longitude, forKey: .lon)
            try c.encode(entity.mentions.map { SpanRecord(text, $0) }, forKey: .mentions)
        }
    }

    struct Output: Encodable {
        let entities: [Record]
    }

    func run() throws {
        try reportingInputErrors {
            let text = ScalarText(try InputFiles.text(input))
            let recognizer = try EntityRecognizer.bundled()
            let records = recognizer.entities(text).map { Record(entity: $0, text: text) }
            try JSONOutput.printPretty(Output(entities: records))
        }
    }
}
