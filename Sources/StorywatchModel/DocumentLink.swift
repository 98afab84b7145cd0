import Foundation

/// A document as a link through a `link_template` ("https://news.example.org/{path}"), for the
/// chat formats and the HTML report.
package enum DocumentLink {
    /// `{path}` becomes the document path, each segment percent-encoded; nil for no document.
    package static func url(template: String, document: String) -> String? {
        guard !document.isEmpty else { return nil }
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#[]@!$&'()*+,;=|<>"))
        let path = document.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
        return template.replacingOccurrences(of: "{path}", with: path)
    }
}
