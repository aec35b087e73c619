import Foundation

/// Why a bundled lexicon could not be read; a packaging bug, never a user's input.
public struct ResourceError: Error, CustomStringConvertible, Sendable {
    public let name: String
    public let reason: String
    public var description: String { "bundled resource \(name): \(reason)" }

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}

/// Reads the lexicons and models that ship inside the ArabicText module.
///
/// Resources are TSV files with a header line; lines starting with `#` are comments saying
/// where the facts come from. This is the module's only I/O.
public enum BundledResources {
    public static func text(_ name: String) throws -> String {
        // The folder is copied whole; platforms differ on whether resourceURL already points into it.
        let candidates = [Bundle.module.bundleURL.appendingPathComponent("Resources"), Bundle.module.resourceURL]
            .compactMap { $0?.appendingPathComponent(name) }
        let url = candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ResourceError(name: name, reason: "cannot be read at \(url.path)")
        }
    }

    /// The rows of a bundled TSV table, header and comments skipped, split on tabs.
    public static func rows(_ name: String) throws -> [[Substring]] {
        TSV.rows(try text(name))
    }
}

/// A TSV table with named columns.
public struct TSVTable: Sendable {
    public let header: [String]
    public let rows: [[Substring]]

    /// The cell of `row` in column `name`; nil when the column is missing or the cell empty.
    public func value(_ row: [Substring], _ name: String) -> Substring? {
        guard let index = header.firstIndex(of: name), index < row.count, !row[index].isEmpty else { return nil }
        return row[index]
    }

    /// A multi-valued cell split on `|`.
    public func values(_ row: [Substring], _ name: String) -> [Substring] {
        value(row, name)?.split(separator: "|").map { $0.drop { $0 == " " } } ?? []
    }
}

/// Parses the tab-separated tables Marsad ships and writes.
public enum TSV {
    /// The header (first non-comment line) and data rows of a TSV text.
    public static func table(_ text: String) -> TSVTable {
        let headerLine = text.utf8.split(separator: 0x0A).first { $0.first != 0x23 }
        let header = headerLine.map { Substring($0).split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) } } ?? []
        return TSVTable(header: header, rows: rows(text))
    }

    /// Data rows of a TSV text: the first non-comment line is the header and is skipped.
    public static func rows(_ text: String) -> [[Substring]] {
        // Split on bytes: tabs and newlines are ASCII, and Character-wise splitting is slow.
        var rows: [[Substring]] = []
        var sawHeader = false
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
            if line.first == 0x23 /* # */ { continue }
            if !sawHeader { sawHeader = true; continue }
            let body = line.last == 0x0D ? line.dropLast() : line
            rows.append(body.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) })
        }
        return rows
    }
}
