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
    static func bytes(_ path: String) throws(InputError) -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
        guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "is a directory") }
        // FileHandle reads pipes and devices (<(…), /dev/stdin) as well as regular files.
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
        defer { try? handle.close() }
        return handle.readDataToEndOfFile()
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
