//! Where the schema corpus is: the one place of tl-parser's tests and bench that knows it.

use std::path::{Path, PathBuf};

/// The real-schema corpus: `schema/corpus/` of the repository, or the folder `TL_CORPUS` names (a
/// relative path is taken from the workspace root). Panics when that is not a folder: the corpus is
/// part of the repository, so a missing one is a broken checkout, not a reason to skip.
pub(crate) fn dir() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = match std::env::var_os("TL_CORPUS") {
        Some(value) => workspace.join(value),
        None => workspace.join("schema/corpus"),
    };
    assert!(
        dir.is_dir(),
        "the schema corpus {} is not a folder",
        dir.display()
    );
    dir
}
