/// A half-open range of Unicode scalar offsets into a document's decoded text.
///
/// Every annotation Marsad produces points back into the original text with a `Span`, so an
/// analyst can check it: `start` is inclusive, `end` exclusive, both counted in code points
/// (not bytes, not grapheme clusters), as SCHEMA.md requires.
public struct Span: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span cannot end before it starts")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
