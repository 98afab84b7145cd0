/// The modes (`actions.txt`, `TYPE mode:`) the rules single out. A case's name is the mode as
/// the data writes it, so the rules name a mode without a string for it.
enum ActionMode: String {
    /// No more specific mode: the mode of events the rules make without an action entry.
    case other
    case release, boycott, troops, strike, relations, ceasefire, withdraw, restrict
}
