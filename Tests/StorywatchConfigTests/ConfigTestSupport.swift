import StorywatchConfig

extension ConfigLoader {
    /// The problems `text` is refused with (as file test.toml); empty when it loads.
    func problems(_ text: String) -> [ConfigProblem] {
        do throws(ConfigError) {
            _ = try parse(text: text, file: "test.toml")
            return []
        } catch {
            return error.problems
        }
    }
}
