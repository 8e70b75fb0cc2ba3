//! `Codec`: a checked schema compiled once for decoding and encoding at run time. Every definition
//! becomes a [`Def`] (wire types, roles, shared bits, minimum lengths); lookups by name and by id
//! are tables built here. Decoding, encoding and JSON are in their own modules and read these
//! tables only.

use std::collections::{BTreeMap, HashMap};

use tl_parser::{Builtin, DefKind as ParsedKind, IdStatus, Schema, Type, TypeKind};

use crate::def::{Def, DefKind, Expect, Param, Role, Shared, Ty};
use crate::envelopes;
use crate::options::Options;

/// A schema ready to decode and encode any of its values: [`Codec::decode`] turns bytes into a
/// [`crate::Value`], [`Codec::encode`] a value back into bytes, [`Codec::from_json`] reads the
/// JSON form; a value's [`crate::Value::to_json`] and `Display` write the JSON and text forms.
///
/// It reads tl-parser's resolved, checked schema only (several files combine into one schema as
/// in `build.rs`), and adds MTProto's envelopes that schemas leave to hand-written code
/// (`msg_container`, `message`, `rpc_result`, and `gzip_packed` unpacked wherever a boxed value
/// may stand) unless the schema defines those ids itself.
///
/// ```
/// let (_, parsed) = tl_parser::parse_str(
///     "a.tl",
///     "int ? = Int;\nlong ? = Long;\nuserEmpty#d3bc4b7a id:long = User;\n",
/// );
/// let schema = parsed.into_result().unwrap();
/// let codec = tl_dynamic::Codec::new(&schema);
/// let bytes = [0x7a, 0x4b, 0xbc, 0xd3, 5, 0, 0, 0, 0, 0, 0, 0];
/// let value = codec.decode(&bytes).unwrap();
/// assert_eq!(value.to_json(), r#"{"@type":"userEmpty","id":"5"}"#);
/// assert_eq!(value.to_string(), "userEmpty#d3bc4b7a\n  id: 5\n");
/// assert_eq!(codec.encode(&value).unwrap(), bytes);
/// ```
#[derive(Debug, Clone)]
pub struct Codec<'s> {
    pub(crate) schema: &'s Schema,
    pub(crate) options: Options,
    /// The schema's definitions (same index as [`tl_parser::DefId`]), then the envelopes.
    pub(crate) defs: Vec<Def<'s>>,
    pub(crate) by_name: HashMap<&'s str, usize>,
    /// Per boxed type of the schema: its constructors as `(id, definition)`, sorted by id.
    pub(crate) types: Vec<Vec<(u32, usize)>>,
    pub(crate) any_object: HashMap<u32, usize>,
    pub(crate) any_function: HashMap<u32, usize>,
    pub(crate) generic: HashMap<u32, usize>,
    pub(crate) any: HashMap<u32, usize>,
    /// The envelope `message` (a bare element of `msg_container`), when the codec added it.
    pub(crate) message: Option<usize>,
    /// Ids that several constructors or functions share (api.tl's `invokeWith…Prefix`
    /// constructors repeat the ids of the functions they prefix): every one of them, in source
    /// order. Where anything boxed may stand (`!X`, the top level), the decoder tries the others
    /// when the preferred one does not decode.
    pub(crate) shared: HashMap<u32, Vec<usize>>,
}

impl<'s> Codec<'s> {
    /// A codec for `schema` with the default [`Options`].
    pub fn new(schema: &'s Schema) -> Self {
        Self::with_options(schema, Options::default())
    }

    /// A codec for `schema` with `options`.
    pub fn with_options(schema: &'s Schema, options: Options) -> Self {
        let mut defs: Vec<Def<'s>> = schema
            .definitions()
            .iter()
            .enumerate()
            .map(|(index, d)| compile(index, d))
            .collect();
        let mut by_name = HashMap::new();
        for def in &defs {
            by_name.entry(def.name).or_insert(def.index);
        }
        let types = schema
            .types()
            .iter()
            .map(|t| {
                let mut ctors: Vec<(u32, usize)> = t
                    .constructors
                    .iter()
                    .map(|d| (defs[d.index()].id, d.index()))
                    .collect();
                // Stable: where a type repeats an id, the first constructor wins.
                ctors.sort_by_key(|(id, _)| *id);
                ctors.dedup_by_key(|(id, _)| *id);
                ctors
            })
            .collect();
        let of_kind = |kind: DefKind| {
            pick(
                schema,
                defs.iter()
                    .filter(|d| d.kind == kind)
                    .map(|d| (d.id, d.index)),
            )
        };
        let any_object = of_kind(DefKind::Constructor);
        let any_function = of_kind(DefKind::Function);
        let mut generic = any_function.clone();
        for (&id, &d) in &any_object {
            generic.entry(id).or_insert(d);
        }
        let mut any = pick(
            schema,
            defs.iter()
                .filter(|d| matches!(d.kind, DefKind::Constructor | DefKind::Function))
                .map(|d| (d.id, d.index)),
        );
        let mut shared: HashMap<u32, Vec<usize>> = HashMap::new();
        for def in defs
            .iter()
            .filter(|d| matches!(d.kind, DefKind::Constructor | DefKind::Function))
        {
            shared.entry(def.id).or_default().push(def.index);
        }
        shared.retain(|_, defs| defs.len() > 1);
        let message = envelopes::add(&mut defs, &mut by_name, &mut any);
        let mut codec = Codec {
            schema,
            options,
            defs,
            by_name,
            types,
            any_object,
            any_function,
            generic,
            any,
            message,
            shared,
        };
        codec.compute_min_lengths();
        codec
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The schema the codec was built from.
    pub fn schema(&self) -> &'s Schema {
        self.schema
    }

