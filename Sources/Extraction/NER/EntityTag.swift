/// The entity classes of ANERcorp's tag set, which Marsad's tagger learns.
public enum EntityClass: String, CaseIterable, Sendable, Codable {
    case person = "PERS", location = "LOC", organization = "ORG", miscellaneous = "MISC"
}

/// A BIO tag: outside, or the beginning or inside of an entity of a class.
public enum BIOTag: Hashable, Sendable, CustomStringConvertible {
    case outside
    case begin(EntityClass)
    case inside(EntityClass)

    /// Every tag, in the order the model's weight columns use.
    public static let all: [BIOTag] = [.outside] + EntityClass.allCases.flatMap { [BIOTag.begin($0), .inside($0)] }

    public init?(_ string: some StringProtocol) {
        if string == "O" { self = .outside; return }
        let parts = string.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let entity = EntityClass(rawValue: String(parts[1])) else { return nil }
        switch parts[0] {
        case "B": self = .begin(entity)
        case "I": self = .inside(entity)
        default: return nil
        }
    }

    public var index: Int {
        switch self {
        case .outside: 0
        case .begin(let c): 1 + 2 * EntityClass.allCases.firstIndex(of: c)!
        case .inside(let c): 2 + 2 * EntityClass.allCases.firstIndex(of: c)!
        }
    }

    public var entityClass: EntityClass? {
        switch self {
        case .outside: nil
        case .begin(let c), .inside(let c): c
        }
    }

    public var description: String {
        switch self {
        case .outside: "O"
        case .begin(let c): "B-\(c.rawValue)"
        case .inside(let c): "I-\(c.rawValue)"
        }
    }

    /// Whether this tag may follow `previous` (I-X only after B-X or I-X).
    public func canFollow(_ previous: BIOTag?) -> Bool {
        guard case .inside(let c) = self else { return true }
        return previous?.entityClass == c
    }
}

/// A sentence of a two-column CoNLL file (`token<TAB>tag`), as ANERcorp is distributed.
public struct TaggedSentence: Hashable, Sendable {
    public var tokens: [String]
    public var tags: [BIOTag]

    public init(tokens: [String], tags: [BIOTag]) {
        self.tokens = tokens
        self.tags = tags
    }

    /// Reads sentences separated by blank lines; the first column is the token, the last the tag.
    /// With `requireTags` false, lines may hold the token alone (input to tag).
    public static func parseCoNLL(_ text: String, requireTags: Bool) throws(TaggedCoNLLError) -> [TaggedSentence] {
        var sentences: [TaggedSentence] = []
        var current = TaggedSentence(tokens: [], tags: [])
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let columns = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard let token = columns.first else {
                if !current.tokens.isEmpty { sentences.append(current) }
                current = TaggedSentence(tokens: [], tags: [])
                continue
            }
            var tag = BIOTag.outside
            if requireTags {
                guard columns.count >= 2, let parsed = BIOTag(columns[columns.count - 1]) else {
                    throw TaggedCoNLLError(line: lineNumber, reason: "expected 'token<TAB>tag' with a tag O, B-X or I-X (X: PERS LOC ORG MISC)")
                }
                tag = parsed
            }
            current.tokens.append(String(token))
            current.tags.append(tag)
        }
        if !current.tokens.isEmpty { sentences.append(current) }
        return sentences
    }
}

/// A line of a tagged CoNLL file that cannot be read.
public struct TaggedCoNLLError: Error, CustomStringConvertible, Sendable, Equatable {
    public let line: Int
    public let reason: String
    public var description: String { "line \(line): \(reason)" }
}
