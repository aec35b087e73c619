import ArabicText
import Foundation

/// Reads a corpus for training and benchmarks: a directory of `.txt` files, one `.txt` file,
/// or a `.jsonl` file whose objects carry the article in a `text` field.
enum CorpusReader {
    /// The texts of a corpus; with `limit` > 0 only the first `limit`.
    static func texts(_ path: String, limit: Int) throws(InputError) -> [String] {
        let all = try texts(path)
        return limit > 0 ? Array(all.prefix(limit)) : all
    }

    static func texts(_ path: String) throws(InputError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
        if isDirectory.boolValue {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".jsonl") }.sorted()
            } catch {
                throw .unreadable(path: path, reason: error.localizedDescription)
            }
            var texts: [String] = []
            for name in names { texts += try self.texts((path as NSString).appendingPathComponent(name)) }
            return texts
        }
        let content = try InputFiles.text(path)
        guard path.hasSuffix(".jsonl") else { return [content] }
        var texts: [String] = []
        for (number, line) in content.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = object["text"] as? String else {
                throw .badData(path: "\(path):\(number + 1)", reason: "not a JSON object with a string field \"text\"")
            }
            texts.append(text)
        }
        return texts
    }
}
