//! The library half of `tlgen`: the engines behind `tlgen diff` and `tlgen explain`, kept apart from
//! the command-line parsing so that tests can call them directly.
//!
//! ```
//! let (_, old) = tl_parser::parse_str("old.tl", "int ? = Int;\nuser#aaaaaaaa id:int = User;\n");
//! let (_, new) = tl_parser::parse_str(
//!     "new.tl",
//!     "int ? = Int;\nuser#bbbbbbbb id:int name:int = User;\nuserEmpty#cccccccc = User;\n",
//! );
//! let diff = tlgen::diff::diff(&old.schema, &new.schema, &[]).unwrap();
//! assert_eq!(diff.added.len(), 1); // userEmpty: a new variant of User
//! assert_eq!(diff.changed.len(), 1); // user: new id, new field
//! assert_eq!(diff.summary().semver, tlgen::diff::Semver::Major);
//! ```

pub mod diff;
pub mod explain;
pub mod layer;
