import ArabicText
import Extraction

/// What makes two documents' entities one actor: the knowledge-base id, else the normalized
/// name with the entity's type and country (so "قوات الوفاق" in two articles is one actor).
package enum ActorIdentity {
    /// A document's actors with their keys, in key order (stable): the order both stores create them in.
    package static func keyed(_ entities: [DocumentEntity]) -> [(key: String, entity: DocumentEntity)] {
        entities.filter(MarsadStore.isActor).map { (key($0), $0) }.sorted { $0.key < $1.key }
    }

    package static func key(_ entity: DocumentEntity) -> String {
        if let kb = entity.kb { return "kb:" + (kb.hasPrefix("capital:") ? "country:" + kb.dropFirst(8) : kb) }
        return "name:\(SearchText.normalize(entity.name))|\(entity.type.rawValue)|\(entity.country ?? "")"
    }
}

/// The form text is indexed and searched in: diacritics, tatweel and alef variants folded, ى/ي
/// and ة/ه unified, so that "الإمارات" finds "الامارات".
public enum SearchText {
    static let normalizer = ArabicNormalizer(unifyAlefMaqsura: true, unifyTehMarbuta: true)

    public static func normalize(_ text: String) -> String {
        normalizer.normalize(ScalarText(text)).string
    }
}
