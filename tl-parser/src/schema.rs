//! The checked, resolved schema: what every consumer reads. Each definition has its final id and id
//! status; each parameter its role (flags word, conditional on a word and bit, required); each type
//! reference is resolved once (built-in, vector, boxed type, bare constructor, type parameter, any
//! object or function). Built by [`crate::parse`] from the syntax tree ([`crate::ast`]).

use std::ops::Range;

use crate::ast::{ArgSyntax, Category, Docs, FileId, FlagRef, Name, Span, Symbol, TypeParam};
use crate::builtins::Builtin;
use crate::fast_hash::FastMap;

/// The index of a definition in [`Schema::definitions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DefId(pub(crate) u32);

impl DefId {
    /// The position in [`Schema::definitions`] (file then source order).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The index of a boxed type in [`Schema::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub(crate) u32);

impl TypeId {
    /// The position in [`Schema::types`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// All definitions of a set of source files, read as one schema, resolved and checked.
///
/// A schema with errors (see [`crate::Parsed::has_errors`]) is complete but may hold
/// [`TypeKind::Undefined`] types and parameters whose condition could not be resolved (given the role
/// [`Role::Required`]); [`crate::Parsed::into_result`] only hands out schemas without errors.
#[derive(Debug, Clone, Default)]
pub struct Schema {
    pub(crate) files: Vec<SchemaFile>,
    pub(crate) definitions: Vec<Definition>,
    pub(crate) types: Vec<BoxedType>,
    pub(crate) by_name: FastMap<Symbol, DefId>,
    pub(crate) type_by_name: FastMap<Symbol, TypeId>,
    pub(crate) by_id: FastMap<u32, Vec<DefId>>,
}

/// What one source file contributed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaFile {
    /// The file.
    pub file: FileId,
    /// The layer its `// LAYER N` comment gives.
    pub layer: Option<u32>,
    /// Its definitions, as a range of [`Schema::definitions`].
    pub definitions: Range<usize>,
}

impl Schema {
    /// Every definition, in file then source order.
    pub fn definitions(&self) -> &[Definition] {
        &self.definitions
    }

    /// The definition `id` names.
    pub fn definition(&self, id: DefId) -> &Definition {
        &self.definitions[id.index()]
    }

    /// The definition named `name` (the first one, when a name is defined twice).
    pub fn find(&self, name: &str) -> Option<&Definition> {
        self.by_name.get(name).map(|&id| self.definition(id))
    }

    /// Every definition whose wire id is `id`, in source order (more than one only where ids are
    /// shared, like api.tl's `invokeWith…Prefix` functions).
    pub fn with_id(&self, id: u32) -> impl Iterator<Item = &Definition> {
        self.by_id
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&d| self.definition(d))
    }

    /// The boxed types, in the order their first constructor appears. Built-in types (`Bool`,
    /// `Vector t`, `Int` …) are not among them.
    pub fn types(&self) -> &[BoxedType] {
        &self.types
    }

    /// The boxed type `id` names.
    pub fn boxed_type(&self, id: TypeId) -> &BoxedType {
        &self.types[id.index()]
    }

    /// The boxed type named `name`.
    pub fn find_type(&self, name: &str) -> Option<&BoxedType> {
        self.type_by_name.get(name).map(|&id| self.boxed_type(id))
    }

    /// The constructors of a boxed type, in source order.
    pub fn constructors(&self, ty: TypeId) -> impl Iterator<Item = &Definition> {
        self.boxed_type(ty)
            .constructors
            .iter()
            .map(|&d| self.definition(d))
    }

    /// What each source file contributed, in the order the files were added.
    pub fn files(&self) -> &[SchemaFile] {
        &self.files
    }

    /// The layer: the first `// LAYER N` found in the files, if any.
    pub fn layer(&self) -> Option<u32> {
        self.files.iter().find_map(|f| f.layer)
    }
}

/// What a definition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DefKind {
    /// A constructor of a boxed type of the schema.
    Constructor(TypeId),
    /// A function (an RPC).
    Function,
    /// A declaration of something TL provides itself: a primitive (`int ? = Int;`, `bytes = Bytes;`,
    /// `int128 4*[ int ] = Int128;`), `Bool`'s and `True`'s constructors, `vector`, or TON's
    /// `object ? = Object;`. Its result type says which.
    Builtin,
}

