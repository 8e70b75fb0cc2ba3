//! Formatting: the generated file's top-level items, each emitted and pretty-printed by
//! prettyplease on one of as many threads as the machine has cores, under a `@generated` header.
//!
//! prettyplease prints a file as its items one after the other, so formatting each top-level item
//! as a file of its own and joining the texts in order gives the same bytes as formatting the whole
//! file at once. The items are large (the `types`, `enums` and `functions` modules), and a build
//! script runs unoptimized, so spreading them over the cores shortens every build that generates.
//! Token streams cannot cross threads, so each thread also emits its items' tokens
//! ([`Emitter::part`]) and hands syn the tokens, not their text.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::Error;
use crate::emit::{Emitter, Part};

/// The generated file: formatted, or on one line when `pretty` is false.
pub(crate) fn format(emitter: &Emitter<'_>, header: &str, pretty: bool) -> Result<String, Error> {
    let body = if pretty {
        pretty_parts(emitter)?
    } else {
        let mut code = emitter.all()?.to_string();
        code.push('\n');
        code
    };
    Ok(format!("{header}\n{body}"))
}

/// Every part emitted and formatted on its own, joined in file order.
fn pretty_parts(emitter: &Emitter<'_>) -> Result<String, Error> {
    let results: Vec<OnceLock<Result<String, Error>>> = Part::IN_FILE_ORDER
        .iter()
        .map(|_| OnceLock::new())
        .collect();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(Part::LARGEST_FIRST.len());
    let work = || {
        while let Some(&part) = Part::LARGEST_FIRST.get(next.fetch_add(1, Ordering::Relaxed)) {
            let slot = Part::IN_FILE_ORDER.iter().position(|&p| p == part);
            let Some(cell) = slot.and_then(|slot| results.get(slot)) else {
                continue;
            };
            // Each part is taken once, so the cell is always empty here.
            let _ = cell.set(pretty_part(emitter, part));
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    let mut body = String::new();
    for result in results {
        match result.into_inner() {
            Some(formatted) => body.push_str(&formatted?),
            // Not reached: every part was taken by a thread that ran to its end (a panic would
            // have reached `scope`). Were it, that is reported rather than a part left out.
            None => {
                return Err(Error::Format {
                    message: "a part of the file was not formatted".to_owned(),
                    code: String::new(),
                });
            }
        }
    }
    Ok(body)
}

/// One part, formatted; nothing for an empty one.
fn pretty_part(emitter: &Emitter<'_>, part: Part) -> Result<String, Error> {
    let tokens = emitter.part(part)?;
    if tokens.is_empty() {
        return Ok(String::new());
    }
    match syn::parse2::<syn::File>(tokens) {
        Ok(file) => Ok(prettyplease::unparse(&file)),
        // The tokens went to syn; emitting them again gives the same (generation is
        // deterministic), as text for the error.
        Err(e) => Err(Error::Format {
            message: e.to_string(),
            code: emitter.part(part)?.to_string(),
        }),
    }
}
