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