/// The body of a built-in declaration that is not a list of fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Body {
    /// `int ? = Int;`.
    Opaque,
    /// `vector {t:Type} # [ t ] = Vector t;`.
    Vector,
    /// `int128 4*[ int ] = Int128;`.
    Repeat {
        /// How many values.
        count: u32,
        /// Of which type.
        ty: Type,
    },
}

/// One `;`-terminated definition, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Definition {
    /// Its own index in [`Schema::definitions`].
    pub def_id: DefId,
    /// Constructor or function, as its section says.
    pub category: Category,
    /// What it is.
    pub kind: DefKind,
    /// The name.
    pub name: Name,
    /// The id on the wire: the declared one, or else the reference rule's.
    pub id: u32,
    /// The `#id` as written, if any.
    pub declared_id: Option<u32>,
    /// Where the `#id` stands (the `#` included).
    pub declared_id_span: Option<Span>,
    /// The ids computed from the definition under both rule sets.
    pub computed_ids: ComputedIds,
    /// What the checker concluded about the declared id.
    pub id_status: IdStatus,
    /// `{X:Type}` parameters.
    pub type_params: Vec<TypeParam>,
    /// The fields, in order.
    pub params: Vec<Param>,
    /// For built-in declarations with a special body, that body.
    pub body: Option<Body>,
    /// The result type: the boxed type a constructor builds, or what a function returns.
    pub result: Type,
    /// `//@` documentation.
    pub docs: Docs,
    /// From the first character of the name to the `;`.
    pub span: Span,
}

impl Definition {
    /// The boxed type of a constructor.
    pub fn boxed_type(&self) -> Option<TypeId> {
        match self.kind {
            DefKind::Constructor(ty) => Some(ty),
            DefKind::Function | DefKind::Builtin => None,
        }
    }

    /// The file the definition is in.
    pub fn file(&self) -> FileId {
        self.span.file
    }

    /// The parameter named `name`.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// The two ids computed from a definition's canonical form (see [`crate::ids`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ComputedIds {
    /// The reference TL compiler's rule: every field kept as written. Used when no `#id` is declared.
    pub reference: u32,
    /// Telegram's rule: `name:flagsN.M?true` fields dropped, `bytes` read as `string`.
    pub telegram: u32,
}

/// Which rule set a declared id was verified with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdRule {
    /// The reference TL compiler's rule (fields kept as written).
    Reference,
    /// Telegram's rule (`?true` fields dropped, `bytes` read as `string`).
    Telegram,
}

/// The outcome of checking a definition's declared id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IdStatus {
    /// No `#id` was declared; the reference id is used.
    Undeclared,
    /// The declared id equals the id computed with this rule.
    Verified(IdRule),
    /// The declared id matches neither rule set.
    Mismatch(IdMismatch),
}

/// A declared id that matches neither rule set, with what the checker could find out about it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdMismatch {
    /// Why the id differs, when a known case or a simple variation of the definition explains it
    /// (for example "matches the name decryptedMessage"); `None` when nothing explains it.
    pub explanation: Option<String>,
}

/// What a parameter is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// A `#` field that later conditional fields refer to: computed from them when writing.
    FlagsWord,
    /// `name:word.bit?T`: present exactly when the bit is set.
    Conditional {
        /// The index in [`Definition::params`] of the flags word.
        word: usize,
        /// The bit, 0 to 31.
        bit: u32,
    },
    /// Always present (a `#` field no conditional field refers to is a plain number).
    Required,
}

/// One parameter (field) of a definition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Param {
    /// The field name.
    pub name: Symbol,
    /// Where the field name stands.
    pub name_span: Span,
    /// What the field is for.
    pub role: Role,
    /// The condition as written (`flags.3`), if any.
    pub flag: Option<FlagRef>,
    /// The field's type.
    pub ty: Type,
    /// True when the value may be null: TDLib's documentation of the field says `may be null` or
    /// `pass null`, and its type is an object (a boxed type, or a constructor written bare as
    /// td_api writes `country:countryInfo`); only objects can be null in TDLib, strings, numbers and
    /// vectors never are. See [`Param::documents_null`].
    pub nullable: bool,
    /// Where the whole parameter stands.
    pub span: Span,
}

