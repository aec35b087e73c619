import ArabicText
import Crypto
import Extraction
import Foundation

/// Why an input could not be read as an article: which input, where, and what was wrong.
public struct IngestError: Error, CustomStringConvertible, Sendable {
    /// The file, `FILE:LINE` for a JSONL line, or a URL.
    public var source: String
    public var reason: String

    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): \(reason)" }
}

/// The kinds of input Marsad reads articles from.
public enum ArticleFormat: String, Sendable, CaseIterable {
    case text, html, jsonl

    /// The format a file name's extension says, nil for files Marsad does not read.
    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "txt", "text": self = .text
        case "html", "htm", "xhtml": self = .html
        case "jsonl", "ndjson": self = .jsonl
        default: return nil
        }
    }
}

/// Turns the bytes of an input into articles: plain text, an HTML page (its readable text and
/// meta tags), or JSON Lines with one article per line (`text`, and optional `id`, `title`,
/// `published`, `outlet`, `url`). A bad JSONL line is reported and the other lines still read.
public enum ArticleParser {
    /// The document id Marsad keys a text by: SHA-256 of its UTF-8 bytes, in hex.
    public static func documentID(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Articles read from one input; each element is an article or the error of one part.
    public static func parse(_ bytes: Data, source: String, format: ArticleFormat) -> [Result<Article, IngestError>] {
        switch format {
        case .text:
            return [decode(bytes, source: source).map { text in Article(text: text, id: documentID(text), source: source) }]
        case .html:
            return [decode(bytes, source: source).flatMap { html in
                let page = HTMLText(html: html)
                guard !page.text.isEmpty else { return .failure(IngestError(source: source, reason: "the HTML page has no article text")) }
                return .success(Article(text: page.text, id: documentID(page.text), source: source,
                                        published: page.published.flatMap(date), outlet: page.siteName, title: page.title))
            }]
        case .jsonl:
            return jsonl(bytes, source: source)
        }
    }

    static func decode(_ bytes: Data, source: String) -> Result<String, IngestError> {
        do {
            let text = try TextDecoder.decode(bytes)
            guard !text.unicodeScalars.allSatisfy({ ScalarClass.isWhitespace($0.value) }) else {
                return .failure(IngestError(source: source, reason: "empty: no text to read"))
            }
            return .success(text)
        } catch {
            return .failure(IngestError(source: source, reason: "\(error)"))
        }
    }

    /// The calendar day at the start of an ISO 8601 date or timestamp ("2020-02-20T09:00:00Z").
    public static func date(_ string: String) -> CalendarDate? {
        CalendarDate(iso: String(string.prefix(10)))
    }

    static func jsonl(_ bytes: Data, source: String) -> [Result<Article, IngestError>] {
        var out: [Result<Article, IngestError>] = []
        for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
            let lineSource = "\(source):\(number + 1)"
            guard case .success(let lineText) = decode(Data(line), source: lineSource),
                  let object = try? JSONSerialization.jsonObject(with: Data(lineText.utf8)) as? [String: Any] else {
                out.append(.failure(IngestError(source: lineSource, reason: "not valid JSON (one UTF-8 object per line expected)")))
                continue
            }
            guard let text = object["text"] as? String, !text.unicodeScalars.allSatisfy({ ScalarClass.isWhitespace($0.value) }) else {
                out.append(.failure(IngestError(source: lineSource, reason: "no non-empty string field \"text\"")))
                continue
            }
            let id = (object["id"] as? String) ?? (object["id"] as? Int).map(String.init)
            var published: CalendarDate?
            if let value = object["published"] as? String ?? object["date"] as? String {
                guard let date = date(value) else {
                    out.append(.failure(IngestError(source: lineSource, reason: "\"published\" is not a date (YYYY-MM-DD): \(value)")))
                    continue
                }
                published = date
            }
            let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
            out.append(.success(Article(text: normalized, id: documentID(normalized), source: id.map { "\(source)#\($0)" } ?? lineSource,
                                        published: published, outlet: object["outlet"] as? String, title: object["title"] as? String)))
        }
        return out
    }
}
