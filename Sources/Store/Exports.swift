/// Writes fused events and the actor network in the formats analysts load elsewhere: CSV with
/// the columns an ACLED or ICEWS user expects, and GraphML for Gephi.
public enum Exports {
    public static let csvColumns = ["event_id", "date", "type", "mode", "cameo", "source", "source_country", "target", "target_country",
                                    "location", "lat", "lon", "fatalities", "injured", "sources", "report_count", "modality", "evidence"]

    /// One CSV row per fused event (RFC 4180 quoting).
    public static func csvRow(_ event: FusedEventRecord) -> String {
        let sources = Array(Set(event.reports.map { $0.outlet ?? $0.source })).sorted().joined(separator: "; ")
        let modalities = Array(Set(event.reports.map(\.modality))).sorted().joined(separator: "|")
        let evidence = event.reports.map { "\($0.document.prefix(12)):\($0.trigger.start)-\($0.trigger.end) \($0.trigger.text ?? "")" }.joined(separator: "; ")
        let fields: [String?] = [
            String(event.id), event.date, event.type, event.mode, event.cameo, event.source?.name, event.source?.country, event.target?.name,
            event.target?.country, event.location?.name, event.location?.lat.map { String($0) }, event.location?.lon.map { String($0) },
            event.fatalities.map(String.init), event.injured.map(String.init), sources, String(event.reportCount), modalities, evidence,
        ]
        return fields.map { csvField($0 ?? "") }.joined(separator: ",")
    }

    public static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The actor network as GraphML: actors as nodes (name, type, country, CAMEO), one edge per
    /// actor pair and event type, weighted by the number of fused events.
    public static func graphML(_ graph: NetworkGraph) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="name" for="node" attr.name="name" attr.type="string"/>
              <key id="type" for="node" attr.name="type" attr.type="string"/>
              <key id="country" for="node" attr.name="country" attr.type="string"/>
              <key id="cameo" for="node" attr.name="cameo" attr.type="string"/>
              <key id="event" for="edge" attr.name="event_type" attr.type="string"/>
              <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
              <graph id="marsad" edgedefault="directed">

            """
        for node in graph.nodes {
            out += "    <node id=\"a\(node.id)\"><data key=\"name\">\(xml(node.name))</data><data key=\"type\">\(xml(node.type))</data>"
            out += "<data key=\"country\">\(xml(node.country ?? ""))</data><data key=\"cameo\">\(xml(node.cameo ?? ""))</data></node>\n"
        }
        for (n, edge) in graph.edges.enumerated() {
            out += "    <edge id=\"e\(n)\" source=\"a\(edge.source)\" target=\"a\(edge.target)\"><data key=\"event\">\(xml(edge.type))</data>"
            out += "<data key=\"weight\">\(edge.weight)</data></edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    /// Text escaped for XML content and attributes; characters XML 1.0 forbids are dropped.
    public static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                if v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000 {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
