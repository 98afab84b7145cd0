import StorywatchConfig
import Testing

/// `[http]`: listen and token_file, checked like every other key.
struct HTTPConfigTests {
    private func parse(_ text: String) throws(ConfigError) -> StorywatchConfig {
        try ConfigLoader(environment: [:]).parse(text: text, file: "test.toml")
    }

    @Test func parse_whenNoHTTPTable_hasNoListener() throws {
        #expect(try parse("corpus = \"/srv/news\"\n").http == nil)
    }

    @Test(arguments: [("127.0.0.1:9464", "127.0.0.1", 9464), ("[::1]:9000", "::1", 9000), ("localhost:80", "localhost", 80)])
    func parse_whenLoopbackListen_readsHostAndPort(listen: String, host: String, port: Int) throws {
        let http = try #require(try parse("[http]\nlisten = \"\(listen)\"\n").http)
        #expect(http.host == host && http.port == port && http.tokenFile == nil && http.isLoopback)
    }

    @Test func parse_whenOffLoopbackWithoutToken_refusesNamingTokenFile() {
        #expect {
            try parse("[http]\nlisten = \"0.0.0.0:9464\"\n")
        } throws: { error in
            let problem = (error as? ConfigError)?.problems.first
            return problem?.key == "http.listen" && problem?.line == 2 && problem?.reason.contains("token_file") == true
        }
    }

    @Test func parse_whenOffLoopbackWithToken_accepts() throws {
        let http = try #require(try parse("[http]\nlisten = \"10.0.0.5:9464\"\ntoken_file = \"/etc/storywatch/http.token\"\n").http)
        #expect(!http.isLoopback && http.tokenFile == "/etc/storywatch/http.token")
    }

    @Test(arguments: ["9464", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:70000", ":9464"])
    func parse_whenListenMalformed_refuses(listen: String) {
        #expect(throws: ConfigError.self) { try parse("[http]\nlisten = \"\(listen)\"\n") }
    }

    @Test func parse_whenUnknownKeyOrRelativeToken_listsBoth() {
        #expect {
            try parse("[http]\nlisten = \"127.0.0.1:9464\"\nport = 1\ntoken_file = \"http.token\"\n")
        } throws: { error in
            Set((error as? ConfigError)?.problems.compactMap(\.key) ?? []) == ["http.port", "http.token_file"]
        }
    }
}
