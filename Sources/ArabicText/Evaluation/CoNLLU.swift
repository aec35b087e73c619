/// A sentence of a CoNLL-U file, reduced to what segmentation needs: its text and, for each
/// orthographic token, its surface form and the forms of its syntactic words.
public struct CoNLLUSentence: Hashable, Sendable {
    public struct Token: Hashable, Sendable {
        public var form: String
        public var words: [String]
        public var isMultiword: Bool

        public init(form: String, words: [String], isMultiword: Bool) {
            self.form = form
            self.words = words
            self.isMultiword = isMultiword
        }
    }

    public var id: String?
    public var text: String?
    public var tokens: [Token]

    /// The sentence text from `# text`, else the tokens joined by spaces.
    public var textOrTokens: String { text ?? tokens.map(\.form).joined(separator: " ") }
}

/// A CoNLL-U line that cannot be read.
public struct CoNLLUError: Error, CustomStringConvertible, Sendable, Equatable {
    public let line: Int
    public let reason: String
    public var description: String { "line \(line): \(reason)" }
}

/// Reads and writes the CoNLL-U format of Universal Dependencies (10 tab-separated columns,
/// `i-j` ranges for multi-word tokens, `#` comments, blank line after each sentence).
public enum CoNLLU {
    public static func parse(_ content: String) throws(CoNLLUError) -> [CoNLLUSentence] {
        var sentences: [CoNLLUSentence] = []
        var current = CoNLLUSentence(id: nil, text: nil, tokens: [])
        var pendingWords = 0
        var lineNumber = 0
        func finish() {
            if !current.tokens.isEmpty { sentences.append(current) }
            current = CoNLLUSentence(id: nil, text: nil, tokens: [])
        }
        for rawLine in content.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                if pendingWords > 0 { throw CoNLLUError(line: lineNumber, reason: "sentence ends inside a multi-word token") }
                finish()
                continue
            }
            if line.hasPrefix("#") {
                if let value = commentValue(line, "sent_id") { current.id = value }
                if let value = commentValue(line, "text") { current.text = value }
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 10 else {
                throw CoNLLUError(line: lineNumber, reason: "expected 10 tab-separated columns, found \(columns.count)")
            }
            let id = columns[0]
            let form = String(columns[1])
            if id.contains(".") { continue }  // empty nodes carry no text
            if let dash = id.firstIndex(of: "-") {
                guard let first = Int(id[..<dash]), let last = Int(id[id.index(after: dash)...]), last >= first else {
                    throw CoNLLUError(line: lineNumber, reason: "bad multi-word token range '\(id)'")
                }
                current.tokens.append(.init(form: form, words: [], isMultiword: true))
                pendingWords = last - first + 1
                continue
            }
            guard Int(id) != nil else { throw CoNLLUError(line: lineNumber, reason: "bad word ID '\(id)'") }
            guard !form.isEmpty else { throw CoNLLUError(line: lineNumber, reason: "empty FORM") }
            if pendingWords > 0 {
                current.tokens[current.tokens.count - 1].words.append(form)
                pendingWords -= 1
            } else {
                current.tokens.append(.init(form: form, words: [form], isMultiword: false))
            }
        }
        if pendingWords > 0 { throw CoNLLUError(line: lineNumber, reason: "file ends inside a multi-word token") }
        finish()
        return sentences
    }

    private static func commentValue(_ line: Substring, _ key: String) -> String? {
        let body = line.dropFirst().drop { $0 == " " }
        guard body.hasPrefix(key) else { return nil }
        let rest = body.dropFirst(key.count).drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        return String(rest.dropFirst().drop { $0 == " " })
    }

    /// One sentence as CoNLL-U that the CoNLL 2018 evaluation script accepts: a multi-word
    /// token line for each token that splits, a word line per segment; every word is attached
    /// to the first so the (unparsed) sentence is a valid tree.
    public static func format(id: String, text: String, tokens: [SegmentedToken], source: ScalarText) -> String {
        var out = "# sent_id = \(id)\n# text = \(text)\n"
        var wordID = 1
        for (n, token) in tokens.enumerated() {
            let spaceAfter = n + 1 < tokens.count && tokens[n + 1].token.span.start == token.token.span.end ? "SpaceAfter=No" : "_"
            let surface = source.text(token.token.span)
            if token.isMultiword {
                out += "\(wordID)-\(wordID + token.segments.count - 1)\t\(surface)\t_\t_\t_\t_\t_\t_\t_\t\(spaceAfter)\n"
                for segment in token.segments {
                    out += wordLine(wordID, segment.form, misc: "_")
                    wordID += 1
                }
            } else {
                out += wordLine(wordID, surface, misc: spaceAfter)
                wordID += 1
            }
        }
        return out + "\n"
    }

    private static func wordLine(_ id: Int, _ form: String, misc: String) -> String {
        "\(id)\t\(form)\t_\t_\t_\t_\t\(id == 1 ? 0 : 1)\t\(id == 1 ? "root" : "dep")\t_\t\(misc)\n"
    }
}
