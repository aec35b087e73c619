import Foundation
import Hummingbird
import Synchronization

/// A token bucket per client address: `burst` requests at once, refilled at `perSecond`. A
/// client over its limit gets 429 with Retry-After; others are unaffected.
final class RateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: Double
    }

    let burst: Double
    let perSecond: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    init(burst: Int, perSecond: Double) {
        self.burst = Double(burst)
        self.perSecond = perSecond
    }

    /// Takes one token for `client`; nil when allowed, else the seconds until one is available.
    func take(_ client: String, now: Double = ProcessInfo.processInfo.systemUptime) -> Double? {
        buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + (now - bucket.updated) * perSecond)
            bucket.updated = now
            defer {
                buckets[client] = bucket
                // Forget clients whose buckets are full again, so the table stays small.
                if buckets.count > 10_000 { buckets = buckets.filter { $0.value.tokens + (now - $0.value.updated) * perSecond < burst } }
            }
            guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / perSecond }
            bucket.tokens -= 1
            return nil
        }
    }
}

struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = MarsadRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let client = context.remoteAddress?.ipAddress ?? "local"
        if let wait = limiter.take(client) {
            var error = APIError(status: .tooManyRequests, message: "too many requests: retry in \(Int(wait.rounded(.up))) s")
            error.retryAfter = Int(wait.rounded(.up))
            throw error
        }
        return try await next(request, context)
    }
}
