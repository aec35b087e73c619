import Extraction
import Foundation
import Hummingbird
import Mustache
import Store

/// Marsad's web server: the JSON API and the dashboard over one store.
///
/// ```swift
/// let router = try await WebServer.router(store: store, extractor: extractor, options: WebOptions(token: token))
/// try await WebServer.run(router: router, host: "127.0.0.1", port: 8080) { print("listening on \($0)") }
/// ```
public enum WebServer {
    public static func router(store: any EventStore, extractor: DocumentExtractor?, options: WebOptions) async throws -> Router<MarsadRequestContext> {
        guard let templates = Bundle.module.url(forResource: "templates", withExtension: nil, subdirectory: "Resources") else {
            throw StoreError("the dashboard templates are missing from the bundle")
        }
        let library = try await MustacheLibrary(directory: templates.path)
        let router = Router(context: MarsadRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(burst: options.rateBurst, perSecond: options.ratePerSecond)))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: TokenMiddleware(options: options))
        APIRoutes(store: store, extractor: extractor, options: options).add(to: router)
        DashboardRoutes(store: store, library: library, options: options).add(to: router)
        return router
    }

    /// Serves until SIGINT or SIGTERM; `onRunning` gets the address once it listens.
    public static func run(router: Router<MarsadRequestContext>, host: String, port: Int, onRunning: @escaping @Sendable (String) -> Void) async throws {
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "marsad"),
                              onServerRunning: { channel in onRunning("http://\(host):\(channel.localAddress?.port ?? port)") })
        try await app.runService()
    }
}
