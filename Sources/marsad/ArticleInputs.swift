import Extraction
import Foundation
import Ingest

/// The articles of the paths a command was given, and what could not be read. A directory
/// gives its `.txt`, `.html` and `.jsonl` files sorted by name; `-` is standard input as text.
struct ArticleInputs {
    struct Failure: CustomStringConvertible {
        var error: IngestError
        /// The path does not exist (exit code 66 rather than 65).
        var missing: Bool
        var description: String { error.description }
    }

    var articles: [Article] = []
    var errors: [Failure] = []

    static func read(_ paths: [String]) -> ArticleInputs {
        var inputs = ArticleInputs()
        for path in paths { inputs.add(path) }
        return inputs
    }

    private mutating func add(_ path: String) {
        var isDirectory: ObjCBool = false
        guard path == "-" || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            errors.append(Failure(error: IngestError(source: path, reason: "no such file"), missing: true))
            return
        }
        if isDirectory.boolValue {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                errors.append(Failure(error: IngestError(source: path, reason: "cannot list the directory"), missing: false))
                return
            }
            for name in names.sorted() where ArticleFormat(path: name) != nil && !name.hasPrefix(".") {
                add((path as NSString).appendingPathComponent(name))
            }
            return
        }
        do {
            let bytes = try InputFiles.bytes(path)
            take(ArticleParser.parse(bytes, source: path, format: ArticleFormat(path: path) ?? .text))
        } catch {
            let missing = if case .missing = error { true } else { false }
            // InputError's message already names the input.
            let reason = error.description.hasPrefix("\(path): ") ? String(error.description.dropFirst(path.count + 2)) : error.description
            errors.append(Failure(error: IngestError(source: path, reason: reason), missing: missing))
        }
    }

    private mutating func take(_ results: [Result<Article, IngestError>]) {
        for result in results {
            switch result {
            case .success(let article): articles.append(article)
            case .failure(let error): errors.append(Failure(error: error, missing: false))
            }
        }
    }
}
