import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One entry of an RSS or Atom feed: the article's address and what the feed says about it.
public struct FeedItem: Sendable, Equatable {
    public var link: String
    public var title: String?
    /// The entry's date as written (RFC 822 in RSS, ISO 8601 in Atom).
    public var published: String?
}

/// Reads the entries of an RSS 2.0 or Atom feed.
public enum FeedParser {
    /// Whether bytes look like a feed rather than a page.
    public static func isFeed(_ bytes: Data) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
    }

    public static func items(_ bytes: Data) throws -> [FeedItem] {
        let delegate = Delegate()
        let parser = XMLParser(data: bytes)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        // A document cut short is an error even where the parser reports success.
        guard parser.parse(), parser.parserError == nil, delegate.closedRoot else {
            throw IngestError(source: "feed", reason: "not a well-formed RSS or Atom feed: \(parser.parserError.map { "\($0)" } ?? "parse error")")
        }
        return delegate.items
    }

    /// The calendar day of a feed date: RFC 822 ("Thu, 20 Feb 2020 09:00:00 GMT") or ISO 8601.
    public static func day(_ text: String) -> String? {
        if let date = ArticleParser.date(text) { return date.iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                formatter.dateFormat = "yyyy-MM-dd"
                return formatter.string(from: date)
            }
        }
        return nil
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var items: [FeedItem] = []
        /// The document's root element was closed: the feed was read to its end.
        var closedRoot = false
        private var current: FeedItem?
        private var text = ""
        private var depth = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let local = name.split(separator: ":").last.map(String.init) ?? name
            text = ""
            depth += 1
            if local == "item" || local == "entry" { current = FeedItem(link: "") }
            // Atom: <link href="…" rel="alternate"/>
            if local == "link", current != nil, let href = attributes["href"], attributes["rel"] ?? "alternate" == "alternate" {
                current?.link = href
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let local = name.split(separator: ":").last.map(String.init) ?? name
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            depth -= 1
            if depth == 0 { closedRoot = true }
            switch local {
            case "link" where current != nil && current?.link.isEmpty == true && !value.isEmpty: current?.link = value
            case "title" where current != nil: current?.title = value
            case "pubDate", "published", "updated", "date":
                if current != nil, current?.published == nil { current?.published = value }
            case "item", "entry":
                if let item = current, !item.link.isEmpty { items.append(item) }
                current = nil
            default: break
            }
            text = ""
        }
    }
}
