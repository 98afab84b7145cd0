import StorywatchModel
import Glibc

/// inotify(7) through Glibc: the masks storywatch uses and the event record decoder.
package enum Inotify {
    static let closeWrite = UInt32(IN_CLOSE_WRITE)
    static let modify = UInt32(IN_MODIFY)
    static let movedFrom = UInt32(IN_MOVED_FROM)
    static let movedTo = UInt32(IN_MOVED_TO)
    static let create = UInt32(IN_CREATE)
    static let delete = UInt32(IN_DELETE)
    static let deleteSelf = UInt32(IN_DELETE_SELF)
    static let moveSelf = UInt32(IN_MOVE_SELF)
    static let unmount = UInt32(IN_UNMOUNT)
    static let queueOverflow = UInt32(IN_Q_OVERFLOW)
    static let ignored = UInt32(IN_IGNORED)
    static let isDirectory = UInt32(IN_ISDIR)
    static let onlyDirectory = UInt32(IN_ONLYDIR)
    static let dontFollow = UInt32(IN_DONT_FOLLOW)
    static let excludeUnlinked = UInt32(IN_EXCL_UNLINK)

    /// What every watched folder reports: completed writes, arrivals, departures, new folders.
    static let folderMask = closeWrite | modify | movedFrom | movedTo | create | delete
        | onlyDirectory | dontFollow | excludeUnlinked
    /// The root also reports its own deletion or move (the daemon then exits).
    static let rootMask = (folderMask & ~dontFollow) | deleteSelf | moveSelf

    /// Size of the fixed part of a record; the name follows, `len` bytes, NUL-padded.
    static let headerSize = MemoryLayout<inotify_event>.size

    /// inotify_add_watch(2), retried on EINTR.
    package static func addWatch(fd: Int32, path: String, mask: UInt32) -> (wd: Int32, errno: Int32) {
        while true {
            let wd = FileName.withPath(path) { inotify_add_watch(fd, $0, mask) }
            if wd >= 0 { return (wd, 0) }
            let code = errno
            if code != EINTR { return (-1, code) }
        }
    }

    /// Decodes the records of one read(2). A truncated trailing record is dropped (the kernel never
    /// splits one, so this only guards against a short buffer).
    static func decode(_ buffer: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= buffer.count {
            let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard nameStart + length <= buffer.count else { break }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[nameStart ..< nameStart + length])
            let name = FileName.decode(bytes.prefix { $0 != 0 })
            events.append(InotifyEvent(wd: wd, mask: mask, cookie: cookie, name: name))
            offset = nameStart + length
        }
        return events
    }
}

/// One decoded inotify record.
struct InotifyEvent: Sendable, Hashable {
    var wd: Int32
    var mask: UInt32
    var cookie: UInt32
    /// The entry's name inside the watched folder; empty for events about the folder itself.
    var name: String

    func has(_ flag: UInt32) -> Bool { mask & flag != 0 }
}
