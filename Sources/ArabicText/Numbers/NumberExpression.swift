/// How a number in a text is hedged, so that a count can be compared and aggregated honestly.
///
/// News rarely gives exact counts: "نحو 1100", "أكثر من مئة", "عشرات القتلى". The qualifier says how
/// to read `NumberExpression`'s bounds: for `.moreThan` the lower bound is exclusive, for `.lessThan`
/// the upper bound is exclusive, and in every other case both bounds are inclusive.
public enum NumberQualifier: String, Sendable, Hashable, Codable, CaseIterable {
    /// A number as written: "5762", "ألف ومئة".
    case exact
    /// "نحو", "حوالي", "قرابة", "زهاء", "ما يقارب", "ما يناهز", "تقريبا": the value is an estimate, no bounds.
    case about
    /// "أكثر من", "ما يزيد على", "أزيد من": the lower bound is the number, exclusive.
    case moreThan = "more-than"
    /// "ما لا يقل عن", "على الأقل", "فأكثر": the lower bound is the number, inclusive.
    case atLeast = "at-least"
    /// "أقل من", "ما يقل عن": the upper bound is the number, exclusive.
    case lessThan = "less-than"
    /// "ما لا يزيد على", "على الأكثر": the upper bound is the number, inclusive.
    case atMost = "at-most"
    /// "بين 20 و30": both bounds given, inclusive.
    case between
    /// "عشرات", "مئات", "آلاف", "عشرات الآلاف" alone: tens, hundreds, thousands of. Bounds are
    /// twice the unit to ten times the unit minus one (عشرات = 20…99, مئات الآلاف = 200000…999999).
    case magnitude
    /// "بضعة", "بضع", "عدة": a few, several (3…9), times a following plural scale (بضعة آلاف = 3000…9999).
    case few

    /// Whether `lowerBound` itself is a possible value.
    public var lowerBoundIsInclusive: Bool { self != .moreThan }
    /// Whether `upperBound` itself is a possible value.
    public var upperBoundIsInclusive: Bool { self != .lessThan }
}

/// A number found in a text, written in words, digits or both, with its hedging.
///
/// Extraction turns these into casualty and displacement counts, so a count must keep what the
/// writer committed to: "أكثر من ألفي" is not 2000 but "more than 2000".
///
/// Convention for `value` when the text gives a range: it is the lower end, the most conservative
/// count the text supports (عشرات → 20, بضعة آلاف → 3000, بين 20 و30 → 20). For "أكثر من 100" it
/// is 100, the number written.
public struct NumberExpression: Hashable, Sendable {
    /// The best single value: the number written, or the lower end of a range (see the type's doc).
    public var value: Double
    /// The smallest value the text allows, when it says: "أكثر من 100" → 100 (exclusive, see
    /// `qualifier`), "عشرات" → 20. Nil when the text gives no lower limit ("نحو 1100", "أقل من 50").
    public var lowerBound: Double?
    /// The largest value the text allows, when it says: "أقل من 50" → 50 (exclusive), "عشرات" → 99.
    public var upperBound: Double?
    /// True when the text does not commit to the exact value: any qualifier but `.exact`.
    public var approximate: Bool
    /// How the number is hedged; tells whether the bounds are inclusive.
    public var qualifier: NumberQualifier
    /// The whole expression: qualifiers before and after the number included ("نحو 1100",
    /// "أكثر من ألفي", "12 شخصا على الأقل"), proclitics of its first word excluded ("بنحو" → "نحو").
    public var span: Span
    /// Only the number's own words and digits ("1100" in "نحو 1100"; "12" in "12 شخصا على الأقل"),
    /// so a caller can look for the counted noun right after it.
    public var numberSpan: Span
    /// The text `span` covers, exactly as written.
    public var text: String

    /// An expression as the recognizer reports it; public so that other modules can build fixtures.
    public init(value: Double, lowerBound: Double? = nil, upperBound: Double? = nil, approximate: Bool,
                qualifier: NumberQualifier, span: Span, numberSpan: Span, text: String) {
        self.value = value
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.approximate = approximate
        self.qualifier = qualifier
        self.span = span
        self.numberSpan = numberSpan
        self.text = text
    }
}
