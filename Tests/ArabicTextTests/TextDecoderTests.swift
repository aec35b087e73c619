import Testing
@testable import ArabicText

@Suite struct TextDecoderTests {
    @Test func decodesArabicAndStripsTheByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("قال الوزير".utf8)
        #expect(try TextDecoder.decode(bytes) == "قال الوزير")
    }

    @Test func turnsCRLFAndLoneCRIntoLineFeeds() throws {
        #expect(try TextDecoder.decode(Array("سطر\r\nثان\rثالث".utf8)) == "سطر\nثان\nثالث")
    }

    @Test func rejectsInvalidUTF8NamingTheByteOffset() {
        let bytes = Array("أمس".utf8) + [0xFF] + Array("غدا".utf8)
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 6)) { try TextDecoder.decode(bytes) }
    }

    @Test func rejectsTruncatedAndOverlongSequences() {
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 1)) { try TextDecoder.decode([0x41, 0xD8]) }
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 0)) { try TextDecoder.decode([0xC0, 0xAF]) }
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 0)) { try TextDecoder.decode([0xED, 0xA0, 0x80]) }
    }

    @Test func rejectsNULBytesAsBinary() {
        #expect(throws: TextDecodingError.binaryContent(byteOffset: 6)) { try TextDecoder.decode(Array("قال".utf8) + [0, 0x41]) }
    }

    @Test func readsUTF16ThatStartsWithItsByteOrderMark() throws {
        // "ال\r\n" little-endian, then big-endian with a character outside the BMP.
        #expect(try TextDecoder.decode([0xFF, 0xFE, 0x27, 0x06, 0x44, 0x06, 0x0D, 0x00, 0x0A, 0x00]) == "ال\n")
        #expect(try TextDecoder.decode([0xFE, 0xFF, 0x06, 0x27, 0xD8, 0x3D, 0xDE, 0x00]) == "ا😀")
    }

    @Test func rejectsBrokenUTF16() {
        #expect(throws: TextDecodingError.invalidUTF16(byteOffset: 2)) { try TextDecoder.decode([0xFF, 0xFE, 0x00, 0xDC, 0x27, 0x06]) }
        #expect(throws: TextDecodingError.invalidUTF16(byteOffset: 4)) { try TextDecoder.decode([0xFF, 0xFE, 0x27, 0x06, 0x44]) }
        #expect(throws: TextDecodingError.binaryContent(byteOffset: 4)) { try TextDecoder.decode([0xFF, 0xFE, 0x27, 0x06, 0x00, 0x00]) }
    }

    @Test func emptyInputIsEmptyText() throws {
        #expect(try TextDecoder.decode([UInt8]()) == "")
    }
}
