//! The switch for the slow suite (building crates from whole corpus schemas): off unless
//! `TL_SLOW_TESTS=1`, which `.ci/run` sets.

use std::io::Write as _;

/// True when `TL_SLOW_TESTS=1`. Otherwise says on stderr that `what` was skipped and how to run
/// it, written past the test harness's capture so that the line shows in `cargo test`'s output.
pub(crate) fn enabled(what: &str) -> bool {
    if std::env::var_os("TL_SLOW_TESTS").is_some_and(|v| v == "1") {
        return true;
    }
    let _ = writeln!(
        std::io::stderr(),
        "skipped (slow): {what}; set TL_SLOW_TESTS=1 to run it (.ci/run does)"
    );
    false
}
