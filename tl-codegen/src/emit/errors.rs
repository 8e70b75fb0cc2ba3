//! The `errors` module of code generated with documentation: one constant of the runtime's
//! `ErrorDoc` per documented error, the table `ALL`, and `lookup`, which finds the entry of an
//! `RpcError` a server answered with.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::context::Ctx;
use super::docs;
use crate::model::Model;

/// `pub mod errors { … }`.
pub(crate) fn module(ctx: &Ctx, model: &Model) -> TokenStream {
    let rt = &ctx.rt;
    let consts = model.errors.iter().map(|error| {
        let ident = error.ident.to_ident();
        let summary = format!("`{}`, code {}.", error.name, error.code);
        let doc = if error.doc.is_empty() {
            summary
        } else {
            format!("{}\n\n{summary}", error.doc)
        };
        let doc = docs::attrs(&doc);
        let name = &error.name;
        let code = Literal::i32_unsuffixed(error.code);
        let text = &error.text;
        quote! {
            #doc
            pub const #ident: #rt::ErrorDoc = #rt::ErrorDoc::new(#name, #code, #text);
        }
    });
    let idents = model.errors.iter().map(|e| e.ident.to_ident());
    let module_doc = docs::attrs(
        "The RPC errors the documentation describes: one constant per error (its name as the \
         documentation writes it, `%d` where the server puts a number; its code; what it means), \
         the table `ALL` and `lookup`, which finds the entry of an error a server answered with.",
    );
    quote! {
        #module_doc
        pub mod errors {
            #(#consts)*

            /// Every documented error, in name order.
            pub static ALL: &[#rt::ErrorDoc] = &[#(#idents),*];

            /// The documented entry of an error a server answered with: `FLOOD_WAIT_42` finds
            /// `FLOOD_WAIT_%d`, and a name documented both plainly and with a number
            /// (`EMAIL_UNCONFIRMED`, `EMAIL_UNCONFIRMED_%d`) is told apart by whether the error
            /// carries a value (the runtime's `ErrorDoc::find` over [`ALL`]).
            pub fn lookup(
                error: &#rt::RpcError,
            ) -> ::core::option::Option<&'static #rt::ErrorDoc> {
                #rt::ErrorDoc::find(ALL, error)
            }
        }
    }
}