impl Param {
    /// Whether a field's documentation says its value may be null, in TDLib's words: `may be null`
    /// (a field TDLib sends) or `pass null` (a parameter a caller may leave out).
    pub fn documents_null(doc: &str) -> bool {
        let doc = doc.to_ascii_lowercase();
        doc.contains("may be null") || doc.contains("pass null")
    }

    /// True for `name:flags.N?true`: a conditional field that carries no data, only its bit.
    pub fn is_true_flag(&self) -> bool {
        self.flag.is_some() && self.ty.is_bare_true()
    }

    /// The flags word (parameter index) and bit of a conditional field.
    pub fn condition(&self) -> Option<(usize, u32)> {
        match self.role {
            Role::Conditional { word, bit } => Some((word, bit)),
            Role::FlagsWord | Role::Required => None,
        }
    }
}

/// What a type reference stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TypeKind {
    /// A primitive. [`Type::boxed`] tells `True` (the id of `true`) from bare `true` (no bytes).
    Builtin(Builtin),
    /// `Vector<T>` ([`Type::boxed`]) or bare `vector<T>`; the element type is [`Type::args`]`[0]`.
    Vector,
    /// A boxed type of the schema: a constructor id, then that constructor's fields.
    Boxed(TypeId),
    /// A constructor used as a bare type (`tonNode.blockIdExt`, or `%Message` when `Message` has one
    /// constructor): its fields without an id.
    Bare(DefId),
    /// The definition's type parameter with this index (`X` of `{X:Type}`); `!X` when
    /// [`Type::bang`]: a boxed value of whatever type the parameter stands for.
    Param(usize),
    /// TON's `Object`/`object`: a boxed value of any constructor.
    AnyObject,
    /// TON's `Function`/`function`: a boxed call of any function.
    AnyFunction,
    /// A name that is not defined (only in a schema with errors).
    Undefined,
}

/// A resolved type reference, with how it was written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Type {
    /// What it stands for.
    pub kind: TypeKind,
    /// True when the value is written with a constructor id (a boxed type, `Vector`, `Bool`,
    /// `True`, `!X`, any object or function); decided once from the kind and the spelling.
    pub boxed: bool,
    /// The name as written (`Vector`, `int32`, `messages.ChatInviteImporters`, `X`).
    pub name: Symbol,
    /// Type arguments as written: `Vector<T>`, `vector<T>` and TON's `(vector T)` have one.
    pub args: Vec<Type>,
    /// Written with `%` (the bare form of a boxed type).
    pub percent: bool,
    /// Written with `!` (`!X`).
    pub bang: bool,
    /// How the arguments were written.
    pub syntax: ArgSyntax,
    /// Where the whole expression stands.
    pub span: Span,
}

impl Type {
    /// The element type of a vector.
    pub fn element(&self) -> Option<&Type> {
        match self.kind {
            TypeKind::Vector => self.args.first(),
            _ => None,
        }
    }

    /// The built-in this type is, if it is one.
    pub fn builtin(&self) -> Option<Builtin> {
        match self.kind {
            TypeKind::Builtin(b) => Some(b),
            _ => None,
        }
    }

    /// True for bare `true`, the type of `?true` flags (no bytes on the wire).
    pub fn is_bare_true(&self) -> bool {
        self.kind == TypeKind::Builtin(Builtin::True) && !self.boxed
    }

    /// True for the natural-number type `#`.
    pub fn is_nat(&self) -> bool {
        self.kind == TypeKind::Builtin(Builtin::Nat)
    }
}

/// A boxed type of the schema: the type its constructors build.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BoxedType {
    /// Its own index in [`Schema::types`].
    pub type_id: TypeId,
    /// The name (`messages.ChatInviteImporters`).
    pub name: Symbol,
    /// Its constructors, in source order.
    pub constructors: Vec<DefId>,
    /// How many type arguments it takes (0 but for generic types such as `Maybe t`).
    pub arity: usize,
    /// The `//@class` description (TDLib), if any.
    pub doc: Option<String>,
}
