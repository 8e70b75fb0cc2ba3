//! Loading failures, which need no TDLib: each error names the file, and the symbol that is missing.

use tl_tdjson::{LoadError, Tdjson};

#[test]
fn a_missing_file_is_an_open_error_naming_the_path() {
    let path = std::path::Path::new("/nonexistent/tl-tdjson/libtdjson.so");
    let error = Tdjson::load(path).expect_err("a file that does not exist loaded");
    let LoadError::Open {
        path: reported,
        reason,
    } = &error
    else {
        panic!("expected LoadError::Open, got {error:?}");
    };
    assert_eq!(reported, path);
    assert!(!reason.is_empty());
    let message = error.to_string();
    assert!(
        message.starts_with("cannot load /nonexistent/tl-tdjson/libtdjson.so: "),
        "{message}"
    );
}

#[test]
fn a_file_that_is_not_a_library_is_an_open_error() {
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let error = Tdjson::load(manifest).expect_err("Cargo.toml loaded as a library");
    assert!(
        matches!(&error, LoadError::Open { path, .. } if path.ends_with("Cargo.toml")),
        "{error:?}"
    );
}

/// libm is on every Linux system and has none of TDLib's functions.
#[cfg(target_os = "linux")]
#[test]
fn a_library_without_the_json_functions_names_the_missing_symbol() {
    let error = Tdjson::load("libm.so.6").expect_err("libm loaded as libtdjson");
    let LoadError::MissingSymbol { path, symbol, .. } = &error else {
        panic!("expected LoadError::MissingSymbol, got {error:?}");
    };
    assert_eq!(path, std::path::Path::new("libm.so.6"));
    assert_eq!(*symbol, "td_create_client_id");
    let message = error.to_string();
    assert!(
        message.starts_with(
            "libm.so.6 is not TDLib's JSON interface: it has no function td_create_client_id: "
        ),
        "{message}"
    );
}
