//! Generates the shipped types from `schema/` into `$OUT_DIR/tl.rs`; with the `samples` feature,
//! sample values too.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_SAMPLES");
    tl_codegen::Config::new()
        .runtime_path("crate")
        .select([
            "messages.getChatInviteImporters",
            "messages.ChatInviteImporters",
        ])
        .samples(std::env::var_os("CARGO_FEATURE_SAMPLES").is_some())
        .compile(&["../schema/importers.tl"])?;
    Ok(())
}
