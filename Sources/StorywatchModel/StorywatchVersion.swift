/// The release, in one place: `storywatch --version`, the User-Agent and the Debian package
/// (`make deb` reads it from the binary) all take it from here.
package enum StorywatchVersion {
    package static let current = "0.1.0"
}
