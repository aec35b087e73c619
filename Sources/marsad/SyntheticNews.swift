import ArabicText
import Extraction
import Foundation
import Ingest
import Store

/// Arabic sentences written from templates for load tests: actors, acts, places and dates vary,
/// and each article goes through the real extraction, so the store looks like a real one.
enum SyntheticNews {
    static let actors = ["قوات حفتر", "حكومة الوفاق", "روسيا", "تركيا", "مصر", "الإمارات", "فرنسا", "إيطاليا", "الأمم المتحدة", "الجزائر",
                         "تونس", "قطر", "السعودية", "الولايات المتحدة", "الاتحاد الأوروبي", "المجلس الرئاسي", "مجلس النواب", "اليونان"]
    static let places = ["طرابلس", "بنغازي", "مصراتة", "سرت", "غريان", "ترهونة", "الزاوية", "سبها", "القاهرة", "أنقرة", "موسكو", "تونس"]
    static let months = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
    /// Templates: A and B are actors, P a place.
    static let templates = ["قصفت A مواقع B في P", "التقى وفد من A وفدا من B في P", "اتهمت A B بخرق الهدنة في P", "دعت A B إلى وقف القتال في P",
                            "وقعت A و B اتفاقا للتعاون في P", "اعتقلت A عناصر من B في P", "أدانت A هجوم B على P", "رفضت A مبادرة B بشأن P"]

    static func article(_ n: Int, random: inout SeededGenerator) -> String {
        var sentences: [String] = []
        for _ in 0..<6 {
            let a = actors.randomElement(using: &random)!
            var b = actors.randomElement(using: &random)!
            while b == a { b = actors.randomElement(using: &random)! }
            let template = templates.randomElement(using: &random)!
            let place = places.randomElement(using: &random)!
            let date = "\(Int.random(in: 1...28, using: &random)) \(months.randomElement(using: &random)!) \(Int.random(in: 2019...2021, using: &random))"
            sentences.append(template.replacingOccurrences(of: "A", with: a).replacingOccurrences(of: "B", with: b)
                .replacingOccurrences(of: "P", with: place) + " يوم " + date + ".")
        }
        return "تقرير رقم \(n)\n" + sentences.joined(separator: "\n")
    }

    /// Ingests synthetic articles until the store holds `events` fused events.
    static func fill(_ store: any EventStore, events: Int, extractor: DocumentExtractor) async throws {
        var random = SeededGenerator(seed: 2020)
        var n = 0
        while try await store.counts().events < events {
            var batch: [Article] = []
            for _ in 0..<256 {
                let text = article(n, random: &random)
                batch.append(Article(text: text, id: ArticleParser.documentID(text), source: "synthetic:\(n)", published: CalendarDate(iso: "2021-12-31")))
                n += 1
            }
            try await ParallelMap.forEach(batch, map: { extractor.extract($0) }) { try await store.ingest($0, extractor: DocumentExtractor.version) }
        }
    }
}