    /// The constructor, function or envelope named `name` (`user`, `messages.getChatInviteImporters`,
    /// `msg_container`).
    pub fn definition(&self, name: &str) -> Option<&Def<'s>> {
        self.by_name.get(name).map(|&d| &self.defs[d])
    }

    /// The constructor, function or envelope a boxed value with this id is read as when nothing
    /// else is expected. Where ids are shared (api.tl's `invokeWith…Prefix` constructors), the
    /// definition whose declared id verified wins, then the first in source order.
    pub fn definition_for_id(&self, id: u32) -> Option<&Def<'s>> {
        self.any.get(&id).map(|&d| &self.defs[d])
    }

    /// The definition `expect` reads for `id`, if it accepts that id.
    pub(crate) fn lookup(&self, expect: Expect, id: u32) -> Option<usize> {
        match expect {
            Expect::Type(t) => {
                let ctors = self.types.get(t)?;
                let at = ctors.binary_search_by_key(&id, |(i, _)| *i).ok()?;
                ctors.get(at).map(|(_, d)| *d)
            }
            Expect::Def(d) => (self.defs.get(d)?.id == id).then_some(d),
            Expect::AnyObject => self.any_object.get(&id).copied(),
            Expect::AnyFunction => self.any_function.get(&id).copied(),
            Expect::Generic => self.generic.get(&id).copied(),
            Expect::Any => self.any.get(&id).copied(),
        }
    }

    /// Whether `expect` accepts a value of definition `def` (for encoding).
    pub(crate) fn accepts(&self, expect: Expect, def: &Def<'_>) -> bool {
        match expect {
            Expect::Type(t) => self
                .types
                .get(t)
                .is_some_and(|ctors| ctors.iter().any(|(_, d)| *d == def.index)),
            Expect::Def(d) => d == def.index,
            Expect::AnyObject => def.kind == DefKind::Constructor,
            Expect::AnyFunction => def.kind == DefKind::Function,
            Expect::Generic => matches!(def.kind, DefKind::Constructor | DefKind::Function),
            Expect::Any => matches!(
                def.kind,
                DefKind::Constructor | DefKind::Function | DefKind::Envelope
            ),
        }
    }

    /// The name of what `expect` accepts, for messages (`User`, `Object`, `X`).
    pub(crate) fn expected_name(&self, expect: Expect) -> String {
        match expect {
            Expect::Type(t) => self
                .schema
                .types()
                .get(t)
                .map_or_else(|| "?".to_owned(), |t| t.name.to_string()),
            Expect::Def(d) => self.defs.get(d).map_or("?", |d| d.name).to_owned(),
            Expect::AnyObject | Expect::Any => "Object".to_owned(),
            Expect::AnyFunction => "Function".to_owned(),
            Expect::Generic => "X".to_owned(),
        }
    }

    /// The names of the definitions `expect` accepts, in source order (for JSON messages).
    pub(crate) fn variants(&self, expect: Expect) -> Vec<&'s str> {
        let mut found: Vec<usize> = match expect {
            Expect::Type(t) => self
                .schema
                .types()
                .get(t)
                .map(|t| t.constructors.iter().map(|d| d.index()).collect())
                .unwrap_or_default(),
            Expect::Def(d) => vec![d],
            _ => self
                .defs
                .iter()
                .filter(|d| self.accepts(expect, d))
                .map(|d| d.index)
                .collect(),
        };
        found.dedup();
        found.into_iter().map(|d| self.defs[d].name).collect()
    }

    /// The definition `expect` reads for the JSON `"@type"` `name`.
    pub(crate) fn lookup_name(&self, expect: Expect, name: &str) -> Option<usize> {
        match expect {
            Expect::Type(t) => self
                .schema
                .types()
                .get(t)?
                .constructors
                .iter()
                .map(|d| d.index())
                .find(|&d| self.defs[d].name == name),
            _ => {
                let d = *self.by_name.get(name)?;
                self.accepts(expect, &self.defs[d]).then_some(d)
            }
        }
    }

    /// The fewest bytes a value of `ty` takes, as the generated codecs' `MIN_LEN` counts it.
    pub(crate) fn min_len(&self, ty: &Ty) -> usize {
        match ty {
            Ty::Int | Ty::Nat | Ty::String | Ty::Bytes | Ty::Bool | Ty::True => 4,
            Ty::Long | Ty::Int53 | Ty::Double => 8,
            Ty::Int128 => 16,
            Ty::Int256 => 32,
            Ty::Int512 => 64,
            Ty::BareTrue | Ty::Unsupported => 0,
            Ty::Vector { boxed, .. } => {
                if *boxed {
                    8
                } else {
                    4
                }
            }
            Ty::Boxed(_) | Ty::Body => 4,
            Ty::Bare(d) => self.defs.get(*d).map_or(0, |d| d.min_bare_len),
        }
    }

    /// Every definition's `min_bare_len`: 4 per flags word plus the minimum of every required,
    /// non-nullable field (conditional and nullable ones may take less). Bare references to
    /// definitions still being computed (a cycle, which no real schema has) count 0, which only
    /// under-estimates.
    fn compute_min_lengths(&mut self) {
        let mut state = vec![Visit::New; self.defs.len()];
        for d in 0..self.defs.len() {
            self.min_bare(d, &mut state);
        }
    }

    fn min_bare(&mut self, d: usize, state: &mut [Visit]) -> usize {
        match state.get(d) {
            Some(Visit::Done(n)) => return *n,
            Some(Visit::Open) | None => return 0,
            Some(Visit::New) => {}
        }
        state[d] = Visit::Open;
        let params: Vec<Ty> = self.defs[d]
            .params
            .iter()
            .filter(|p| p.role == Role::Required { nullable: false })
            .map(|p| p.ty.clone())
            .collect();
        let mut total = 4 * self.defs[d].flag_words;
        for ty in &params {
            total += self.min_len_computing(ty, state);
        }
        state[d] = Visit::Done(total);
        self.defs[d].min_bare_len = total;
        total
    }

    fn min_len_computing(&mut self, ty: &Ty, state: &mut [Visit]) -> usize {
        match ty {
            Ty::Bare(d) => self.min_bare(*d, state),
            other => self.min_len(other),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Visit {
    New,
    Open,
    Done(usize),
}

/// One id -> definition table; where definitions share an id, the one whose declared id verified
/// wins, then the first in source order (tl-codegen's `name_for_id` rule).
fn pick(schema: &Schema, defs: impl Iterator<Item = (u32, usize)>) -> HashMap<u32, usize> {
    let verified = |d: usize| {
        schema
            .definitions()
            .get(d)
            .is_some_and(|d| matches!(d.id_status, IdStatus::Verified(_)))
    };
    let mut table: HashMap<u32, usize> = HashMap::new();
    for (id, d) in defs {
        match table.get(&id) {
            Some(&old) if verified(old) || !verified(d) => {}
            _ => {
                table.insert(id, d);
            }
        }
    }
    table
}

/// Compiles one definition of the schema.
fn compile<'s>(index: usize, d: &'s tl_parser::Definition) -> Def<'s> {
    let kind = match d.kind {
        ParsedKind::Constructor(_) => DefKind::Constructor,
        ParsedKind::Function => DefKind::Function,
        ParsedKind::Builtin => DefKind::Builtin,
    };
    // Built-in declarations (`vector {t:Type} # [ t ]`, `int128 4*[ int ]`) have no fields to read.
    let params = if kind == DefKind::Builtin {
        Vec::new()
    } else {
        params(d)
    };
    let flag_words = params
        .iter()
        .filter(|p| matches!(p.role, Role::FlagsWord { .. }))
        .count();
    let required = params
        .iter()
        .filter(|p| matches!(p.role, Role::Required { .. }))
        .count();
    Def {
        index,
        name: d.name.full.as_str(),
        id: d.id,
        kind,
        result: d.result.name.as_str(),
        params,
        flag_words,
        required,
        min_bare_len: 0,
        source: Some(d),
    }
}

