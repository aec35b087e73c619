import ArabicText

/// Words that announce a name without being one, from the hand-written lexicons in
/// `Resources/lexicons/`: given names, person titles, and the head words of organization,
/// place and event names.
public enum Cue: Int, Sendable, CaseIterable {
    case givenName, nameParticle, personTitle, organizationWord, locationWord, miscellaneousWord

    /// The lexicon file of each cue.
    var file: String {
        switch self {
        case .givenName: "given-names"
        case .nameParticle: "family-name-particles"
        case .personTitle: "person-titles"
        case .organizationWord: "org-triggers"
        case .locationWord: "location-triggers"
        case .miscellaneousWord: "misc-triggers"
        }
    }
}

extension KnowledgeBase {
    /// Adds a cue lexicon: the first column of every row is a word or phrase of that cue.
    public mutating func loadCues(_ table: TSVTable, as cue: Cue) {
        for row in table.rows {
            guard let first = row.first, !first.isEmpty else { continue }
            cues.insert(phrase: first, cue)
            for variant in first.split(separator: "|").dropFirst() { cues.insert(phrase: variant, cue) }
        }
    }
}
