/// File names as bytes, losslessly in a `String`: Linux names are bytes, and a name that is not
/// UTF-8 (Latin-1 from an old FTP feed, a cut multibyte character) must be read, logged and
/// alerted like any other. Invalid bytes become the text `\xNN`; a literal `\` that would read
/// as such an escape becomes `\x5c`, so `fileSystemBytes` gives the original bytes back.
package enum FileName {
    /// The name of `bytes` for logs, the store and alerts' `document`.
    package static func decode(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        if !bytes.contains(0x5c), let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var out = ""
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\\" && isEscape(bytes, at: offset) { out += "\\x5c" } else { out.unicodeScalars.append(scalar) }
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset ..< offset + length] { out += "\\x" + hex(byte) }
                offset += length
            case .emptyInput:
                break loop
            }
        }
        return out
    }

    /// The bytes `name` stands for (escapes undone), NUL-terminated, for system calls.
    package static func fileSystemBytes(_ name: String) -> [CChar] {
        let utf8 = Array(name.utf8)
        guard utf8.contains(0x5c) else { return name.utf8CString.map { $0 } }
        var out: [CChar] = []
        out.reserveCapacity(utf8.count + 1)
        var i = 0
        while i < utf8.count {
            if isEscape(utf8, at: i), let byte = UInt8(String(decoding: utf8[i + 2 ... i + 3], as: UTF8.self), radix: 16) {
                out.append(CChar(bitPattern: byte))
                i += 4
            } else {
                out.append(CChar(bitPattern: utf8[i]))
                i += 1
            }
        }
        out.append(0)
        return out
    }

    /// Runs `body` with the C path for `name` (a path made of decoded names).
    package static func withPath<Result>(_ name: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        try fileSystemBytes(name).withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// `\x` and two hex digits at `index`.
    private static func isEscape(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 3 < bytes.count, bytes[index] == 0x5c, bytes[index + 1] == 0x78 else { return false }
        return bytes[index + 2 ... index + 3].allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xf)]])
    }
}
