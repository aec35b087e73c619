/// How much of a calendar date an expression pins down.
///
/// "أمس" names a day, "فبراير 2020" a month, "العام الماضي" a year. Events keep the precision
/// their text gives, so that fusing reports never invents a day that no source stated.
public enum DatePrecision: String, Sendable, Codable, CaseIterable {
    case day, month, year
}

/// A date expression found in a text: where it is, what it says, and the calendar date it
/// resolves to — SCHEMA.md's `DateExpr`.
///
/// ```swift
/// // reference 2020-02-20: "وصل أمس الأربعاء" →
/// DateExpression(value: "2020-02-19", precision: .day, span: 4..<16, text: "أمس الأربعاء", isRelative: true)
/// ```
public struct DateExpression: Hashable, Sendable {
    /// ISO 8601 truncated to the precision ("2020-02-19", "2020-02", "2020"); nil when the
    /// expression needs a reference date and none was given, or names a day that does not exist
    /// in the year it resolves to (29 February of a common year).
    public var value: String?
    /// What `value` pins down: a day, a month or a year.
    public var precision: DatePrecision
    /// Scalar offsets of the expression in the document; an attached و or ب is left outside.
    public var span: Span
    /// The text of `span`, exactly as written.
    public var text: String
    /// Whether the value depends on the reference date (أمس، الخميس، 20 فبراير without a year).
    public var isRelative: Bool

    public init(value: String?, precision: DatePrecision, span: Span, text: String, isRelative: Bool) {
        self.value = value
        self.precision = precision
        self.span = span
        self.text = text
        self.isRelative = isRelative
    }
}
