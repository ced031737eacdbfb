/// Lets `--lat -33.92` mean what a person means by it.
///
/// swift-argument-parser reads a word that starts with `-` as an option (`-33.92` as the
/// short options `-3 -3 -. -9 -2`), so `--lat -33.92` failed with "Missing value for
/// '--lat <lat>'" in every command, while `--lat=-33.92` worked. utermd has no short options
/// and no option or argument whose name starts with a digit, so a word that reads as a
/// negative number can only be the value of the long option before it: this joins the two
/// as `--lat=-33.92` before the parser sees them. Done once, here, so that every command
/// and every future option takes signed numbers the same way.
enum SignedNumberArguments {
    /// `arguments` with every `--name -NUMBER` pair written as `--name=-NUMBER`. Words after
    /// a bare `--` (the end of options) are left as they are.
    static func joined(_ arguments: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(arguments.count)
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" {
                result += arguments[index...]
                break
            }
            if index + 1 < arguments.count, isLongOptionWithoutValue(word), isNegativeNumber(arguments[index + 1]) {
                result.append(word + "=" + arguments[index + 1])
                index += 2
            } else {
                result.append(word)
                index += 1
            }
        }
        return result
    }

    static func isLongOptionWithoutValue(_ word: String) -> Bool {
        word.hasPrefix("--") && word.count > 2 && !word.contains("=")
    }

    /// `-33.92`, `-1`, `-.5`, `-1e3`, `-inf`, `-nan` (what `Double` reads after a minus sign),
    /// and any other word of a minus and a digit or a point (`-5m`): no option of utermd looks
    /// like that, so it is a value, and the option's own parsing answers it with its own
    /// message instead of "Missing value".
    static func isNegativeNumber(_ word: String) -> Bool {
        guard word.hasPrefix("-"), let second = word.dropFirst().first else { return false }
        return second.isASCII && (second.isNumber || second == ".") || Double(word) != nil
    }
}
