//! The regenerate workflow: a crate whose build.rs generates from `schema/api.tl` is built, its
//! schema is replaced by a newer layer, it is built again, and the generated code, `LAYER` and
//! `tlgen diff` all show the change. The crate depends on tl-types and tl-codegen by path and builds
//! in its own target directory under `CARGO_TARGET_TMPDIR`, on the workspace's `Cargo.lock`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

mod harness;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/workflow")
        .join(name)
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .unwrap()
}

fn cargo_build(dir: &Path, target: &Path) {
    let output = harness::scratch::cargo("build", dir, target)
        .arg("--quiet")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cargo build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The `tl.rs` the crate's build script wrote (the newest, should there be several build
/// directories; tl-types writes one of its own).
fn generated(target: &Path) -> String {
    let build = target.join("debug/build");
    let newest = std::fs::read_dir(&build)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("workflow-crate-")
        })
        .map(|p| p.join("out/tl.rs"))
        .filter(|p| p.is_file())
        .max_by_key(|p| std::fs::metadata(p).unwrap().modified().unwrap())
        .unwrap_or_else(|| panic!("no out/tl.rs under {}", build.display()));
    std::fs::read_to_string(newest).unwrap()
}

#[test]
fn replacing_the_schema_regenerates_and_diff_reports_it() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("workflow");
    let dir = root.join("crate");
    let target = root.join("target");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::create_dir_all(dir.join("schema")).unwrap();
    let ws = workspace();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"workflow-crate\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\ntl-types = {{ path = {:?} }}\n\n\
             [build-dependencies]\ntl-codegen = {{ path = {:?} }}\n\n[workspace]\n",
            ws.join("tl-types"),
            ws.join("tl-codegen"),
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("build.rs"),
        "fn main() -> Result<(), Box<dyn std::error::Error>> {\n    \
         tl_codegen::Config::new().compile(&[\"schema/api.tl\"])?;\n    Ok(())\n}\n",
    )
    .unwrap();
    // Uses what both layers have, so that the crate builds against either.
    std::fs::write(
        dir.join("src/lib.rs"),
        "include!(concat!(env!(\"OUT_DIR\"), \"/tl.rs\"));\n\n\
         /// The layer the crate was generated from.\npub fn layer() -> i32 {\n    LAYER\n}\n\n\
         /// A request both layers have.\npub fn request() -> functions::users::GetUsers {\n    \
         functions::users::GetUsers { id: vec![1, 2] }\n}\n",
    )
    .unwrap();
    let schema = dir.join("schema/api.tl");
    std::fs::copy(fixture("old.tl"), &schema).unwrap();
    harness::scratch::lock(&dir);
    cargo_build(&dir, &target);
    let before = generated(&target);
    assert!(before.contains("pub const LAYER: i32 = 1;"), "{before}");
    assert!(before.contains("users.ping"));
    // Each item names its TL definition and id.
    assert!(
        before.contains("TL constructor `userEmpty#d3bc4b7a id:long = User`, id `0xd3bc4b7a`."),
        "{before}"
    );

    // A newer layer replaces the file; keep the old one for the diff, as a user would.
    let previous = root.join("api-previous.tl");
    std::fs::copy(&schema, &previous).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::copy(fixture("new.tl"), &schema).unwrap();
    cargo_build(&dir, &target);
    let after = generated(&target);
    assert_ne!(before, after, "the generated code did not change");
    assert!(after.contains("pub const LAYER: i32 = 2;"), "{after}");
    assert!(after.contains(
        "TL constructor `userEmpty#a37fbb0f id:long access_hash:long = User`, id `0xa37fbb0f`."
    ));
    assert!(after.contains("userDeleted") && !after.contains("users.ping"));

    let diff = Command::new(env!("CARGO_BIN_EXE_tlgen"))
        .arg("diff")
        .arg(&previous)
        .arg(&schema)
        .output()
        .unwrap();
    assert_eq!(diff.status.code(), Some(0));
    let report = String::from_utf8(diff.stdout).unwrap();
    assert!(report.contains("(layer 1)\n+++ "), "{report}");
    assert!(report.contains("api.tl (layer 2)"), "{report}");
    assert!(report.contains("+ userDeleted#53c36908 = User"), "{report}");
    assert!(report.contains("- users.ping#4f55b008 = Bool"), "{report}");
    assert!(
        report.contains("~ userEmpty#d3bc4b7a -> #a37fbb0f = User"),
        "{report}"
    );
    assert!(
        report.contains("summary: 4 added, 1 removed, 0 renamed, 1 re-identified, 2 changed"),
        "{report}"
    );
}
