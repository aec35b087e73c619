import Foundation

#if FUZZING
/// libFuzzer's entry point; the target comes from MARSAD_FUZZ_TARGET (default: extract).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let target = ProcessInfo.processInfo.environment["MARSAD_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:)) ?? .extract
    FuzzHarness.shared.run(target, Data(bytes: bytes, count: count))
    return 0
}
#else
/// Without the fuzzer: replays files (a corpus, or crashes turned regression inputs) through
/// every target, or those named by --target.
@main
struct FuzzReplay {
    static func main() {
        var targets = FuzzTarget.allCases
        var paths: [String] = []
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            if argument == "--target", let name = arguments.popFirst(), let target = FuzzTarget(rawValue: name) {
                targets = [target]
            } else {
                paths.append(argument)
            }
        }
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().filter { !$0.hasPrefix(".") }.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            for target in targets { FuzzHarness.shared.run(target, data) }
        }
        print("replayed \(files.count) inputs through \(targets.map(\.rawValue).joined(separator: ", "))")
    }
}
#endif
