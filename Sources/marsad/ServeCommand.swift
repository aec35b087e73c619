import ArgumentParser
import Extraction
import Foundation
import Store
import Web

/// `marsad serve`: the JSON API and the dashboard over a store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API (/api/…, described at /openapi.json) and the dashboard over a store.",
        discussion: """
            Writes (POST /api/documents) need the bearer token in MARSAD_TOKEN; without it, writes are refused. \
            With --ingest, the given files and directories are ingested first (as marsad ingest does).
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port).")
    var port = 8080

    @Option(parsing: .upToNextOption, help: "Ingest these files or directories before serving.")
    var ingest: [String] = []

    @Flag(help: "Reads need the bearer token too.")
    var privateReads = false

    @Option(help: "Requests a client may make per second (after a burst of twice as many); 0 turns the limit off.")
    var rateLimit = 300.0

    func run() async throws {
        let opened = try await store.open()
        if !ingest.isEmpty { _ = try await IngestCommand.ingest(ArticleInputs.read(ingest), into: opened) }
        let extractor = try DocumentExtractor.bundled()
        let token = ProcessInfo.processInfo.environment["MARSAD_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let router = try await WebServer.router(store: opened, extractor: extractor, options: WebOptions(token: token, privateReads: privateReads,
                                                                                                          rateBurst: rateLimit > 0 ? Int(rateLimit * 2) : Int.max / 2,
                                                                                                          ratePerSecond: rateLimit > 0 ? rateLimit : 1e12))
        try await WebServer.run(router: router, host: host, port: port) { address in
            // Unbuffered, so that a script waiting for the address sees it at once.
            FileHandle.standardOutput.write(Data("Marsad is serving \(opened.location) at \(address)/ (API: \(address)/api/events, OpenAPI: \(address)/openapi.json)\n".utf8))
        }
    }
}
