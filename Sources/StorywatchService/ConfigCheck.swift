import Foundation
import Logging
import StorywatchConfig
import StorywatchDeliver
import StorywatchExtract

/// What `check-config` and a reload check beyond the file's own syntax and types: every secret
/// readable and in the Standard Webhooks form, the corpus a folder, the state folder writable,
/// the `[http]` token file readable, the dictionaries loading. One list of problems, so a reload refuses exactly what
/// `check-config` refuses.
package enum ConfigCheck {
    /// The extractor the config's dictionaries make, or every problem found.
    package static func validate(_ config: StorywatchConfig, file: String, environment: [String: String],
                                 logger: Logger) throws(ConfigError) -> Extractor {
        var problems: [ConfigProblem] = []
        func fail(_ key: String?, _ reason: String) {
            problems.append(ConfigProblem(file: file, key: key, line: nil, reason: reason))
        }
        for (index, hook) in config.webhooks.enumerated() {
            if let problem = secretProblem(hook, environment: environment) { fail("webhook[\(index + 1)].secret", problem) }
        }
        if let corpus = config.corpus, let problem = folderProblem(corpus) { fail("corpus", problem) }
        if let problem = stateProblem(config.state) { fail("state", problem) }
        if let path = config.http?.tokenFile, let problem = tokenProblem(path) { fail("http.token_file", problem) }
        var extractor: Extractor?
        do {
            extractor = try ExtractorFactory.make(config: config, logger: logger)
        } catch {
            fail("dictionaries", "\(error)")
        }
        guard problems.isEmpty, let extractor else { throw ConfigError(problems: problems) }
        return extractor
    }

    /// Why `hook`'s secrets cannot sign, or nil: the file or credential unreadable or empty, or
    /// a secret not `whsec_` + base64. Names files, never a secret's text.
    package static func secretProblem(_ hook: WebhookConfig, environment: [String: String]) -> String? {
        do {
            let endpoint = try DeliveryService.endpoint(hook, environment: environment)
            _ = try WebhookRequestBuilder(endpoint: endpoint)
            return nil
        } catch {
            return error.description
        }
    }

    /// Why `path` is not a folder storywatch can read, or nil.
    static func folderProblem(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return "\(path) does not exist; create it or point `corpus` at the folder of articles"
        }
        guard isFolder.boolValue else { return "\(path) is not a folder" }
        guard FileManager.default.isReadableFile(atPath: path) else { return "\(path) is not readable; check its permissions" }
        return nil
    }

    /// Why the `[http]` bearer token file cannot be used, or nil (never the token's text).
    static func tokenProblem(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            return "\(path) cannot be read; create it (one bearer token) or check its permissions"
        }
        guard !String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return "\(path) is empty; write the bearer token in it"
        }
        return nil
    }

    /// Why the state folder cannot be written (or created), or nil.
    static func stateProblem(_ path: String) -> String? {
        var existing = URL(fileURLWithPath: path)
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            existing.deleteLastPathComponent()
        }
        guard FileManager.default.isWritableFile(atPath: existing.path) else {
            return existing.path == path
                ? "the state folder \(path) is not writable; fix its permissions"
                : "the state folder \(path) does not exist and \(existing.path) is not writable to create it"
        }
        return nil
    }
}
