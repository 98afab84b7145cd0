/// A line of a dictionary file that cannot be read.
package struct DictionaryError: Error, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var reason: String

    package var description: String { "\(file):\(line): \(reason)" }
}
