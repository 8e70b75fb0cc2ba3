//! Formatting: tokens to a `syn::File`, pretty-printed by prettyplease, under a `@generated` header.

use proc_macro2::TokenStream;

use crate::Error;

/// Formats the generated tokens, or keeps them on one line when `pretty` is false.
pub(crate) fn format(tokens: TokenStream, header: &str, pretty: bool) -> Result<String, Error> {
    let body = if pretty {
        let file: syn::File = syn::parse2(tokens.clone()).map_err(|e| Error::Format {
            message: e.to_string(),
            code: tokens.to_string(),
        })?;
        prettyplease::unparse(&file)
    } else {
        let mut code = tokens.to_string();
        code.push('\n');
        code
    };
    Ok(format!("{header}\n{body}"))
}
