import ArgumentParser
import Foundation
import Store

/// `marsad export`: the store's contents for other tools.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the store: documents as marsad.document/1 JSON Lines, fused events as CSV, or the actor network as GraphML.",
        discussion: "CSV columns: \(Exports.csvColumns.joined(separator: ", ")). Filters apply to csv and graphml."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, graphml }

    @OptionGroup var store: StoreOptions

    @Option(help: "jsonl, csv or graphml.")
    var format: Format = .jsonl

    @Option(help: "Only events of this PLOVER type (csv).")
    var type: String?

    @Option(help: "Only events on or after this date, YYYY-MM-DD.")
    var from: String?

    @Option(help: "Only events on or before this date, YYYY-MM-DD.")
    var to: String?

    @Option(help: "Only events involving an actor of this country (ISO alpha-3, csv).")
    var country: String?

    func run() async throws {
        let store = try await store.open()
        var output = OutputBuffer()
        switch format {
        case .jsonl:
            try await store.forEachResult { output.write($0 + "\n") }
        case .csv:
            output.write(Exports.csvColumns.joined(separator: ",") + "\n")
            var filter = EventFilter(type: type, country: country, from: from, to: to, limit: 500, offset: 0)
            while true {
                let page = try await store.events(filter)
                for event in page.items { output.write(Exports.csvRow(event) + "\n") }
                filter.offset += page.items.count
                // Totals stop at a cap; the last page is the one that comes back short.
                if page.items.count < filter.limit { break }
            }
        case .graphml:
            output.write(Exports.graphML(try await store.network(from: from, to: to, limit: 100_000)))
        }
        output.flush()
    }
}
