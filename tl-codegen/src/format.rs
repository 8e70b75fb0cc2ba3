//! Formatting: the generated top-level items, each pretty-printed by prettyplease (on as many
//! threads as the machine has cores), under a `@generated` header.
//!
//! prettyplease prints a file as its items one after the other, so formatting each top-level item
//! as a file of its own and joining the texts in order gives the same bytes as formatting the whole
//! file at once. The items are large (the `types`, `enums` and `functions` modules), and a build
//! script runs unoptimized, so spreading them over the cores shortens every build that generates.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use proc_macro2::TokenStream;

use crate::Error;

/// Formats the generated top-level items, or keeps them on one line when `pretty` is false.
pub(crate) fn format(items: Vec<TokenStream>, header: &str, pretty: bool) -> Result<String, Error> {
    let body = if pretty {
        pretty_items(&items)?
    } else {
        let mut code = items.into_iter().collect::<TokenStream>().to_string();
        code.push('\n');
        code
    };
    Ok(format!("{header}\n{body}"))
}

/// A failure to parse one item's text: syn's message and the text.
struct Unparsable {
    message: String,
    code: String,
}

/// Every non-empty item formatted on its own, joined in order. Token streams cannot cross threads,
/// so each item goes to its thread as text, which syn parses again.
fn pretty_items(items: &[TokenStream]) -> Result<String, Error> {
    let texts: Vec<String> = items
        .iter()
        .filter(|item| !item.is_empty())
        .map(ToString::to_string)
        .collect();
    // The largest first, so that a thread is not left alone with the biggest at the end.
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(texts[i].len()));
    let results: Vec<OnceLock<Result<String, Unparsable>>> =
        texts.iter().map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(texts.len());
    let work = || {
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let formatted = syn::parse_file(&texts[i])
                .map(|file| prettyplease::unparse(&file))
                .map_err(|e| Unparsable {
                    message: e.to_string(),
                    code: texts[i].clone(),
                });
            // Each index is taken once, so the cell is always empty here.
            let _ = results[i].set(formatted);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    let mut body = String::new();
    for (result, text) in results.into_iter().zip(texts) {
        match result.into_inner() {
            Some(Ok(formatted)) => body.push_str(&formatted),
            Some(Err(Unparsable { message, code })) => return Err(Error::Format { message, code }),
            // Not reached: every index was taken by a thread that ran to its end (a panic would
            // have reached `scope`). Were it, the item is reported rather than left out.
            None => {
                return Err(Error::Format {
                    message: "an item was not formatted".to_owned(),
                    code: text,
                });
            }
        }
    }
    Ok(body)
}
