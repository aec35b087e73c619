import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func segmentPrintsCoNLLUWithMultiwordTokens() throws {
        let result = try CommandRunner.run(["segment", "--format", "conllu", "-"], stdin: Data("وقال الوزير للصحفيين\n\nبدأ الاجتماع\n".utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("# sent_id = 1"))
        #expect(lines.contains("# text = وقال الوزير للصحفيين"))
        #expect(lines.contains { $0.hasPrefix("1-2\tوقال\t") })
        #expect(lines.contains { $0.hasPrefix("1\tو\t") })
        #expect(lines.contains { $0.hasPrefix("2\tقال\t") })
        #expect(lines.contains { $0.hasSuffix("\tل\t_\t_\t_\t_\t1\tdep\t_\t_") })
        #expect(lines.contains { $0.hasPrefix("5\tالصحفيين\t") })
        // The empty line is skipped; the third line keeps its number.
        #expect(lines.contains("# sent_id = 3"))
        #expect(!lines.contains("# sent_id = 2"))
    }

    @Test func segmentTextFormatJoinsWordsWithPlus() throws {
        let result = try CommandRunner.run(["segment", "--format", "text", "-"], stdin: Data("وبالتالي رفضه\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("و+ب+"))
    }

    @Test func missingFileExitsWith66() throws {
        let result = try CommandRunner.run(["segment", "/nonexistent/marsad-missing.txt"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/marsad-missing.txt"))
    }

    @Test func invalidUTF8ExitsWith65NamingTheOffset() throws {
        let file = try CommandRunner.temporaryFile(Data([0xD9, 0x82, 0xFF, 0x41]))
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CommandRunner.run(["tokenize", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains(file.path))
        #expect(result.stderr.contains("byte offset 2"))
    }

    @Test func usageErrorsExitWith64() throws {
        #expect(try CommandRunner.run(["segment", "--format", "xml", "-"]).status == 64)
        #expect(try CommandRunner.run(["no-such-command"]).status == 64)
    }

    @Test func tokenizePrintsJSONLinesWithOffsets() throws {
        let result = try CommandRunner.run(["tokenize", "-"], stdin: Data("غادر الوفد.".utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let first = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(first?["text"] as? String == "الوفد")
        #expect(first?["start"] as? Int == 5)
        #expect(first?["end"] as? Int == 10)
        #expect(first?["kind"] as? String == "arabic")
    }

    @Test func sentencesPrintsOneLinePerSentence() throws {
        let result = try CommandRunner.run(["sentences", "-"], stdin: Data("وصل الوفد. ثم غادر.".utf8))
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    @Test func evalSegmentScoresAGoldFile() throws {
        let gold = """
        # sent_id = a
        # text = وقال الوزير
        1-2\tوقال\t_\t_\t_\t_\t_\t_\t_\t_
        1\tو\t_\t_\t_\t_\t0\troot\t_\t_
        2\tقال\t_\t_\t_\t_\t1\tdep\t_\t_
        3\tالوزير\t_\t_\t_\t_\t1\tdep\t_\t_


        """
        let file = try CommandRunner.temporaryFile(Data(gold.utf8), suffix: ".conllu")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CommandRunner.run(["eval", "segment", "--conllu", file.path])
        #expect(result.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let words = report?["words"] as? [String: Any]
        #expect(words?["gold"] as? Int == 3)
        #expect(words?["f1"] as? Double == 100)
    }
}

@Suite struct DatesCommandTests {
    @Test func resolvesRelativeDatesAgainstTheReference() throws {
        let result = try CommandRunner.run(["dates", "--reference", "2020-02-20", "-"], stdin: Data("وصل الوفد أمس الأربعاء، ويغادر في 3 مارس 2020.".utf8))
        #expect(result.status == 0)
        let records = try result.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.count == 2)
        #expect(records.first??["value"] as? String == "2020-02-19")
        #expect(records.first??["text"] as? String == "أمس الأربعاء")
        #expect(records.first??["start"] as? Int == 10)
        #expect(records.last??["value"] as? String == "2020-03-03")
        #expect(records.last??["precision"] as? String == "day")
    }

    @Test func unresolvedRelativeDateHasNullValue() throws {
        let result = try CommandRunner.run(["dates", "-"], stdin: Data("عاد أمس".utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"value\":null"))
    }

    @Test func badReferenceIsAUsageError() throws {
        #expect(try CommandRunner.run(["dates", "--reference", "2020-13-45", "-"], stdin: Data()).status == 64)
    }
}

@Suite struct NERCommandTests {
    @Test func tagsCoNLLTokensKeepingSentences() throws {
        let result = try CommandRunner.run(["ner", "--format", "conll", "-"], stdin: Data("وصل\nالوفد\nإلى\nالقاهرة\n.\n\nغادر\nالوزير\n.\n".utf8))
        #expect(result.status == 0)
        let sentences = result.stdout.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(sentences.count == 2)
        #expect(result.stdout.contains("القاهرة\tB-LOC\n"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t").count == 2 })
    }

    @Test func evalNERPrintsEntityScores() throws {
        let file = try CommandRunner.temporaryFile(Data("وصل\tO\nإلى\tO\nالقاهرة\tB-LOC\n\n".utf8), suffix: ".conll")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CommandRunner.run(["eval", "ner", "--conll", file.path])
        #expect(result.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((report?["overall"] as? [String: Any])?["gold"] as? Int == 1)
    }

    @Test func evalNERRejectsAnUnknownTag() throws {
        let file = try CommandRunner.temporaryFile(Data("وصل\tB-PERSON\n".utf8), suffix: ".conll")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CommandRunner.run(["eval", "ner", "--conll", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 1"))
    }
}

@Suite struct BadInputTests {
    @Test func emptyInputGivesEmptyOutput() throws {
        for command in [["segment", "-"], ["tokenize", "-"], ["sentences", "-"], ["dates", "-"]] {
            let result = try CommandRunner.run(command, stdin: Data())
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.isEmpty, "\(command)")
        }
        let entities = try CommandRunner.run(["entities", "-"], stdin: Data())
        #expect(entities.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(entities.stdout.utf8)) as? [String: Any]
        #expect((object?["entities"] as? [Any])?.isEmpty == true)
    }

    @Test func binaryAndBrokenUTF16InputAreRefusedWithTheirOffset() throws {
        let binary = try CommandRunner.temporaryFile(Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x00, 0x01]))
        let utf16 = try CommandRunner.temporaryFile(Data([0xFF, 0xFE, 0x00, 0xDC, 0x44, 0x06]))
        defer {
            try? FileManager.default.removeItem(at: binary)
            try? FileManager.default.removeItem(at: utf16)
        }
        let first = try CommandRunner.run(["segment", binary.path])
        #expect(first.status == 65)
        #expect(first.stderr.contains("byte offset 5"))
        let second = try CommandRunner.run(["entities", utf16.path])
        #expect(second.status == 65)
        #expect(second.stderr.contains("invalid UTF-16 at byte offset 2"))
    }

    @Test func inputOverTheSizeLimitIsRefused() throws {
        let file = try CommandRunner.temporaryFile(Data(String(repeating: "قال الوزير. ", count: 200).utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let refused = try CommandRunner.run(["tokenize", file.path], environment: ["MARSAD_MAX_INPUT_BYTES": "1000"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("input limit of 1000 bytes"))
        #expect(refused.stdout.isEmpty)
        let accepted = try CommandRunner.run(["tokenize", file.path], environment: ["MARSAD_MAX_INPUT_BYTES": "100000"])
        #expect(accepted.status == 0)
    }

    @Test func aDirectoryIsNotAnInputFile() throws {
        let result = try CommandRunner.run(["tokenize", FileManager.default.temporaryDirectory.path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("is a directory"))
    }

    @Test func htmlAndLatinTextAreTokenizedWithoutCrashing() throws {
        let result = try CommandRunner.run(["segment", "--format", "text", "-"], stdin: Data("<script>alert('x')</script> <p>وقال</p> 新华社 \u{202B}".utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("و+قال"))
    }

    @Test func aBadJSONLineInACorpusNamesItsLine() throws {
        let corpus = try CommandRunner.temporaryFile(Data("{\"text\": \"قال\"}\nnot json\n".utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let result = try CommandRunner.run(["bench", "text", "--corpus", corpus.path, "--repeats", "1"])
        #expect(result.status == 65)
        #expect(result.stderr.contains(":2"))
    }
}
