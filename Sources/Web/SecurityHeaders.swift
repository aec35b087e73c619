import HTTPTypes
import Hummingbird

/// Headers every response carries: a content security policy without inline scripts, no MIME
/// sniffing, no framing, no referrer leaks.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    }

    static var frameOptions: HTTPField.Name { HTTPField.Name("X-Frame-Options")! }
    static var referrerPolicy: HTTPField.Name { HTTPField.Name("Referrer-Policy")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "no-referrer"
        return response
    }
}

/// Writes need the bearer token; with private reads, everything but /healthz does.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let options: WebOptions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let isWrite = request.method != .get && request.method != .head
        let needsToken = isWrite || (options.privateReads && request.uri.path != "/healthz")
        if needsToken {
            guard let token = options.token, let header = request.headers[.authorization], header.hasPrefix("Bearer "),
                  Self.constantTimeEqual(Array(header.dropFirst(7).utf8), Array(token.utf8)) else {
                throw APIError(status: .unauthorized, message: options.token == nil ? "writes are disabled: start the server with MARSAD_TOKEN set"
                                                                                    : "a valid bearer token is required")
            }
        }
        return try await next(request, context)
    }

    /// Compares without stopping at the first difference, so timing does not reveal the token.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }
}
