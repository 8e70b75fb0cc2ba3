//! The crate's errors: [`LoadError`] (the library could not be loaded) and [`RequestError`] (a
//! request that cannot be handed to TDLib).

use std::path::PathBuf;

use crate::LIBRARY_VAR;

/// Why libtdjson could not be loaded. Each variant names the file, and the loader's own message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// [`Tdjson::find`](crate::Tdjson::find) found no library: `TDJSON_LIB` is not set and the
    /// system loader cannot find the platform's name for it (`libtdjson.so` on Linux).
    #[error(
        "libtdjson not found: {LIBRARY_VAR} is not set and the system loader cannot find {}: {reason}",
        name.display()
    )]
    NotFound {
        /// The platform's file name that was tried (`libtdjson.so`, `libtdjson.dylib`, `tdjson.dll`).
        name: PathBuf,
        /// The loader's message.
        reason: String,
    },
    /// The file could not be loaded: it does not exist, is not a library, or needs a library that
    /// the system does not have.
    #[error("cannot load {}: {reason}", path.display())]
    Open {
        /// The file, as given.
        path: PathBuf,
        /// The loader's message.
        reason: String,
    },
    /// The file is a library but lacks one of TDLib's JSON functions (`td_create_client_id`,
    /// `td_send`, `td_receive`, `td_execute`, all present since TDLib 1.7.0).
    #[error("{} is not TDLib's JSON interface: it has no function {symbol}: {reason}", path.display())]
    MissingSymbol {
        /// The file, as given.
        path: PathBuf,
        /// The first function that is missing.
        symbol: &'static str,
        /// The loader's message.
        reason: String,
    },
}

/// A request that cannot be passed to TDLib: it contains a NUL byte, which would end the C string
/// early. JSON never needs one: a U+0000 inside a JSON string is written `\u0000`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "a TDLib request cannot contain a NUL byte (found one at byte {position}); in JSON, write U+0000 as \\u0000"
)]
pub struct RequestError {
    position: usize,
}

impl RequestError {
    pub(crate) fn new(position: usize) -> Self {
        Self { position }
    }

    /// The byte offset of the first NUL byte in the request.
    pub fn position(&self) -> usize {
        self.position
    }
}
