/// A count with its noun in the right number ("1 rule", "2 rules"), for what commands print.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
