import ArgumentParser

/// The exit statuses every `utermd` command uses, so that a script can tell "the answer is
/// no" from "the input could not be used" from "the command line is wrong" the same way
/// everywhere (README, "Exit status").
package enum CommandExitCodes {
    /// The command ran and its answer is negative: a check found problems, a policy was
    /// rejected, a scenario's expectation failed.
    package static let negative = ExitCode(1)
    /// An input file is missing, unreadable, or holds nothing usable (no element set, no
    /// board): the command could not give an answer.
    package static let unusableInput = ExitCode(2)
    /// `simulate` ran but judged nothing (stopped by `--until` before the end): neither a
    /// pass nor a failure.
    package static let notJudged = ExitCode(3)
    /// The command line itself is wrong: swift-argument-parser's own status (EX_USAGE).
    package static let usage = ExitCode.validationFailure
}
