import Hummingbird
import NIOCore

/// The request context of Marsad's server: Hummingbird's core storage plus the client's address,
/// which the rate limit keys on.
public struct MarsadRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The limit on request bodies, enforced while the body streams in.
    public var maxUploadSize: Int { 2_000_000 }
}

extension MarsadRequestContext {
    /// The `{id}` of a document route: a SHA-256 in lowercase hexadecimal.
    func documentID() throws -> String {
        guard let id = parameters.get("id"), id.count == 64, id.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw APIError.badRequest("a document id is 64 lowercase hexadecimal digits (SHA-256)")
        }
        return id
    }

    /// The `{id}` of an actor route: a positive whole number.
    func actorID() throws -> Int64 {
        guard let id = parameters.get("id").flatMap(Int64.init), id > 0 else { throw APIError.badRequest("actor id must be a positive whole number") }
        return id
    }
}
