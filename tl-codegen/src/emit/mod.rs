//! The generators: the model becomes one Rust file of tokens — `LAYER`, `name_for_id`, and the
//! `types`, `enums` and `functions` module trees.

mod borrowed;
mod builders;
mod context;
mod docs;
mod enums;
mod errors;
mod getters;
mod samples;
mod serde;
mod structs;
mod wire;

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use context::Ctx;

use crate::ident::RustIdent;
use crate::model::{Model, Root};

/// Items generated besides the types, when asked for, each behind a `cfg` predicate if one is set
/// (`feature = "samples"`), so that a crate shipping generated code can offer them as a feature.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extra {
    /// Generate them.
    pub(crate) on: bool,
    /// The `cfg` predicate each item is put behind, if any.
    pub(crate) cfg: Option<TokenStream>,
}

impl Extra {
    /// The items `item` makes, behind the `cfg` predicate; nothing when off.
    fn wrap(&self, item: impl FnOnce() -> TokenStream) -> TokenStream {
        if !self.on {
            return TokenStream::new();
        }
        let items = item();
        let Some(predicate) = &self.cfg else {
            return items;
        };
        // The predicate goes on each item (a struct's JSON form is three impls).
        match syn::parse2::<syn::File>(items.clone()) {
            Ok(file) => file
                .items
                .iter()
                .map(|item| quote!(#[cfg(#predicate)] #item))
                .collect(),
            Err(_) => quote!(#[cfg(#predicate)] #items),
        }
    }

    /// On when both are, behind both predicates.
    fn and(&self, other: &Extra) -> Extra {
        let cfg = match (&self.cfg, &other.cfg) {
            (Some(a), Some(b)) => Some(quote!(all(#a, #b))),
            (a, b) => a.clone().or_else(|| b.clone()),
        };
        Extra {
            on: self.on && other.on,
            cfg,
        }
    }
}

/// What to generate besides the types.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// `Sample` impls and `visit_samples`.
    pub(crate) samples: Extra,
    /// serde's `Serialize` and `Deserialize` in the JSON form (and, with samples,
    /// `visit_json_samples`).
    pub(crate) serde: Extra,
}

/// The whole generated file, as its top-level items in order (so that they can be formatted
/// apart); `rt` is the runtime crate's path.
pub(crate) fn generate(rt: TokenStream, model: &Model, options: Options) -> Vec<TokenStream> {
    let ctx = &Ctx {
        codec: codec_alias(model),
        rt,
        documented: model.documented,
        borrowing: context::borrowing(model),
    };
    let layer = model.layer.map(|layer| {
        let layer = Literal::i32_unsuffixed(layer);
        quote! {
            /// The layer of the schema these types were generated from.
            pub const LAYER: i32 = #layer;
        }
    });
    let name_for_id = name_for_id(model);
    let types = module_tree(
        ctx,
        Root::Types,
        model.types.iter().map(|d| {
            let mut tokens = structs::generate(ctx, d, false);
            if model.borrowed {
                tokens.extend(borrowed::for_struct(ctx, d));
            }
            tokens.extend(options.samples.wrap(|| samples::for_struct(ctx, d)));
            tokens.extend(options.serde.wrap(|| serde::for_struct(ctx, d)));
            (d.path.modules.clone(), tokens)
        }),
        "Constructors: one struct per TL constructor.",
    );
    let enums = module_tree(
        ctx,
        Root::Enums,
        model.enums.iter().map(|d| {
            let mut tokens = enums::generate(ctx, d);
            if model.borrowed {
                tokens.extend(borrowed::for_enum(ctx, d));
            }
            tokens.extend(options.samples.wrap(|| samples::for_enum(ctx, d)));
            tokens.extend(options.serde.wrap(|| serde::for_enum(ctx, d)));
            (d.path.modules.clone(), tokens)
        }),
        "Boxed types: one enum per TL type, with a variant per constructor.",
    );
    let functions = module_tree(
        ctx,
        Root::Functions,
        model.functions.iter().map(|d| {
            let mut tokens = structs::generate(ctx, d, true);
            if model.borrowed {
                tokens.extend(borrowed::for_struct(ctx, d));
            }
            tokens.extend(options.samples.wrap(|| samples::for_struct(ctx, d)));
            tokens.extend(options.serde.wrap(|| serde::for_struct(ctx, d)));
            (d.path.modules.clone(), tokens)
        }),
        "Functions: one struct per TL function, with its result type in `RemoteCall::Return`.",
    );
    let visit = options
        .samples
        .wrap(|| samples::visit_all(ctx, model, samples::Visit::Binary));
    let visit_json = options
        .samples
        .and(&options.serde)
        .wrap(|| samples::visit_all(ctx, model, samples::Visit::Json));
    let errors = model.documented.then(|| errors::module(ctx, model));
    [
        layer,
        Some(name_for_id),
        Some(visit),
        Some(visit_json),
        Some(types),
        Some(enums),
        Some(functions),
        errors,
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn name_for_id(model: &Model) -> TokenStream {
    let ids = model.names.iter().map(|(id, _)| context::hex_literal(*id));
    let names = model.names.iter().map(|(_, name)| name);
    let mut doc = String::from(
        "The TL name of the generated constructor or function with this id, if any.\n\n\
         Where several definitions share an id, the one whose declared id verifies is returned \
         (then the first in the schema).",
    );
    for shared in &model.shared_ids {
        let others: Vec<String> = shared.others.iter().map(|o| format!("`{o}`")).collect();
        doc.push_str(&format!(
            "\n- `{:#010x}`: `{}` (also {})",
            shared.id,
            shared.chosen,
            others.join(", ")
        ));
    }
    let doc = docs::attrs(&doc);
    quote! {
        #doc
        pub fn name_for_id(id: u32) -> ::core::option::Option<&'static str> {
            ::core::option::Option::Some(match id {
                #(#ids => #names,)*
                _ => return ::core::option::Option::None,
            })
        }
    }
}

/// Nested `pub mod` blocks: items grouped by their namespace modules, sorted.
#[derive(Default)]
struct ModuleNode {
    items: TokenStream,
    children: BTreeMap<RustIdent, ModuleNode>,
}

/// `tl`, or if a namespace module is called that, the first of `tl_codec`, `tl_codec2`, … that none is.
fn codec_alias(model: &Model) -> proc_macro2::Ident {
    let modules: std::collections::BTreeSet<&str> = model
        .types
        .iter()
        .chain(&model.functions)
        .flat_map(|s| s.path.modules.iter())
        .chain(model.enums.iter().flat_map(|e| e.path.modules.iter()))
        .map(RustIdent::unraw)
        .collect();
    let mut name = "tl".to_owned();
    let mut n = 1;
    while modules.contains(name.as_str()) {
        name = if n == 1 {
            "tl_codec".to_owned()
        } else {
            format!("tl_codec{n}")
        };
        n += 1;
    }
    proc_macro2::Ident::new(&name, proc_macro2::Span::call_site())
}

fn module_tree(
    ctx: &Ctx,
    root: Root,
    items: impl Iterator<Item = (Vec<RustIdent>, TokenStream)>,
    doc: &str,
) -> TokenStream {
    let mut top = ModuleNode::default();
    for (modules, tokens) in items {
        let mut node = &mut top;
        for m in modules {
            node = node.children.entry(m).or_default();
        }
        node.items.extend(tokens);
    }
    let name = match root {
        Root::Types => quote!(types),
        Root::Enums => quote!(enums),
        Root::Functions => quote!(functions),
    };
    // Struct code names field types through the runtime's codecs and helpers (its `__private`
    // plumbing), imported under a short alias.
    let import = match root {
        Root::Types | Root::Functions => {
            let (rt, alias) = (&ctx.rt, &ctx.codec);
            Some(quote!(#[allow(unused_imports)] use #rt::__private as #alias;))
        }
        Root::Enums => None,
    };
    let body = render(&top, import.as_ref());
    let doc = docs::attrs(doc);
    quote! {
        #doc
        pub mod #name { #body }
    }
}

fn render(node: &ModuleNode, import: Option<&TokenStream>) -> TokenStream {
    let items = &node.items;
    let own_import = if items.is_empty() { None } else { import };
    let children = node.children.iter().map(|(name, child)| {
        let doc = format!("The `{}` namespace.", name.unraw());
        let ident = name.to_ident();
        let body = render(child, import);
        let doc = docs::attrs(&doc);
        quote! {
            #doc
            pub mod #ident { #body }
        }
    });
    quote!(#own_import #items #(#children)*)
}
