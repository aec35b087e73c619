import Foundation
import Hummingbird
import Store

/// An error the API reports to its client: a status and a message, as JSON, never a stack trace.
struct APIError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    /// Seconds a rate-limited client should wait.
    var retryAfter: Int?

    init(status: HTTPResponse.Status, message: String) {
        self.status = status
        self.message = message
    }

    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, message: message) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = (try? JSONEncoder().encode(["error": message])) ?? Data(#"{"error":"error"}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body)))
    }
}

/// Turns any other error into a 500 with a generic JSON body, logging the details server-side.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError {
            throw error
        } catch let error as StoreError where error.unavailable {
            context.logger.error("request failed: \(error)")
            var unavailable = APIError(status: .serviceUnavailable, message: "the store is unavailable; try again shortly")
            unavailable.retryAfter = 5
            throw unavailable
        } catch {
            context.logger.error("request failed: \(error)")
            throw APIError(status: .internalServerError, message: "internal error")
        }
    }
}
