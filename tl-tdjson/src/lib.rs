//! TDLib's JSON interface (libtdjson), loaded at run time, behind a small safe API.
//!
//! [`Tdjson`] wraps the four functions of TDLib's client-id interface (`td_json_client.h`):
//! [`execute`](Tdjson::execute) (`td_execute`, the synchronous requests),
//! [`create_client_id`](Tdjson::create_client_id), [`send`](Tdjson::send) and
//! [`receive`](Tdjson::receive). Requests and answers are JSON text, passed through unchanged:
//! this crate parses nothing, so tests can compare what TDLib printed byte for byte. Every answer
//! is copied out of TDLib's buffer before the call returns.
//!
//! The library is not linked but opened with `dlopen` (through `libloading`), so building needs no
//! TDLib. [`Tdjson::find`] takes the path from the `TDJSON_LIB` environment variable
//! ([`LIBRARY_VAR`]) or asks the system loader for `libtdjson.so`; `.ci/run` installs TDLib 1.8.66
//! and sets the variable. Tests that need TDLib call [`Tdjson::find_or_skip`], which says loudly on
//! stderr when they skip.
//!
//! TDLib's JSON, as 1.8.66 writes it (recorded in `tests/fixtures/`, whose README has the
//! details): `int32`/`int53` are JSON integers, `int64` a decimal string, `double` a number with
//! six decimals, `bytes` padded base64, `Bool` `true`/`false`; a null object field is left out,
//! an empty vector is `[]`; `@type` comes first, and answers end with the request's `@extra` and,
//! through [`receive`](Tdjson::receive), `@client_id`.
//!
//! ```
//! use tl_tdjson::Tdjson;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let Some(td) = Tdjson::find_or_skip("the crate's example")? else {
//!     return Ok(()); // no TDLib here: the line on stderr says so
//! };
//! td.execute(r#"{"@type":"setLogVerbosityLevel","new_verbosity_level":0}"#)?;
//! let answer = td.execute(r#"{"@type":"getTextEntities","text":"@telegram"}"#)?;
//! assert!(answer.is_some_and(|a| a.contains(r#""@type":"textEntityTypeMention""#)));
//! # Ok(())
//! # }
//! ```

mod error;
mod ffi;

use std::ffi::CString;
use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

pub use error::{LoadError, RequestError};

/// The environment variable [`Tdjson::find`] reads: the path of libtdjson (`.ci/run` sets it to
/// the library that `.ci/tdjson.sh` installs).
pub const LIBRARY_VAR: &str = "TDJSON_LIB";

/// A loaded libtdjson: TDLib's JSON interface.
///
/// Cheap to clone, `Send` and `Sync`: TDLib allows [`execute`](Self::execute),
/// [`create_client_id`](Self::create_client_id) and [`send`](Self::send) from any thread, and
/// [`receive`](Self::receive) takes a process-wide lock because TDLib forbids two simultaneous
/// `td_receive` calls.
///
/// TDLib's state (its clients, its receive queue, its log settings) belongs to the library, not to
/// a handle: two handles loaded from the same file see the same clients and the same updates. The
/// library is never unloaded, since TDLib's threads outlive any handle.
#[derive(Clone)]
pub struct Tdjson {
    path: PathBuf,
    functions: ffi::Functions,
}

// Shared across threads by design (see above): a change that loses this fails to compile.
const _: () = {
    const fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Tdjson>();
};

