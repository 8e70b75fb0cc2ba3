//! A user crate built exactly as the README says (build.rs calling `tl_codegen::Config` with
//! `select` and `builders(true)`, `include!` in lib.rs, only `tl-types` as a dependency) compiles
//! against the full api-L228.tl of the corpus and round-trips the request, built with `new` and
//! `with_` as in the README. It builds on the workspace's `Cargo.lock`, with `--locked --offline`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

mod harness;

#[test]
fn user_crate_compiles_against_full_api() {
    let corpus = harness::corpus::dir();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .unwrap();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("user-crate");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let schema = corpus.join("telegram/api-L228.tl");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"user-crate\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\ntl-types = {{ path = {tl_types:?} }}\n\n\
             [build-dependencies]\ntl-codegen = {{ path = {tl_codegen:?} }}\n\n[workspace]\n",
            tl_types = workspace.join("tl-types"),
            tl_codegen = workspace.join("tl-codegen"),
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("build.rs"),
        format!(
            "fn main() -> Result<(), Box<dyn std::error::Error>> {{\n    \
             tl_codegen::Config::new()\n        .select([\"messages.getChatInviteImporters\"])\n        .builders(true)\n        .layer(228)\n        \
             .compile(&[{schema:?}])?;\n    Ok(())\n}}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("src/lib.rs"),
        "include!(concat!(env!(\"OUT_DIR\"), \"/tl.rs\"));\n\n\
         #[test]\nfn request_round_trips() {\n    \
         use tl_types::{Deserializable, Serializable};\n    \
         let request = functions::messages::GetChatInviteImporters::new(\n        \
         types::InputPeerSelf {}, 1, types::InputUserSelf {}, 10,\n    )\n    \
         .with_requested(true)\n    .with_subscription_expired(true)\n    \
         .with_link(\"https://t.me/+x\")\n    .with_q(\"a\");\n    \
         let bytes = request.to_bytes();\n    \
         assert_eq!(&bytes[..4], &0xdf04dd4e_u32.to_le_bytes());\n    \
         assert_eq!(functions::messages::GetChatInviteImporters::from_bytes(&bytes).unwrap(), request);\n    \
         assert_eq!(LAYER, 228);\n}\n",
    )
    .unwrap();
    harness::scratch::lock(&dir);
    let output = harness::scratch::cargo("test", &dir, &dir.join("target"))
        .arg("--quiet")
        .env_remove("TL_CORPUS")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "user crate failed:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("1 passed"),
        "the user crate's test did not run:\n{stdout}"
    );
}
