import Foundation
import Testing
@testable import Ingest

@Suite struct FeedParserTests {
    @Test func atomEntriesGiveTheirAlternateLinksAndDates() throws {
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>موقع</title>
            <entry><title>خبر أول</title><link rel="alternate" href="https://example.org/a"/><link rel="edit" href="https://example.org/edit/a"/>
            <published>2020-02-20T08:00:00Z</published></entry>
            <entry><title><![CDATA[خبر <ثان>]]></title><link href="https://example.org/b"/><updated>2020-02-21T08:00:00Z</updated></entry>
            </feed>
            """
        #expect(FeedParser.isFeed(Data(atom.utf8)))
        let items = try FeedParser.items(Data(atom.utf8))
        #expect(items == [FeedItem(link: "https://example.org/a", title: "خبر أول", published: "2020-02-20T08:00:00Z"),
                          FeedItem(link: "https://example.org/b", title: "خبر <ثان>", published: "2020-02-21T08:00:00Z")])
        #expect(FeedParser.day("Thu, 20 Feb 2020 23:30:00 GMT") == "2020-02-20")
        #expect(FeedParser.day(items[1].published!) == "2020-02-21")
    }

    @Test func aBrokenFeedIsAnErrorAndAPageIsNotAFeed() {
        #expect(throws: IngestError.self) { try FeedParser.items(Data("<rss><channel><item><link>x</link>".utf8)) }
        #expect(!FeedParser.isFeed(Data("<html><body>نص</body></html>".utf8)))
    }
}
