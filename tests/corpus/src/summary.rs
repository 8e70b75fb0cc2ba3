//! The summary every check of the slow suite prints: a line per schema
//! (`<check> <schema>: N types, M values, K failures`) and a total, which
//! tests/tests/corpus_crate.rs reads back from the log.

/// What one check found in one schema.
#[derive(Debug, Default)]
pub struct Tally {
    /// How many types were visited.
    pub types: usize,
    /// How many values were checked.
    pub values: usize,
    /// One line for each value that failed.
    pub failures: Vec<String>,
}

/// The tally of each kind of check: what it visited, checked and found wrong.
macro_rules! tally_from {
    ($($check:ty),*) => {$(
        impl From<$check> for Tally {
            fn from(check: $check) -> Self {
                Tally { types: check.types, values: check.values, failures: check.failures }
            }
        }
    )*};
}
tally_from!(
    tl_types::sample::RoundTrips,
    tl_types::sample::JsonRoundTrips,
    tl_dynamic::Agreement<'_>
);

/// Runs `check` on every schema of this build (its module name and its file in the corpus),
/// prints `<check> <schema>: …` for each and `<check> total: …`, and fails with the first twenty
/// failures. A schema whose check visited no type is a failure too.
pub fn every_schema(check_name: &str, mut check: impl FnMut(&str, &str) -> Tally) {
    let mut total = Tally::default();
    for (name, file) in crate::FILES {
        let tally = check(name, file);
        assert!(tally.types > 0, "{check_name} {name}: no types");
        println!(
            "{check_name} {name}: {} types, {} values, {} failures",
            tally.types,
            tally.values,
            tally.failures.len()
        );
        total.types += tally.types;
        total.values += tally.values;
        total
            .failures
            .extend(tally.failures.into_iter().map(|f| format!("{name}: {f}")));
    }
    println!(
        "{check_name} total: {} types, {} values, {} failures",
        total.types,
        total.values,
        total.failures.len()
    );
    let shown: Vec<&str> = total.failures.iter().take(20).map(String::as_str).collect();
    assert!(total.failures.is_empty(), "{}", shown.join("\n"));
}
