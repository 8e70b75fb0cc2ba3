//! Generates the td_api types the examples use from TDLib's schema in the corpus
//! (`schema/corpus/tdlib/td_api.tl`), with their JSON form: only `parseTextEntities`,
//! `getTextEntities`, TDLib's `error`, `setLogVerbosityLevel` (TDLib logs every synchronous
//! request at its default level) and what they need, so that this builds in seconds.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let schema = manifest.join("../schema/corpus/tdlib/td_api.tl");
    // Canonical, so that diagnostics and `rerun-if-changed` name the file plainly.
    let schema = schema.canonicalize().unwrap_or(schema);
    tl_codegen::Config::new()
        .select([
            "parseTextEntities",
            "getTextEntities",
            "error",
            "setLogVerbosityLevel",
        ])
        .serde(true)
        .file_name("td_api.rs")
        .compile(&[schema])?;
    Ok(())
}
