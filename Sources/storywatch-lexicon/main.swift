// `make lexicon`: regenerates Sources/StorywatchExtract/Dictionaries/generated/ from the
// openly licensed dictionaries in ../shared/lexicons (SOURCES.md there).
import Foundation
import StorywatchLexicon

let arguments = CommandLine.arguments.dropFirst()
func value(_ flag: String, _ fallback: String) -> String {
    guard let i = arguments.firstIndex(of: flag), arguments.index(after: i) < arguments.endIndex else { return fallback }
    return arguments[arguments.index(after: i)]
}
let sources = value("--sources", "../shared/lexicons")
let output = value("--out", "Sources/StorywatchExtract/Dictionaries/generated")
let stopPath = value("--stop", "Sources/StorywatchLexicon/cameo-stoplist.txt")

var isDirectory: ObjCBool = false
guard FileManager.default.fileExists(atPath: sources, isDirectory: &isDirectory), isDirectory.boolValue else {
    FileHandle.standardError.write(Data("storywatch-lexicon: no source folder \(sources) (give LEXICONS=DIR: the folder of SOURCES.md)\n".utf8))
    exit(2)
}
do {
    let stop = LexiconGenerator.readStopList((try? String(contentsOfFile: stopPath, encoding: .utf8)) ?? "")
    let generator = LexiconGenerator(sources: URL(fileURLWithPath: sources), output: URL(fileURLWithPath: output), stopList: stop)
    for line in try generator.run() { print(line) }
} catch {
    FileHandle.standardError.write(Data("storywatch-lexicon: \(error)\n".utf8))
    exit(1)
}
