/// How the server guards itself: who may write, whether reads are private, and the limits
/// that keep one client from exhausting it.
public struct WebOptions: Sendable {
    /// The bearer token writes need (`MARSAD_TOKEN`); nil refuses every write.
    public var token: String?
    /// Reads need the token too.
    public var privateReads: Bool
    /// Largest request body, in bytes.
    public var maxBodyBytes: Int
    /// Largest page of a list.
    public var maxPageSize: Int
    /// Longest query parameter, in characters.
    public var maxQueryLength: Int
    /// Requests a client may make at once, and per second after that.
    public var rateBurst: Int
    public var ratePerSecond: Double

    public init(token: String? = nil, privateReads: Bool = false, maxBodyBytes: Int = 2_000_000, maxPageSize: Int = 200, maxQueryLength: Int = 512,
                rateBurst: Int = 600, ratePerSecond: Double = 300) {
        self.rateBurst = rateBurst
        self.ratePerSecond = ratePerSecond
        self.token = token
        self.privateReads = privateReads
        self.maxBodyBytes = maxBodyBytes
        self.maxPageSize = maxPageSize
        self.maxQueryLength = maxQueryLength
    }
}
