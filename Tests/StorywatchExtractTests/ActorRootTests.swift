import StorywatchModel
import Testing

/// `Actor.hasRoot` answers as comparing `root` would, for every kind of code.
struct ActorRootTests {
    static let codes = ["RUSGOV", "RUS", "RU", "", "USAMIL", "UNO", "?GOV", "ÄBCGOV", "ÄBC", "AB\u{301}CD", "RUSGOVé"]
    static let roots = ["RUS", "RU", "", "USA", "ÄBC", "AB\u{301}C", "?GO"]

    @Test(arguments: codes)
    func hasRoot_answersAsComparingRoots(_ code: String) {
        // Given an actor with this code
        let actor = Actor(code: code, name: "x")

        // When each root is asked of it
        // Then the answer is the comparison of its root
        for root in Self.roots {
            #expect(actor.hasRoot(root) == (actor.root == root), "code \(code), root \(root)")
        }
    }
}
