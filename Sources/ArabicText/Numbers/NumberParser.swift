/// What one token can contribute to a number, worked out once per token.
struct NumberReading {
    enum Kind {
        case word(NumberWord)
        case digits(Double)
    }

    var kind: Kind
    /// Normalized scalars of proclitics in front of the word ("وسبعمائة" → 1).
    var procliticLength = 0
    /// The proclitic was و alone, so the word adds to the number before it.
    var isConjunction = false
    /// The word carried the article (only magnitudes: "الآلاف").
    var isDefinite = false
    /// The word ends in tanwin fath (ألفًا), which marks the singular accusative.
    var hasTanwin = false

    var role: NumberWordRole? {
        if case .word(let word) = kind { return word.role }
        return nil
    }

    var word: NumberWord? {
        if case .word(let word) = kind { return word }
        return nil
    }
}

/// A token prepared for number recognition.
struct NumberToken {
    var reading: NumberReading?
    /// An Arabic word of vocabulary length, for matching qualifier phrases.
    var word: PackedWord?
    /// The qualifier phrases this word can start, with the proclitic letters stripped to find them.
    var leadingQualifiers: [(phrase: QualifierPhrase, proclitic: Int)] = []
    /// The token is "و" on its own, as in "و 500" or "و١٬١٠٠" (the tokenizer splits و from digits).
    var isStandaloneAnd = false
    /// A word in Arabic script (any length), which may stand between a number and its trailing qualifier.
    var isArabicWord = false
    /// A newline separates this token from the one before it: numbers do not run across lines.
    var startsLine = false
}

/// A number's words or digits, before any qualifier: tokens `firstToken..<endToken`.
struct ParsedNumber {
    var value: Double
    var lowerBound: Double?
    var upperBound: Double?
    var qualifier: NumberQualifier
    var firstToken: Int
    var endToken: Int
}

/// Composes number words left to right, the way Arabic writes them: large to small, joined by و,
/// units before tens (خمسة وعشرون), counts before their scale (ثلاثة آلاف), digits anywhere a count goes.
///
/// Every step either consumes a component or stops, and stopping falls back to the last complete
/// number, so a parse looks at most one component past what it returns: work stays linear in the text.
struct NumberParser {
    let tokens: [NumberToken]

    private enum Stage: Equatable {
        case empty              // at the start, or right after a scale: a new group may open
        case hundreds           // a hundreds word: units or tens may follow with و
        case unit(Double)       // 1-9: عشر, tens with و, مئة or a scale may follow
        case teenHead(Double)   // أحد, اثنا …: incomplete until عشر (or و + tens for one)
        case closed             // teen, ten, tens, digits: only a scale may follow
        case fraction(Double)   // a leading fraction: incomplete until its scale (نصف مليون)
        case finished           // a trailing fraction (مليون ونصف): nothing may follow
    }

    /// The number whose first word or digits are token `start`, or nil.
    /// - Parameter allowProclitic: whether the first word may carry a proclitic ("بخمسة"); not after a
    ///   qualifier, where "نحو بخمسة" is no number.
    func parse(at start: Int, allowProclitic: Bool = true) -> ParsedNumber? {
        guard start < tokens.count, let head = tokens[start].reading else { return nil }
        if head.procliticLength > 0, !allowProclitic { return nil }
        switch head.role {
        case .magnitude?, .scalePlural?:
            return magnitude(head, at: start)
        case .few?:
            return few(head, at: start)
        case .ordinal?, .notNumber?:
            return nil
        case .ten?:
            // The عشر of "الحادي عشر" is part of an ordinal.
            if start > 0, !tokens[start].startsLine, head.procliticLength == 0,
               tokens[start - 1].reading?.role == .ordinal { return nil }
        default:
            if head.isDefinite { return nil }
        }

        var state = Accumulator()
        guard state.apply(head, conjunction: false, isFirst: true) else { return nil }
        var best: ParsedNumber? = state.isComplete ? state.result(first: start, end: start + 1) : nil
        var index = start + 1
        while let (reading, tokenIndex, conjunction) = component(at: index) {
            guard state.apply(reading, conjunction: conjunction, isFirst: false) else { break }
            index = tokenIndex + 1
            if state.isComplete { best = state.result(first: start, end: index) }
        }
        return best
    }

    /// The next component at `index`: a number token, or "و" on its own followed by one.
    private func component(at index: Int) -> (NumberReading, Int, Bool)? {
        guard index < tokens.count, !tokens[index].startsLine else { return nil }
        if tokens[index].isStandaloneAnd, index + 1 < tokens.count, !tokens[index + 1].startsLine,
           let next = tokens[index + 1].reading, next.procliticLength == 0 {
            return (next, index + 1, true)
        }
        guard let reading = tokens[index].reading else { return nil }
        if reading.procliticLength > 0, !reading.isConjunction { return nil }
        return (reading, index, reading.isConjunction)
    }

    /// "عشرات", "مئات", "آلاف", "الملايين", and "عشرات الآلاف": twice to ten times the unit.
    private func magnitude(_ head: NumberReading, at start: Int) -> ParsedNumber {
        var unit = head.word!.value
        var end = start + 1
        if let next = multiplier(at: end, above: unit) {
            unit *= next
            end += 1
        }
        return ParsedNumber(value: 2 * unit, lowerBound: 2 * unit, upperBound: 10 * unit - 1,
                            qualifier: .magnitude, firstToken: start, endToken: end)
    }

