//! Rust code generation for TL schemas, for `build.rs` scripts and the `tlgen` CLI.
//!
//! The pipeline: `tl-parser` parses, resolves and checks the schema; lowering turns it into the
//! [`Model`], where every Rust name, type, field layout and heap allocation is decided once
//! ([`Config::model`] hands it to tools); the generators read only that model and produce tokens;
//! prettyplease formats them. With `Config::docs` (the `docs` feature), Telegram's documentation
//! (a getdoc JSON file, read by tl-docs) becomes the rustdoc of every item, the possible errors of each function
//! (`RemoteCall::POSSIBLE_ERRORS`) and an `errors` module.
//!
//! A `build.rs`:
//!
//! ```no_run
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     tl_codegen::Config::new()
//!         .select(["messages.getChatInviteImporters"]) // optional: only what these need
//!         .compile(&["schema/api.tl"])?; // writes $OUT_DIR/tl.rs
//!     Ok(())
//! }
//! ```
//!
//! and the crate's `lib.rs`, with `tl-types` as a dependency:
//!
//! ```text
//! include!(concat!(env!("OUT_DIR"), "/tl.rs"));
//! ```

mod config;
mod emit;
mod error;
mod format;
mod ident;
mod lower;
pub mod model;
mod write;

pub use config::{Config, Generated};
pub use error::Error;
pub use ident::RustIdent;
pub use model::Model;
#[cfg(feature = "docs")]
pub use tl_docs::Coverage as DocsCoverage;
pub use tl_parser::{CheckOptions, Severity};

/// Generates with the default [`Config`] and writes `$OUT_DIR/tl.rs`: the shortcut for a build script.
pub fn compile(files: &[impl AsRef<std::path::Path>]) -> Result<(), Error> {
    Config::new().compile(files)
}