/// The parameters of a definition with their wire types, roles and shared-bit rules (tl-codegen's
/// `lower/fields.rs` ties fields on one bit the same way).
fn params<'s>(d: &'s tl_parser::Definition) -> Vec<Param<'s>> {
    let mut slot_of: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, p) in d.params.iter().enumerate() {
        if p.role == tl_parser::Role::FlagsWord {
            let slot = slot_of.len();
            slot_of.insert(i, slot);
        }
    }
    // Conditional parameters by (flags word, bit), in source order.
    let mut by_bit: BTreeMap<(usize, u32), Vec<usize>> = BTreeMap::new();
    for (i, p) in d.params.iter().enumerate() {
        if let Some((word, bit)) = p.condition()
            && let Some(&slot) = slot_of.get(&word)
        {
            by_bit.entry((slot, bit)).or_default().push(i);
        }
    }
    let mut shared: BTreeMap<usize, Shared> = BTreeMap::new();
    for members in by_bit.values() {
        let (trues, data): (Vec<usize>, Vec<usize>) =
            members.iter().partition(|&&i| d.params[i].is_true_flag());
        match data.as_slice() {
            [] => {
                if let Some((&first, rest)) = trues.split_first() {
                    shared.insert(first, Shared::Flag);
                    for &t in rest {
                        shared.insert(t, Shared::Derived { partner: first });
                    }
                }
            }
            [only] => {
                shared.insert(*only, Shared::Optional);
                for &t in &trues {
                    shared.insert(t, Shared::Derived { partner: *only });
                }
            }
            [first, ..] => {
                for &m in &data {
                    shared.insert(
                        m,
                        Shared::Group {
                            members: data.clone(),
                        },
                    );
                }
                for &t in &trues {
                    shared.insert(t, Shared::Derived { partner: *first });
                }
            }
        }
    }
    d.params
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let role = match (p.role, slot_of.get(&i)) {
                (tl_parser::Role::FlagsWord, Some(&slot)) => Role::FlagsWord { slot },
                (tl_parser::Role::Conditional { word, bit }, _) => match slot_of.get(&word) {
                    Some(&slot) => Role::Conditional {
                        slot,
                        bit,
                        json: shared.remove(&i).unwrap_or(Shared::Optional),
                    },
                    None => Role::Required {
                        nullable: p.nullable,
                    },
                },
                _ => Role::Required {
                    nullable: p.nullable,
                },
            };
            // A bare object that may be null (td_api's `country:countryInfo`) is written with its
            // constructor id, so that its first bytes cannot be taken for `null`'s (as generated
            // code writes it).
            let ty = match wire_type(&p.ty) {
                Ty::Bare(d) if p.nullable => Ty::Boxed(Expect::Def(d)),
                ty => ty,
            };
            Param {
                name: p.name.as_str(),
                ty,
                role,
            }
        })
        .collect()
}

