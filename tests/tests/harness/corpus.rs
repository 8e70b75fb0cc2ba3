//! Where the schema corpus is: the one place of the test harnesses (here and tlgen's) that knows it.

use std::path::{Path, PathBuf};

/// The real-schema corpus, absolute: `schema/corpus/` of the repository, or the folder `TL_CORPUS`
/// names (a relative path is taken from the workspace root). Panics when it has no
/// `telegram/api-L228.tl`: the corpus is part of the repository, so a missing one is a broken
/// checkout, not a reason to skip.
pub(crate) fn dir() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = match std::env::var_os("TL_CORPUS") {
        Some(value) => workspace.join(value),
        None => workspace.join("schema/corpus"),
    };
    assert!(
        dir.join("telegram/api-L228.tl").is_file(),
        "the schema corpus {} has no telegram/api-L228.tl",
        dir.display()
    );
    dir.canonicalize().unwrap()
}