    /// "بضعة", "عدة", and "بضعة آلاف", "عدة مئات": the word's range times a following unit.
    private func few(_ head: NumberReading, at start: Int) -> ParsedNumber {
        let word = head.word!
        if let unit = multiplier(at: start + 1, above: 1), !(tokens[start + 1].reading?.isDefinite ?? false) {
            return ParsedNumber(value: word.value * unit, lowerBound: word.value * unit,
                                upperBound: (word.upper + 1) * unit - 1, qualifier: .few,
                                firstToken: start, endToken: start + 2)
        }
        return ParsedNumber(value: word.value, lowerBound: word.value, upperBound: word.upper,
                            qualifier: .few, firstToken: start, endToken: start + 1)
    }

    /// The unit of a plural scale or magnitude word at `index`, if it is larger than `unit`.
    private func multiplier(at index: Int, above unit: Double) -> Double? {
        guard index < tokens.count, !tokens[index].startsLine, let reading = tokens[index].reading,
              reading.procliticLength == 0, let word = reading.word,
              word.role == .scalePlural || word.role == .magnitude, word.value > unit else { return nil }
        return word.value
    }

    /// The running sum of a number in words: `total` holds finished scale groups, `current` the
    /// group being read (under the smallest scale so far).
    private struct Accumulator {
        var total = 0.0
        var current = 0.0
        var stage = Stage.empty
        var lastScale = Double.infinity

        var isComplete: Bool {
            switch stage {
            case .teenHead, .fraction: false
            default: true
            }
        }

        func result(first: Int, end: Int) -> ParsedNumber {
            ParsedNumber(value: total + current, lowerBound: nil, upperBound: nil, qualifier: .exact,
                         firstToken: first, endToken: end)
        }

        /// Adds one component; false (and no change) when it cannot continue this number.
        mutating func apply(_ reading: NumberReading, conjunction: Bool, isFirst: Bool) -> Bool {
            if reading.isDefinite { return false }
            // A new group opens at the start, or after a scale with و: "ألف ومئة", "مليون و500".
            let opens = stage == .empty && (isFirst || (conjunction && total > 0))
            switch reading.kind {
            case .digits(let value):
                guard opens, isFirst || value < lastScale else { return false }
                current = value
                stage = .closed
                return true
            case .word(let word):
                return apply(word, tanwin: reading.hasTanwin, conjunction: conjunction, isFirst: isFirst, opens: opens)
            }
        }

        private mutating func apply(_ word: NumberWord, tanwin: Bool, conjunction: Bool, isFirst: Bool, opens: Bool) -> Bool {
            let value = word.value
            switch word.role {
            case .unit, .teenHead:
                if opens {
                    current = value
                } else if stage == .hundreds, conjunction {
                    current += value
                } else {
                    return false
                }
                stage = word.role == .unit ? .unit(value) : .teenHead(value)
            case .ten:
                switch stage {
                case .unit where !conjunction, .teenHead where !conjunction:
                    current += value
                case .hundreds where conjunction:
                    current += value
                default:
                    guard opens else { return false }
                    current = value
                }
                stage = .closed
            case .tens:
                switch stage {
                case .hundreds where conjunction, .unit where conjunction, .teenHead(1) where conjunction:
                    current += value
                default:
                    guard opens else { return false }
                    current = value
                }
                stage = .closed
            case .hundreds:
                if case .unit(let unit) = stage, value == 100, !conjunction, unit >= 3, current == unit {
                    current = unit * 100    // ثلاث مئة
                } else if opens {
                    current = value
                } else {
                    return false
                }
                stage = .hundreds
            case .scale, .scaleDual, .scaleAccusative, .scalePlural:
                return applyScale(word, tanwin: tanwin, conjunction: conjunction, isFirst: isFirst, opens: opens)
            case .fraction:
                if isFirst {
                    stage = .fraction(value)
                } else if stage == .empty, conjunction, total > 0, lastScale.isFinite {
                    total += value * lastScale      // مليون ونصف
                    stage = .finished
                } else {
                    return false
                }
            case .magnitude, .few, .ordinal, .notNumber:
                return false
            }
            return true
        }

        private mutating func applyScale(_ word: NumberWord, tanwin: Bool, conjunction: Bool, isFirst: Bool, opens: Bool) -> Bool {
            let scale = word.value
            guard scale < lastScale else { return false }
            switch stage {
            case .unit, .hundreds, .closed:
                // A count before the scale multiplies it: ثلاثة آلاف، مئة ألف، عشرون ألفًا، 1.5 مليار.
                guard !conjunction, word.role != .scaleDual else { return false }
                total += current * scale
                current = 0
            case .fraction(let part):
                guard !conjunction, word.role == .scale || (word.role == .scaleAccusative && tanwin) else { return false }
                total += part * scale
            case .empty:
                guard opens, word.role != .scalePlural else { return false }
                let twice = word.role == .scaleDual || (word.role == .scaleAccusative && !tanwin)
                total += twice ? 2 * scale : scale
            case .teenHead, .finished:
                return false
            }
            stage = .empty
            lastScale = scale
            return true
        }
    }
}
