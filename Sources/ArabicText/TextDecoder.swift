/// Why bytes could not become a document text.
public enum TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not valid UTF-8; `byteOffset` is the first byte that cannot be decoded.
    case invalidUTF8(byteOffset: Int)
    /// The input holds a NUL byte, which text never does: it is binary or UTF-16 without a BOM.
    case binaryContent(byteOffset: Int)
    /// The input starts with a UTF-16 byte-order mark but is not valid UTF-16 from `byteOffset`.
    case invalidUTF16(byteOffset: Int)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset): "invalid UTF-8 at byte offset \(offset)"
        case .binaryContent(let offset):
            "binary content (NUL byte) at byte offset \(offset); is it UTF-16 without a byte-order mark, or not text?"
        case .invalidUTF16(let offset): "invalid UTF-16 at byte offset \(offset)"
        }
    }
}

/// Turns raw bytes into the text that all offsets refer to.
///
/// Decoding is strict: Marsad never guesses at broken input, because a replacement character
/// would silently shift what analysts read. A leading byte-order mark is dropped and line
/// endings become `\n` (CRLF and lone CR), so offsets are the same whichever system wrote
/// the file. UTF-16 is read when its byte-order mark says so (Windows tools still write it).
public enum TextDecoder {
    public static func decode(_ bytes: some Collection<UInt8>) throws(TextDecodingError) -> String {
        let bytes = Array(bytes)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let utf8 = Array(try decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE).utf8)
            return try decode(utf8)
        }
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

    /// UTF-16 after its byte-order mark; unpaired surrogates, an odd byte count and NUL are errors.
    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) throws(TextDecodingError) -> String {
        guard bytes.count % 2 == 0 else { throw .invalidUTF16(byteOffset: bytes.count - 1) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        for i in stride(from: 2, to: bytes.count, by: 2) {
            let unit = bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
            if unit == 0 { throw .binaryContent(byteOffset: i) }
            units.append(unit)
        }
        var k = 0
        while k < units.count {
            switch units[k] {
            case 0xD800...0xDBFF:
                guard k + 1 < units.count, (0xDC00...0xDFFF).contains(units[k + 1]) else { throw .invalidUTF16(byteOffset: 2 + 2 * k) }
                k += 2
            case 0xDC00...0xDFFF: throw .invalidUTF16(byteOffset: 2 + 2 * k)
            default: k += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
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
