import Foundation

/// The readable text of an HTML page and what its head says about it.
///
/// A tolerant single pass over the markup, with no recursion, so that broken or deeply nested
/// pages cost time linear in their size: scripts, styles, navigation, headers, footers, forms and
/// asides are dropped; block elements become line breaks; character references are decoded.
/// When the page has an `<article>` element, only its text is kept.
public struct HTMLText: Sendable, Equatable {
    public var text: String
    public var title: String?
    /// `article:published_time`, `datePublished` or `date` from the page's meta tags, as written.
    public var published: String?
    /// `og:site_name` or `application-name`.
    public var siteName: String?

    /// Elements whose content is never article text.
    static let dropped: Set<String> = ["script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
                                       "form", "iframe", "button", "select", "textarea", "head", "menu", "figure"]
    /// Elements that end a line of text.
    static let blocks: Set<String> = ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
                                      "article", "section", "blockquote", "figcaption", "main", "dd", "dt", "hr", "pre", "body"]

    public init(html: String) {
        let scalars = Array(html.unicodeScalars)
        var all = String.UnicodeScalarView(), inArticle = String.UnicodeScalarView()
        var droppedDepth = 0, droppedTag: String?
        var articleDepth = 0, sawArticle = false
        var titleText: String.UnicodeScalarView?, title: String?, published: String?, siteName: String?
        var i = 0
        func emit(_ s: some Sequence<Unicode.Scalar>) {
            if let t = titleText { var t = t; t.append(contentsOf: s); titleText = t; return }
            guard droppedDepth == 0 else { return }
            all.append(contentsOf: s)
            if articleDepth > 0 { inArticle.append(contentsOf: s) }
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "<" {
                // A comment or declaration: skip to its end.
                if Self.hasPrefix(scalars, i, "<!--") {
                    i = Self.find(scalars, "-->", from: i + 4).map { $0 + 3 } ?? scalars.count
                    continue
                }
                guard let close = Self.find(scalars, ">", from: i + 1) else { emit(scalars[i...]); break }
                let tag = Self.parseTag(scalars[(i + 1)..<close])
                i = close + 1
                guard let tag else { continue }
                if tag.name == "title", !tag.closing, droppedDepth <= 1 { titleText = String.UnicodeScalarView(); continue }
                if tag.name == "title", tag.closing, let t = titleText {
                    title = Self.collapse(Self.decode(String(t)))
                    titleText = nil
                    continue
                }
                if tag.name == "meta" {
                    let key = (tag.attributes["property"] ?? tag.attributes["name"] ?? tag.attributes["itemprop"] ?? "").lowercased()
                    if let content = tag.attributes["content"] {
                        if ["article:published_time", "datepublished", "date", "pubdate", "publish-date"].contains(key) { published = published ?? content }
                        if ["og:site_name", "application-name"].contains(key) { siteName = siteName ?? Self.decode(content) }
                        if key == "og:title", title == nil { title = Self.decode(content) }
                    }
                    continue
                }
                if Self.dropped.contains(tag.name) {
                    if droppedTag == nil || droppedTag == tag.name {
                        if tag.closing {
                            droppedDepth = max(0, droppedDepth - 1)
                            if droppedDepth == 0 { droppedTag = nil }
                        } else if !tag.selfClosing {
                            droppedDepth += 1
                            droppedTag = tag.name
                        }
                    }
                    continue
                }
                if tag.name == "article" {
                    if tag.closing { articleDepth = max(0, articleDepth - 1) } else if droppedDepth == 0 { articleDepth += 1; sawArticle = true }
                }
                if Self.blocks.contains(tag.name) { emit("\n".unicodeScalars) }
                continue
            }
            // Text up to the next tag.
            var j = i
            while j < scalars.count, scalars[j] != "<" { j += 1 }
            emit(scalars[i..<j])
            i = j
        }
        let chosen = sawArticle && !inArticle.isEmpty ? inArticle : all
        let lines = Self.decode(String(chosen)).split(separator: "\n", omittingEmptySubsequences: true).map { Self.collapse(String($0)) }
        text = lines.filter { !$0.isEmpty }.joined(separator: "\n")
        self.title = title.flatMap { $0.isEmpty ? nil : $0 }
        self.published = published
        self.siteName = siteName
    }

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [String: String]
    }

    /// Reads `name attr="v" attr2='v' attr3=v` or `/name`; nil for `!DOCTYPE` and `?xml`.
    static func parseTag(_ body: ArraySlice<Unicode.Scalar>) -> Tag? {
        var s = body.startIndex
        guard s < body.endIndex, body[s] != "!", body[s] != "?" else { return nil }
        var closing = false
        if body[s] == "/" { closing = true; s += 1 }
        var name = String.UnicodeScalarView()
        while s < body.endIndex, !isSpace(body[s]), body[s] != "/", body[s] != ">" { name.append(body[s]); s += 1 }
        var attributes: [String: String] = [:]
        while s < body.endIndex {
            while s < body.endIndex, isSpace(body[s]) || body[s] == "/" { s += 1 }
            var key = String.UnicodeScalarView()
            while s < body.endIndex, !isSpace(body[s]), body[s] != "=", body[s] != "/" { key.append(body[s]); s += 1 }
            while s < body.endIndex, isSpace(body[s]) { s += 1 }
            var value = String.UnicodeScalarView()
            if s < body.endIndex, body[s] == "=" {
                s += 1
                while s < body.endIndex, isSpace(body[s]) { s += 1 }
                if s < body.endIndex, body[s] == "\"" || body[s] == "'" {
                    let quote = body[s]
                    s += 1
                    while s < body.endIndex, body[s] != quote { value.append(body[s]); s += 1 }
                    s += 1
                } else {
                    while s < body.endIndex, !isSpace(body[s]) { value.append(body[s]); s += 1 }
                }
            }
            if !key.isEmpty { attributes[String(key).lowercased()] = String(value) }
        }
        let selfClosing = body.last == "/"
        return Tag(name: String(name).lowercased(), closing: closing, selfClosing: selfClosing, attributes: attributes)
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }

    static func hasPrefix(_ scalars: [Unicode.Scalar], _ at: Int, _ prefix: String) -> Bool {
        var i = at
        for p in prefix.unicodeScalars {
            guard i < scalars.count, scalars[i] == p else { return false }
            i += 1
        }
        return true
    }

    static func find(_ scalars: [Unicode.Scalar], _ needle: String, from start: Int) -> Int? {
        let first = needle.unicodeScalars.first!
        var i = start
        while i < scalars.count {
            if scalars[i] == first, hasPrefix(scalars, i, needle) { return i }
            i += 1
        }
        return nil
    }

    /// Named references news pages use, and numeric ones (&#1575; &#x627;).
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "laquo": "«", "raquo": "»",
        "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "zwnj": "\u{200C}",
        "zwj": "\u{200D}", "rlm": "\u{200F}", "lrm": "\u{200E}", "middot": "·", "bull": "•", "copy": "©",
    ]

    static func decode(_ string: String) -> String {
        guard string.contains("&") else { return string }
        var out = String.UnicodeScalarView()
        let scalars = Array(string.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&", let semicolon = scalars[(i + 1)..<min(scalars.count, i + 12)].firstIndex(of: ";") else {
                out.append(scalars[i])
                i += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = entities[name]
            }
            if let replacement, !replacement.unicodeScalars.contains(where: { $0.value == 0 }) {
                out.append(contentsOf: replacement.unicodeScalars)
                i = semicolon + 1
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Runs of spaces and tabs become one space; the ends are trimmed.
    static func collapse(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for c in line.unicodeScalars {
            if isSpace(c) || c == "\u{A0}" {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                space = false
                out.append(c)
            }
        }
        return String(out)
    }
}
