//! Settings given as text (the runtime crate's path, `cfg` predicates) are checked before anything
//! is generated: one that does not parse is a typed error naming the text, and one that does is
//! written into the code as given.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use tl_codegen::{Config, Error};
use tl_parser::SourceSet;

fn schema() -> SourceSet {
    let mut sources = SourceSet::new();
    sources.add("settings.tl", "int ? = Int;\npoint x:int y:int = Point;\n");
    sources
}

#[test]
fn a_runtime_path_that_is_not_a_path_is_an_error_naming_it() {
    for bad in ["", "::", "tl types", "a::", "a::1b", "a-b"] {
        match Config::new().runtime_path(bad).generate_from(&schema()) {
            Err(Error::RuntimePath { path }) => assert_eq!(path, bad),
            other => panic!("{bad:?}: {:?}", other.map(|g| g.code)),
        }
    }
}

#[test]
fn a_runtime_path_is_written_as_given() {
    for good in ["::my_rt", "crate", "super::rt", "r#crate_rt::inner"] {
        let code = Config::new()
            .runtime_path(good)
            .format(false)
            .generate_from(&schema())
            .unwrap()
            .code;
        let spaced = good.replace("::", " :: ");
        assert!(code.contains(spaced.trim()), "{good}: {code}");
    }
}

#[test]
fn a_cfg_predicate_that_does_not_parse_is_an_error_naming_it() {
    let bad = "feature = ";
    match Config::new()
        .samples(true)
        .samples_cfg(bad)
        .generate_from(&schema())
    {
        Err(Error::CfgPredicate { predicate }) => assert_eq!(predicate, bad),
        other => panic!("{:?}", other.map(|g| g.code)),
    }
    match Config::new().serde_cfg(bad).generate_from(&schema()) {
        Err(Error::CfgPredicate { predicate }) => assert_eq!(predicate, bad),
        other => panic!("{:?}", other.map(|g| g.code)),
    }
}

#[test]
fn a_cfg_predicate_goes_on_every_item_it_guards() {
    let code = Config::new()
        .samples(true)
        .samples_cfg(r#"feature = "samples""#)
        .generate_from(&schema())
        .unwrap()
        .code;
    let lines: Vec<&str> = code.lines().collect();
    let impls: Vec<usize> = (1..lines.len())
        .filter(|&i| lines[i].contains("impl ::tl_types::sample::Sample for Point"))
        .collect();
    assert!(!impls.is_empty(), "{code}");
    for i in impls {
        assert_eq!(
            lines[i - 1].trim(),
            r#"#[cfg(feature = "samples")]"#,
            "{code}"
        );
    }
}
