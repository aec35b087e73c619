/// Why bytes could not become a document text.
public enum TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not valid UTF-8; `byteOffset` is the first byte that cannot be decoded.
    case invalidUTF8(byteOffset: Int)
    /// The input holds a NUL byte, which text never does: it is binary or UTF-16.
    case binaryContent(byteOffset: Int)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset): "invalid UTF-8 at byte offset \(offset)"
        case .binaryContent(let offset):
            "binary content (NUL byte) at byte offset \(offset); is it UTF-16 or not text?"
        }
    }
}

/// Turns raw bytes into the text that all offsets refer to.
///
/// Decoding is strict: Marsad never guesses at broken input, because a replacement character
/// would silently shift what analysts read. A leading byte-order mark is dropped and line
/// endings become `\n` (CRLF and lone CR), so offsets are the same whichever system wrote
/// the file.
public enum TextDecoder {
    public static func decode(_ bytes: some Collection<UInt8>) throws(TextDecodingError) -> String {
        let bytes = Array(bytes)
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if let nul = bytes[start...].firstIndex(of: 0) { throw .binaryContent(byteOffset: nul) }
        if let bad = firstInvalidUTF8Offset(bytes, from: start) { throw .invalidUTF8(byteOffset: bad) }
        // Validated: line endings are fixed at the byte level, then the bytes become a String at once.
        guard bytes[start...].contains(0x0D) else { return String(decoding: bytes[start...], as: UTF8.self) }
        var fixed: [UInt8] = []
        fixed.reserveCapacity(bytes.count - start)
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x0D {
                fixed.append(0x0A)
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                fixed.append(bytes[i])
            }
            i += 1
        }
        return String(decoding: fixed, as: UTF8.self)
    }

    /// The offset of the first byte that starts an ill-formed UTF-8 sequence, or nil.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            if i + length > n { return i }
            let second = bytes[i + 1]
            if second < lower || second > upper { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