/// The wire type of a built-in (`boxed` for the boxed spelling, which matters for `True` only).
pub(crate) fn builtin_ty(builtin: Builtin, boxed: bool) -> Ty {
    match builtin {
        Builtin::Int | Builtin::Int32 => Ty::Int,
        Builtin::Long | Builtin::Int64 => Ty::Long,
        Builtin::Int53 => Ty::Int53,
        Builtin::Double => Ty::Double,
        Builtin::Nat => Ty::Nat,
        Builtin::String | Builtin::SecureString => Ty::String,
        Builtin::Bytes | Builtin::SecureBytes => Ty::Bytes,
        Builtin::Int128 => Ty::Int128,
        Builtin::Int256 => Ty::Int256,
        Builtin::Int512 => Ty::Int512,
        Builtin::Bool => Ty::Bool,
        Builtin::True if boxed => Ty::True,
        Builtin::True => Ty::BareTrue,
    }
}

/// The wire type of a resolved type reference. Type parameters (`!X`, and the parameters of
/// generic types, which no schema of the corpus has besides `Vector`) read as any boxed value.
pub(crate) fn wire_type(ty: &Type) -> Ty {
    match ty.kind {
        TypeKind::Builtin(b) => builtin_ty(b, ty.boxed),
        TypeKind::Vector => Ty::Vector {
            boxed: ty.boxed,
            element: Box::new(ty.element().map_or(Ty::Unsupported, wire_type)),
        },
        TypeKind::Boxed(t) => Ty::Boxed(Expect::Type(t.index())),
        TypeKind::Bare(d) => Ty::Bare(d.index()),
        TypeKind::Param(_) => Ty::Boxed(Expect::Generic),
        TypeKind::AnyObject => Ty::Boxed(Expect::AnyObject),
        TypeKind::AnyFunction => Ty::Boxed(Expect::AnyFunction),
        TypeKind::Undefined => Ty::Unsupported,
    }
}
