//! The one module that touches libtdjson's C interface: opening the library, looking up its four
//! functions, calling them and copying their answers out. Every `unsafe` block of the crate is here.
#![allow(unsafe_code)]

use std::ffi::{CStr, c_char, c_double, c_int};
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use libloading::Library;

// The signatures of td_json_client.h (TDLib 1.7.0 and later).
/// `int td_create_client_id(void)`
type CreateClientIdFn = unsafe extern "C" fn() -> c_int;
/// `void td_send(int client_id, const char *request)`
type SendFn = unsafe extern "C" fn(c_int, *const c_char);
/// `const char *td_receive(double timeout)`
type ReceiveFn = unsafe extern "C" fn(c_double) -> *const c_char;
/// `const char *td_execute(const char *request)`
type ExecuteFn = unsafe extern "C" fn(*const c_char) -> *const c_char;

/// Held during every `td_receive` call and the copy of its answer. TDLib forbids two simultaneous
/// `td_receive` calls, and its receive queue is global to the process (not to a handle), so the
/// lock is too: two `Tdjson` handles loaded from the same file share it.
static RECEIVE: Mutex<()> = Mutex::new(());

/// Why a library could not be opened, before `lib.rs` turns it into a `LoadError`.
#[derive(Debug)]
pub(crate) enum OpenError {
    /// The dynamic loader could not load the file; the loader's message.
    Open(String),
    /// The library has no symbol of this name; the loader's message.
    Symbol(&'static str, String),
}

/// libtdjson's four functions of the client-id interface.
///
/// The library they come from is never unloaded (see [`Functions::open`]), so the pointers stay
/// valid for the rest of the process and the struct can be copied freely.
#[derive(Clone, Copy)]
pub(crate) struct Functions {
    create_client_id: CreateClientIdFn,
    send: SendFn,
    receive: ReceiveFn,
    execute: ExecuteFn,
}

impl Functions {
    /// Opens the library at `path` (or, for a bare file name, wherever the system loader finds it)
    /// and looks up `td_create_client_id`, `td_send`, `td_receive` and `td_execute`.
    ///
    /// The library is leaked on purpose: TDLib starts threads of its own (one set per client) that
    /// outlive any handle, and unloading code that threads still run is undefined behaviour.
    pub(crate) fn open(path: &Path) -> Result<Self, OpenError> {
        // SAFETY: loading a library runs its initialisers. The caller names the file and
        // `Tdjson::load` documents that it must be TDLib's libtdjson, whose initialisers only set
        // up TDLib's own static state and can run on any thread at any time.
        let library = unsafe { Library::new(path) }.map_err(|e| OpenError::Open(message(&e)))?;
        let library: &'static Library = Box::leak(Box::new(library));
        // SAFETY: `CreateClientIdFn` is the C signature that td_json_client.h declares for
        // td_create_client_id (TDLib 1.7.0 and later; earlier versions lack the symbol, and the
        // lookup fails). The library is never unloaded, so the pointer never dangles.
        let create_client_id =
            unsafe { library.get::<CreateClientIdFn>(c"td_create_client_id") }
                .map_err(|e| OpenError::Symbol("td_create_client_id", message(&e)))?;
        // SAFETY: `SendFn` is td_send's signature in td_json_client.h; never unloaded (as above).
        let send = unsafe { library.get::<SendFn>(c"td_send") }
            .map_err(|e| OpenError::Symbol("td_send", message(&e)))?;
        // SAFETY: `ReceiveFn` is td_receive's signature in td_json_client.h; never unloaded.
        let receive = unsafe { library.get::<ReceiveFn>(c"td_receive") }
            .map_err(|e| OpenError::Symbol("td_receive", message(&e)))?;
        // SAFETY: `ExecuteFn` is td_execute's signature in td_json_client.h; never unloaded.
        let execute = unsafe { library.get::<ExecuteFn>(c"td_execute") }
            .map_err(|e| OpenError::Symbol("td_execute", message(&e)))?;
        Ok(Self {
            create_client_id: *create_client_id,
            send: *send,
            receive: *receive,
            execute: *execute,
        })
    }

    /// `td_execute`: the answer, copied, or `None` when TDLib returned NULL.
    pub(crate) fn execute(&self, request: &CStr) -> Option<String> {
        // SAFETY: `request` is a NUL-terminated string that lives across the call; TDLib only reads
        // it. td_execute may be called from any thread. Its answer lives in a thread-local buffer
        // that only the next td_execute or td_receive *on this thread* replaces, and `copy_out`
        // copies it before this thread makes another call.
        unsafe { copy_out((self.execute)(request.as_ptr())) }
    }

    /// `td_create_client_id`.
    pub(crate) fn create_client_id(&self) -> i32 {
        // SAFETY: no arguments; td_create_client_id may be called from any thread.
        unsafe { (self.create_client_id)() }
    }

    /// `td_send`.
    pub(crate) fn send(&self, client_id: i32, request: &CStr) {
        // SAFETY: `request` is a NUL-terminated string that lives across the call; TDLib copies it
        // before returning. td_send may be called from any thread, with any client id (TDLib
        // answers an unknown one with an error through td_receive).
        unsafe { (self.send)(client_id, request.as_ptr()) }
    }

    /// `td_receive`: the next update or answer, copied, or `None` when `timeout` ran out.
    pub(crate) fn receive(&self, timeout: f64) -> Option<String> {
        // Nothing panics while the lock is held, but a poisoned lock is still a valid one.
        let _guard = RECEIVE.lock().unwrap_or_else(PoisonError::into_inner);
        // SAFETY: the `RECEIVE` lock makes this the only td_receive call of the process (through
        // this crate) in progress, as TDLib requires. The answer lives in a thread-local buffer
        // that the next td_execute or td_receive on this thread replaces; `copy_out` copies it
        // first, still under the lock.
        unsafe { copy_out((self.receive)(timeout)) }
    }
}

/// Copies a NUL-terminated answer of TDLib into an owned `String` (TDLib writes UTF-8 JSON; a
/// byte sequence that is not UTF-8 would be replaced with U+FFFD rather than fail).
///
/// # Safety
///
/// `answer` is NULL or points to a NUL-terminated string that stays valid and unchanged until this
/// function returns.
unsafe fn copy_out(answer: *const c_char) -> Option<String> {
    if answer.is_null() {
        return None;
    }
    // SAFETY: not NULL, and the caller guarantees a NUL-terminated string that stays valid for the
    // duration of this call, which is as long as the borrow is used: it is copied at once.
    let text = unsafe { CStr::from_ptr(answer) };
    Some(text.to_string_lossy().into_owned())
}

/// The loader's message: libloading's error and its sources (dlerror's text), joined with ": ".
fn message(error: &libloading::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
