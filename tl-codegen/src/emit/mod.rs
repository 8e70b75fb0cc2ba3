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
use crate::model::{Model, Root, StructDef};

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

/// One top-level item of the generated file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// `LAYER`.
    Layer,
    /// `name_for_id`.
    NameForId,
    /// `visit_samples`.
    Visit,
    /// `visit_json_samples`.
    VisitJson,
    /// The `types` module tree.
    Types,
    /// The `enums` module tree.
    Enums,
    /// The `functions` module tree.
    Functions,
    /// The `errors` module.
    Errors,
}

impl Part {
    /// Every part, in the order of the file.
    pub(crate) const IN_FILE_ORDER: [Part; 8] = [
        Part::Layer,
        Part::NameForId,
        Part::Visit,
        Part::VisitJson,
        Part::Types,
        Part::Enums,
        Part::Functions,
        Part::Errors,
    ];

    /// Every part, the largest first (by the text they usually make), so that formatting them on
    /// several threads does not leave one thread alone with the biggest at the end.
    pub(crate) const LARGEST_FIRST: [Part; 8] = [
        Part::Types,
        Part::Functions,
        Part::Enums,
        Part::Errors,
        Part::VisitJson,
        Part::Visit,
        Part::NameForId,
        Part::Layer,
    ];
}

/// The settings of one [`Extra`], as text (`cfg` predicates are checked to parse when an
/// [`Emitter`] is made).
#[derive(Debug, Clone, Default)]
pub(crate) struct ExtraSpec {
    /// Generate them.
    pub(crate) on: bool,
    /// The `cfg` predicate each item is put behind, if any.
    pub(crate) cfg: Option<String>,
}

/// Emits the parts of the file, on any thread: the model and the settings as text, since token
/// streams cannot cross threads; each [`Emitter::part`] builds its own tokens.
#[derive(Debug)]
pub(crate) struct Emitter<'m> {
    model: &'m Model,
    runtime_path: String,
    samples: ExtraSpec,
    serde: ExtraSpec,
}

impl<'m> Emitter<'m> {
    /// An emitter for `model`, with the runtime crate at `runtime_path`. Fails, naming the text,
    /// when the path or a `cfg` predicate does not parse.
    pub(crate) fn new(
        model: &'m Model,
        runtime_path: &str,
        samples: ExtraSpec,
        serde: ExtraSpec,
    ) -> Result<Self, crate::Error> {
        let emitter = Emitter {
            model,
            runtime_path: runtime_path.to_owned(),
            samples,
            serde,
        };
        emitter.options().map_err(|e| e.into_error())?;
        emitter.runtime().map_err(|e| e.into_error())?;
        Ok(emitter)
    }

    /// The whole file's top-level items, in order, on this thread.
    pub(crate) fn all(&self) -> Result<TokenStream, crate::Error> {
        let mut file = TokenStream::new();
        for part in Part::IN_FILE_ORDER {
            file.extend(self.part(part)?);
        }
        Ok(file)
    }

    /// One part of the file (empty when the settings leave it out).
    pub(crate) fn part(&self, part: Part) -> Result<TokenStream, crate::Error> {
        let model = self.model;
        let ctx = &Ctx {
            codec: codec_alias(model),
            rt: self.runtime().map_err(|e| e.into_error())?,
            documented: model.documented,
            borrowing: context::borrowing(model),
        };
        let options = self.options().map_err(|e| e.into_error())?;
        Ok(match part {
            Part::Layer => model
                .layer
                .map(|layer| {
                    let layer = Literal::i32_unsuffixed(layer);
                    quote! {
                        /// The layer of the schema these types were generated from.
                        pub const LAYER: i32 = #layer;
                    }
                })
                .unwrap_or_default(),
            Part::NameForId => name_for_id(model),
            Part::Visit => options
                .samples
                .wrap(|| samples::visit_all(ctx, model, samples::Visit::Binary)),
            Part::VisitJson => options
                .samples
                .and(&options.serde)
                .wrap(|| samples::visit_all(ctx, model, samples::Visit::Json)),
            Part::Types => struct_tree(
                ctx,
                &options,
                Root::Types,
                &model.types,
                "Constructors: one struct per TL constructor.",
            ),
            Part::Enums => module_tree(
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
            ),
            Part::Functions => struct_tree(
                ctx,
                &options,
                Root::Functions,
                &model.functions,
                "Functions: one struct per TL function, with its result type in `RemoteCall::Return`.",
            ),
            Part::Errors => {
                if model.documented {
                    errors::module(ctx, model)
                } else {
                    TokenStream::new()
                }
            }
        })
    }

    /// The runtime crate's path as tokens, when it is a Rust path: `::a::b`, `crate`, `super::x`
    /// (segments of identifier characters separated by `::`, raw identifiers allowed).
    fn runtime(&self) -> Result<TokenStream, Unparsed> {
        let path = &self.runtime_path;
        let bare = path.strip_prefix("::").unwrap_or(path);
        let is_path = !bare.is_empty()
            && bare.split("::").all(|segment| {
                let segment = segment.strip_prefix("r#").unwrap_or(segment);
                segment.starts_with(|c: char| c.is_alphabetic() || c == '_')
                    && segment.chars().all(|c| c.is_alphanumeric() || c == '_')
            });
        let bad = || Unparsed::RuntimePath(path.clone());
        if !is_path {
            return Err(bad());
        }
        path.parse().map_err(|_| bad())
    }

    /// The options as tokens.
    fn options(&self) -> Result<Options, Unparsed> {
        let extra = |spec: &ExtraSpec| -> Result<Extra, Unparsed> {
            let cfg = match &spec.cfg {
                Some(predicate) => Some(
                    syn::parse_str::<syn::Meta>(predicate)
                        .map(quote::ToTokens::into_token_stream)
                        .map_err(|_| Unparsed::Cfg(predicate.clone()))?,
                ),
                None => None,
            };
            Ok(Extra { on: spec.on, cfg })
        };
        Ok(Options {
            samples: extra(&self.samples)?,
            serde: extra(&self.serde)?,
        })
    }
}

/// The `types` or `functions` module tree: every struct with what the options add to it.
fn struct_tree(
    ctx: &Ctx,
    options: &Options,
    root: Root,
    defs: &[StructDef],
    doc: &str,
) -> TokenStream {
    let is_function = root == Root::Functions;
    module_tree(
        ctx,
        root,
        defs.iter().map(|d| {
            let mut tokens = structs::generate(ctx, d, is_function);
            if ctx.borrowing.is_some() {
                tokens.extend(borrowed::for_struct(ctx, d));
            }
            tokens.extend(options.samples.wrap(|| samples::for_struct(ctx, d)));
            tokens.extend(options.serde.wrap(|| serde::for_struct(ctx, d)));
            (d.path.modules.clone(), tokens)
        }),
        doc,
    )
}

/// A setting whose text does not parse.
enum Unparsed {
    RuntimePath(String),
    Cfg(String),
}

impl Unparsed {
    fn into_error(self) -> crate::Error {
        match self {
            Unparsed::RuntimePath(path) => crate::Error::RuntimePath { path },
            Unparsed::Cfg(predicate) => crate::Error::CfgPredicate { predicate },
        }
    }
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
