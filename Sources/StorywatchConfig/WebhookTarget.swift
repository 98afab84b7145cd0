import Foundation
import Glibc

/// Checks on a webhook's URL and headers that the TOML types cannot express: what would make
/// libcurl send something other than what the operator wrote, or reach a host no webhook should.
package enum WebhookTarget {
    /// Why `url` cannot be used as written, or nil. Spaces and control characters are refused
    /// (curl would send them raw or stop at them).
    package static func urlProblem(_ url: String) -> String? {
        if url.unicodeScalars.contains(where: { $0 == " " || $0.properties.generalCategory == .control }) {
            return "\"\(url)\" contains a space or a control character; percent-encode it (%20)"
        }
        return nil
    }

    /// Why the header `name: value` cannot be sent as one header, or nil. CR or LF would start a
    /// second header; a name must be an HTTP token.
    package static func headerProblem(name: String, value: String) -> String? {
        let tokenSymbols = Set("!#$%&'*+-.^_`|~".unicodeScalars)
        if name.isEmpty || !name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic
            || ("0"..."9").contains($0) || tokenSymbols.contains($0)) }) {
            return "header name \"\(name)\" is not an HTTP token (letters, digits, -, _ …)"
        }
        if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
            return "header \(name): the value contains a line break (CR/LF) or NUL, which would add a header"
        }
        return nil
    }

    /// `url` safe to print: scheme, host and port only. Slack, Discord and Teams URLs carry their
    /// token in the path or query, and a URL may carry a password.
    package static func redacted(url: String) -> String {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme, let host = parts.host else { return "(unparsable URL)" }
        let port = parts.port.map { ":\($0)" } ?? ""
        let hidden = !(parts.path.isEmpty || parts.path == "/") || parts.query != nil || parts.user != nil
        return "\(scheme)://\(host.hasPrefix("[") || !host.contains(":") ? host : "[\(host)]")\(port)/" + (hidden ? "… (path and query hidden)" : "")
    }

    /// True when `url`'s host is a link-local address (169.254.0.0/16, fe80::/10) or a cloud
    /// metadata endpoint, which hand out the host's own credentials.
    package static func isLinkLocalOrMetadata(url: String) -> Bool {
        guard var host = URL(string: url)?.host?.lowercased() else { return false }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix(".") { host = String(host.dropLast()) }
        if ["metadata", "metadata.google.internal", "metadata.goog", "instance-data",
            "instance-data.ec2.internal"].contains(host) { return true }
        // inet_aton also reads the forms curl accepts: 2852039166, 0xa9fea9fe, 169.254.43518.
        var v4 = in_addr()
        if !host.contains(":"), inet_aton(host, &v4) != 0 { return isBlocked(v4: UInt32(bigEndian: v4.s_addr)) }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, host, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { return true } // fe80::/10
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff { // ::ffff:a.b.c.d
            return isBlocked(v4: bytes[12...15].reduce(0) { $0 << 8 | UInt32($1) })
        }
        // AWS's IPv6 metadata endpoint fd00:ec2::254.
        return bytes[0...3] == [0xfd, 0x00, 0x0e, 0xc2] && bytes[4..<14].allSatisfy({ $0 == 0 })
            && bytes[14] == 0x02 && bytes[15] == 0x54
    }

    /// 169.254.0.0/16, and 100.100.100.200 (Alibaba Cloud's metadata address).
    private static func isBlocked(v4 address: UInt32) -> Bool {
        address >> 16 == 0xa9fe || address == 0x6464_64c8
    }
}
