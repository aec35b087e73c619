import Foundation
import Testing
@testable import Ingest

@Suite struct ArticleParserTests {
    @Test func theDocumentIDIsTheSHA256OfTheText() {
        #expect(ArticleParser.documentID("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func htmlKeepsTheArticleTextAndDropsScriptsAndNavigation() {
        let html = """
        <html><head><title>عنوان &amp; خبر</title><meta property="article:published_time" content="2020-02-20T08:00:00Z">
        <meta property="og:site_name" content="صحيفة الاختبار"><script>var a = "<p>لا</p>";</script></head>
        <body><nav><a href="/">الرئيسية</a></nav><article><h1>وصل الوفد</h1><p>وصل الوفد إلى &laquo;طرابلس&raquo;&nbsp;أمس.</p>
        <p>وبدأت   المحادثات.<br>ثم انتهت.</p></article><footer>حقوق النشر</footer></body></html>
        """
        let page = HTMLText(html: html)
        #expect(page.text == "وصل الوفد\nوصل الوفد إلى «طرابلس» أمس.\nوبدأت المحادثات.\nثم انتهت.")
        #expect(page.title == "عنوان & خبر")
        #expect(page.published == "2020-02-20T08:00:00Z")
        #expect(page.siteName == "صحيفة الاختبار")
    }

    @Test func deeplyNestedOrBrokenHTMLIsReadInOnePass() {
        let html = String(repeating: "<div>", count: 100_000) + "نص" + "<p unclosed"
        let page = HTMLText(html: html)
        #expect(page.text.hasPrefix("نص"))
    }

    @Test func htmlMetadataFillsTheArticle() throws {
        let html = "<html><head><meta name=\"date\" content=\"2019-04-05\"></head><body><p>اندلعت اشتباكات جنوب العاصمة.</p></body></html>"
        let results = ArticleParser.parse(Data(html.utf8), source: "page.html", format: .html)
        let article = try results[0].get()
        #expect(article.published?.iso == "2019-04-05")
        #expect(article.text == "اندلعت اشتباكات جنوب العاصمة.")
    }

    @Test func aBadJSONLineIsReportedAndTheOthersRead() {
        let jsonl = """
        {"id": "a1", "text": "وصل الوفد.", "published": "2020-01-02", "outlet": "وكالة"}
        {"text": broken
        {"title": "بلا نص"}

        {"text": "غادر الوفد."}
        """
        let results = ArticleParser.parse(Data(jsonl.utf8), source: "in.jsonl", format: .jsonl)
        #expect(results.count == 4)
        let first = try? results[0].get()
        #expect(first?.source == "in.jsonl#a1")
        #expect(first?.published?.iso == "2020-01-02")
        #expect(first?.outlet == "وكالة")
        if case .failure(let error) = results[1] { #expect(error.source == "in.jsonl:2") } else { Issue.record("line 2 should fail") }
        if case .failure(let error) = results[2] { #expect(error.reason.contains("text")) } else { Issue.record("line 3 should fail") }
        #expect((try? results[3].get())?.source == "in.jsonl:5")
    }

    @Test func emptyAndBinaryInputsAreErrors() {
        #expect((try? ArticleParser.parse(Data("  \n".utf8), source: "e.txt", format: .text)[0].get()) == nil)
        #expect((try? ArticleParser.parse(Data([0x41, 0x00, 0x42]), source: "b.txt", format: .text)[0].get()) == nil)
    }
}
