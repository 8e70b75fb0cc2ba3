//! Telegram's API documentation as data, for generators and tools: what core.telegram.org says
//! about each constructor, method, type and error, by TL name. It knows TL names and
//! documentation, nothing about generated Rust; descriptions come out as Markdown.
//!
//! - [`getdoc`]: the file format of gotd's getdoc dump (`schema/docs/getdoc-L223.json`), read
//!   with unknown members accepted and errors naming the file and the JSON path, and written
//!   deterministically. [`getdoc::Doc::subset`] keeps the entries a schema uses.
//! - [`Docs`]: the model. Per constructor and method its [`Description`] and parameters, per
//!   method the possible errors and who may call it ([`Usability`]), and the errors
//!   ([`ErrorDoc`], names as [`ErrorPattern`]s: `FLOOD_WAIT_%d`). [`Docs::merge_telethon`] adds
//!   Telethon's lists ([`Telethon`]) where the dump lacks data.
//! - [`Description`]: paragraphs of text, links and code; read from getdoc's footnote form
//!   (`pagination¹` plus a `links` list) or Telethon's Markdown, written as Markdown that rustdoc
//!   accepts with warnings denied ([`Description::to_markdown`], [`escape_markdown`]).
//! - [`Coverage`]: how much of a resolved schema ([`tl_parser::Schema`]) the docs cover, and
//!   which entries name nothing the schema has.
//! - `extract` (feature `extract`): saved core.telegram.org pages into the getdoc format, with
//!   scraper.
//!
//! ```
//! use tl_docs::{Docs, getdoc};
//!
//! let doc = getdoc::Doc::from_json(
//!     r#"{"index": {"layer": 223, "categories": []},
//!         "constructors": {"userStatusOnline": {"name": "userStatusOnline",
//!             "description": ["Online status of the user."],
//!             "fields": {"expires": {"name": "expires",
//!                 "description": "Time to expiration of the current online status"}}}}}"#,
//!     "docs.json",
//! )?;
//! let docs = Docs::from_getdoc(&doc);
//!
//! let mut sources = tl_parser::SourceSet::new();
//! sources.add(
//!     "api.tl",
//!     "int ? = Int;\nuserStatusOnline#edb93949 expires:int = UserStatus;\n\
//!      userStatusOffline#8c703f was_online:int = UserStatus;\n",
//! );
//! let schema = tl_parser::parse(&sources, &Default::default()).into_result().unwrap();
//! let coverage = docs.coverage(&schema);
//! assert_eq!(
//!     coverage.to_string(),
//!     "docs: 1 of 2 definitions documented, 0 entries for unknown names"
//! );
//! assert_eq!(
//!     docs.param("userStatusOnline", "expires").unwrap().description.to_markdown(),
//!     "Time to expiration of the current online status"
//! );
//! # Ok::<(), tl_docs::LoadError>(())
//! ```

mod coverage;
mod error;
mod errors;
#[cfg(feature = "extract")]
pub mod extract;
pub mod getdoc;
mod model;
mod telethon;
mod text;

pub use coverage::{Count, Coverage};
pub use error::LoadError;
pub use errors::{ErrorPattern, PLACEHOLDER};
pub use model::{
    ConstructorDoc, Docs, ErrorDoc, MergeReport, MethodDoc, ParamDoc, PossibleError, Source,
    TypeDoc, Usability,
};
pub use telethon::{Telethon, TelethonError, TelethonMethod};
pub use text::{CORE_TELEGRAM_ORG, Description, Inline, Paragraph, absolute_url, escape_markdown};