impl fmt::Debug for Tdjson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tdjson")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Tdjson {
    /// Loads libtdjson from `path` (a bare file name such as `libtdjson.so` is looked up by the
    /// system loader, on `LD_LIBRARY_PATH` and the like).
    ///
    /// Loading a library runs its code: `path` must be TDLib's libtdjson (1.7.0 or later), as the
    /// functions this crate calls are trusted to have the signatures of `td_json_client.h`. A file
    /// that lacks one of them is refused with [`LoadError::MissingSymbol`]; one that has them with
    /// other signatures cannot be told apart.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, LoadError> {
        let path = path.as_ref();
        let functions = ffi::Functions::open(path).map_err(|error| match error {
            ffi::OpenError::Open(reason) => LoadError::Open {
                path: path.to_owned(),
                reason,
            },
            ffi::OpenError::Symbol(symbol, reason) => LoadError::MissingSymbol {
                path: path.to_owned(),
                symbol,
                reason,
            },
        })?;
        Ok(Self {
            path: path.to_owned(),
            functions,
        })
    }

    /// Loads libtdjson from the path in `TDJSON_LIB` ([`LIBRARY_VAR`]) when it is set and not
    /// empty, and otherwise the platform's library name (`libtdjson.so` on Linux,
    /// `libtdjson.dylib` on macOS, `tdjson.dll` on Windows) through the system loader.
    ///
    /// When the variable is set, any failure is that path's ([`LoadError::Open`] or
    /// [`LoadError::MissingSymbol`]); when it is not and the system has no such library, the error
    /// is [`LoadError::NotFound`].
    pub fn find() -> Result<Self, LoadError> {
        match std::env::var_os(LIBRARY_VAR) {
            Some(path) if !path.is_empty() => Self::load(PathBuf::from(path)),
            _ => {
                let name = PathBuf::from(libloading::library_filename("tdjson"));
                Self::load(&name).map_err(|error| match error {
                    LoadError::Open { path, reason } => LoadError::NotFound { name: path, reason },
                    other => other,
                })
            }
        }
    }

    /// [`find`](Self::find) for tests: `Ok(None)` when there is no TDLib to find
    /// ([`LoadError::NotFound`]), after writing `SKIPPED: libtdjson not found; set TDJSON_LIB …:
    /// {what}` to stderr, past the test harness's capture so that the line shows in `cargo test`'s
    /// output. Any other failure is an error: a `TDJSON_LIB` that names a file which does not load
    /// must fail the test, not skip it.
    pub fn find_or_skip(what: &str) -> Result<Option<Self>, LoadError> {
        match Self::find() {
            Ok(tdjson) => Ok(Some(tdjson)),
            Err(LoadError::NotFound { .. }) => {
                // One write of the whole line, straight to the process's stderr: libtest does not
                // capture it, and it does not interleave with the harness's own output.
                let line = format!(
                    "SKIPPED: libtdjson not found; set {LIBRARY_VAR} to the path of libtdjson.so \
                     (.ci/tdjson.sh installs TDLib 1.8.66 and prints it): {what}\n"
                );
                let _ = std::io::stderr().write_all(line.as_bytes());
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }

    /// The path the library was loaded from, as given to [`load`](Self::load) (or found by
    /// [`find`](Self::find)).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Executes a synchronous request (`td_execute`) and returns TDLib's answer, a JSON object as
    /// TDLib wrote it; `None` if TDLib returned NULL (older versions did so for a request that is
    /// not JSON; 1.8 answers with an `error` object).
    ///
    /// Only requests documented with "Can be called synchronously" work; others are answered with
    /// an `error` object. The only failure on this side is a request containing a NUL byte.
    pub fn execute(&self, request: &str) -> Result<Option<String>, RequestError> {
        let request = c_request(request)?;
        Ok(self.functions.execute(&request))
    }

    /// Creates a TDLib client instance (`td_create_client_id`) and returns its identifier.
    ///
    /// The instance sends no updates until it gets its first request through
    /// [`send`](Self::send). TDLib destroys it after it is closed (the `close` request).
    pub fn create_client_id(&self) -> i32 {
        self.functions.create_client_id()
    }

    /// Sends a request to a client (`td_send`). The answer arrives later through
    /// [`receive`](Self::receive), carrying the request's `@extra` value (any JSON value) and
    /// `"@client_id"`; a request TDLib cannot parse is answered there with an `error` object, if
    /// its `@extra` could be read.
    pub fn send(&self, client_id: i32, request: &str) -> Result<(), RequestError> {
        let request = c_request(request)?;
        self.functions.send(client_id, &request);
        Ok(())
    }

    /// Waits up to `timeout` seconds for the next update or answer of any client (`td_receive`),
    /// and returns it as TDLib wrote it, or `None` if none came in time.
    ///
    /// Calls are serialised across the process (TDLib forbids simultaneous ones), so a second
    /// thread calling this waits for the first. Every client's updates and answers come through
    /// this one queue; a test that creates clients should be the only one receiving at the time.
    pub fn receive(&self, timeout: f64) -> Option<String> {
        self.functions.receive(timeout)
    }
}

/// The request as a C string, or the position of its first NUL byte.
fn c_request(request: &str) -> Result<CString, RequestError> {
    CString::new(request).map_err(|error| RequestError::new(error.nul_position()))
}
