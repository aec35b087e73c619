import ArabicText
import ArgumentParser
import Foundation

/// A failure the command line reports with a sysexits code and a message naming the input.
enum InputError: Error, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case badData(path: String, reason: String)

    var description: String {
        switch self {
        case .missing(let path): "\(path): no such file"
        case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
        case .badData(let path, let reason): "\(path): \(reason)"
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .missing: ExitCode(66)
        case .unreadable: ExitCode(66)
        case .badData: ExitCode(65)
        }
    }
}

/// Reads the command line's inputs: a file path, or `-` for standard input.
enum InputFiles {
    /// The largest input read, in bytes: `MARSAD_MAX_INPUT_BYTES`, else 50 MB. A larger input is
    /// refused before it is read whole, so a runaway file or pipe cannot exhaust memory.
    static var maximumBytes: Int {
        ProcessInfo.processInfo.environment["MARSAD_MAX_INPUT_BYTES"].flatMap { Int($0) }.map { max(0, $0) } ?? 50_000_000
    }

    static func bytes(_ path: String) throws(InputError) -> Data {
        let name = path == "-" ? "<stdin>" : path
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
            guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "is a directory") }
            // FileHandle reads pipes and devices (<(…), /dev/stdin) as well as regular files.
            guard let file = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
            handle = file
        }
        defer { if path != "-" { try? handle.close() } }
        let limit = maximumBytes
        var data = Data()
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            data.append(chunk)
            if data.count > limit {
                throw .badData(path: name, reason: "larger than the input limit of \(limit) bytes (set MARSAD_MAX_INPUT_BYTES to change it)")
            }
        }
        return data
    }

    static func text(_ path: String) throws(InputError) -> String {
        let data = try bytes(path)
        do {
            return try TextDecoder.decode(data)
        } catch {
            throw .badData(path: path == "-" ? "<stdin>" : path, reason: error.description)
        }
    }
}

/// Writes what the train commands produce (models, tables).
enum OutputFiles {
    static func write(_ text: String, to path: String) throws(InputError) {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: "cannot be written: \(error.localizedDescription)")
        }
    }
}

extension ParsableCommand {
    /// Runs `body`, turning input errors into their message on stderr and their exit code.
    func reportingInputErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as InputError {
            FileHandle.standardError.write(Data("marsad: \(error)\n".utf8))
            throw error.exitCode
        }
    }
}

/// Buffered standard output: commands print many small lines.
struct OutputBuffer: ~Copyable {
    private var buffer = ""

    mutating func write(_ string: String) {
        buffer += string
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }

    deinit { FileHandle.standardOutput.write(Data(buffer.utf8)) }
}
