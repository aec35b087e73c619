import ArabicText
import Knowledge

/// Lists the attributed statements of a document as claims and links those that contradict:
/// two speakers on the same kind of act against the same target or at the same place, one
/// asserting and one denying it, or each naming a different perpetrator.
struct ClaimLinker {
    func claims(_ events: [Event]) -> [Claim] {
        var claims: [Claim] = []
        var about: [Event] = []
        for event in events {
            guard let attribution = event.attribution, attribution.speaker != nil else { continue }
            claims.append(Claim(id: "C\(claims.count + 1)", speaker: attribution.speaker, statement: event.sentence, conflictsWith: [], event: event.id))
            about.append(event)
        }
        // Only claims about the same kind of act can contradict: compare within each type.
        let byType = Dictionary(grouping: claims.indices, by: { about[$0].type })
        for indices in byType.values {
            for (n, i) in indices.enumerated() {
                for j in indices[(n + 1)...] where contradict(about[i], about[j]) {
                    claims[i].conflictsWith.append(claims[j].id)
                    claims[j].conflictsWith.append(claims[i].id)
                }
            }
        }
        return claims
    }

    private func contradict(_ a: Event, _ b: Event) -> Bool {
        guard a.type == b.type, speakerKey(a) != speakerKey(b) else { return false }
        let sameObject = (a.target != nil && a.target?.entity == b.target?.entity) || (a.location != nil && a.location?.entity == b.location?.entity)
        guard sameObject else { return false }
        let denial = (a.modality == .denied) != (b.modality == .denied)
        let otherCulprit = a.source != nil && b.source != nil && a.source?.entity != b.source?.entity && a.modality == b.modality
        return denial || otherCulprit
    }

    private func speakerKey(_ event: Event) -> String {
        guard let speaker = event.attribution?.speaker else { return "-" }
        return speaker.entity ?? "\(speaker.span.start)"
    }
}
