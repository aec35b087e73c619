/// A decoded document text held as Unicode scalars, so that spans index it in constant time.
///
/// `String` indexes by grapheme clusters; Marsad's offsets are code points, and its hot loops
/// work on scalar values. This type keeps both views of the same text.
public struct ScalarText: Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        self.string = string
        self.scalars = Array(string.unicodeScalars)
    }

    public var count: Int { scalars.count }
    public var fullSpan: Span { Span(start: 0, end: scalars.count) }

    /// The text a span covers, exactly as it stands in the document.
    public func text(_ span: Span) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        return String(view)
    }
}
