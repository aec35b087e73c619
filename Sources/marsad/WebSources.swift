import ArabicText
import Extraction
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Ingest

/// Fetches articles over HTTP(S): an article page, or a feed whose items are fetched once each.
struct WebSources {
    /// Item links already fetched (by this process), so a watched feed fetches only new items.
    var seen: Set<String> = []
    let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        configuration.httpAdditionalHeaders = ["User-Agent": "Marsad/1 (+https://github.com/marsad)"]
        return URLSession(configuration: configuration)
    }()

    static func isURL(_ source: String) -> Bool { source.hasPrefix("http://") || source.hasPrefix("https://") }

    /// The articles behind a URL, and the errors of the parts that failed.
    mutating func articles(from address: String) async -> (articles: [Article], errors: [IngestError]) {
        guard let url = URL(string: address) else { return ([], [IngestError(source: address, reason: "not a valid URL")]) }
        let bytes: Data
        do {
            bytes = try await fetch(url)
        } catch {
            return ([], [IngestError(source: address, reason: "\(error)")])
        }
        guard FeedParser.isFeed(bytes) else {
            return Self.split(ArticleParser.parse(bytes, source: address, format: .html))
        }
        let items: [FeedItem]
        do {
            items = try FeedParser.items(bytes)
        } catch {
            return ([], [IngestError(source: address, reason: "\(error)")])
        }
        var articles: [Article] = [], errors: [IngestError] = []
        for item in items where !seen.contains(item.link) {
            seen.insert(item.link)
            guard let itemURL = URL(string: item.link, relativeTo: url)?.absoluteURL else {
                errors.append(IngestError(source: item.link, reason: "not a valid URL"))
                continue
            }
            do {
                let (found, failed) = Self.split(ArticleParser.parse(try await fetch(itemURL), source: itemURL.absoluteString, format: .html))
                errors += failed
                for var article in found {
                    if article.published == nil { article.published = item.published.flatMap(FeedParser.day).flatMap(CalendarDate.init(iso:)) }
                    if article.title == nil { article.title = item.title }
                    articles.append(article)
                }
            } catch {
                errors.append(IngestError(source: itemURL.absoluteString, reason: "\(error)"))
            }
        }
        return (articles, errors)
    }

    private func fetch(_ url: URL) async throws -> Data {
        let (data, response) = try await session.data(from: url)
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            throw IngestError(source: url.absoluteString, reason: "HTTP status \(http.statusCode)")
        }
        guard data.count <= InputFiles.maximumBytes else {
            throw IngestError(source: url.absoluteString, reason: "larger than \(InputFiles.maximumBytes) bytes")
        }
        return data
    }

    static func split(_ results: [Result<Article, IngestError>]) -> ([Article], [IngestError]) {
        var articles: [Article] = [], errors: [IngestError] = []
        for result in results {
            switch result {
            case .success(let article): articles.append(article)
            case .failure(let error): errors.append(error)
            }
        }
        return (articles, errors)
    }
}
