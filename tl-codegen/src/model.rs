//! The Rust model of a schema: what each TL definition and field becomes in Rust. Every Rust name,
//! type, field layout and heap allocation is decided once, by lowering (`lower`), and only read
//! afterwards: by the generators (`emit`), and by tools such as `tlgen diff` through
//! [`crate::Config::model`].
//!
//! All types are `#[non_exhaustive]`: they can be read but not built outside this crate.

use std::fmt;

use crate::ident::RustIdent;

/// Which of the three top-level modules an item lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Root {
    /// `types`: one struct per constructor.
    Types,
    /// `enums`: one enum per boxed type.
    Enums,
    /// `functions`: one struct per function.
    Functions,
}

impl Root {
    /// The module's name: `types`, `enums` or `functions`.
    pub fn as_str(self) -> &'static str {
        match self {
            Root::Types => "types",
            Root::Enums => "enums",
            Root::Functions => "functions",
        }
    }
}

/// Where an item lives: a root module, the namespace modules below it, and its name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub struct ItemPath {
    /// The root module.
    pub root: Root,
    /// The namespace modules (`messages` in `types::messages::ChatInviteImporters`).
    pub modules: Vec<RustIdent>,
    /// The item's name.
    pub name: RustIdent,
}

impl fmt::Display for ItemPath {
    /// The path from the generated file's root: `types::messages::ChatInviteImporters`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.root.as_str())?;
        for module in &self.modules {
            write!(f, "::{module}")?;
        }
        write!(f, "::{}", self.name)
    }
}

/// A TL type as the generated code sees it: its Rust type and its codec follow from it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TypeRef {
    /// `int`, `int32` (`i32`).
    Int,
    /// `long`, `int64` (`i64`).
    Long,
    /// `int53` (TDLib; `i64`): written as `long`, but a number (not a string) in JSON.
    Int53,
    /// `double` (`f64`).
    Double,
    /// `#` as a stored natural number (`u32`).
    Nat,
    /// `int128`, `int256`, `int512` (`[u8; N]`).
    Fixed(usize),
    /// `string`, `secureString` (`String`).
    Str,
    /// `bytes`, `secureBytes` (`Vec<u8>`).
    Bytes,
    /// `Bool` (`bool`).
    Bool,
    /// The boxed `True` (the runtime's unit struct `True`), as a function result.
    True,
    /// The boxed `Vector<T>` (`Vec<T>`).
    Vector(Box<TypeRef>),
    /// The bare `vector<T>` (`Vec<T>`), written without the vector id.
    BareVector(Box<TypeRef>),
    /// A boxed type: the enum, written with a constructor id. `heap`: held in a `Box`.
    Enum {
        /// The enum.
        path: ItemPath,
        /// Held in a `Box` (the value would otherwise make a type infinitely large).
        heap: bool,
    },
    /// A bare constructor: the struct, written without its id. `heap`: held in a `Box`.
    Bare {
        /// The struct.
        path: ItemPath,
        /// Held in a `Box`.
        heap: bool,
    },
    /// `!X`: the function struct's type parameter, written boxed.
    Generic(RustIdent),
}

impl fmt::Display for TypeRef {
    /// The Rust type, with paths from the generated file's root: `Vec<enums::User>`, `[u8; 16]`,
    /// `Box<types::PageBlock>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeRef::Int => f.write_str("i32"),
            TypeRef::Long | TypeRef::Int53 => f.write_str("i64"),
            TypeRef::Double => f.write_str("f64"),
            TypeRef::Nat => f.write_str("u32"),
            TypeRef::Fixed(n) => write!(f, "[u8; {n}]"),
            TypeRef::Str => f.write_str("String"),
            TypeRef::Bytes => f.write_str("Vec<u8>"),
            TypeRef::Bool => f.write_str("bool"),
            TypeRef::True => f.write_str("True"),
            TypeRef::Vector(inner) | TypeRef::BareVector(inner) => write!(f, "Vec<{inner}>"),
            TypeRef::Enum { path, heap } | TypeRef::Bare { path, heap } => {
                if *heap {
                    write!(f, "Box<{path}>")
                } else {
                    write!(f, "{path}")
                }
            }
            TypeRef::Generic(name) => write!(f, "{name}"),
        }
    }
}

/// A flag bit: which `#` field and which bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct FlagBit {
    /// Index of the flags word in [`StructDef::flag_words`].
    pub word: usize,
    /// The bit index, 0 to 31.
    pub bit: u32,
}

/// How one stored Rust field holds its value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldKind {
    /// Always present: `T`.
    Required(TypeRef),
    /// An object that TDLib documents as possibly null (`may be null`, `pass null`): `Option<T>`.
    /// `None` is written as the id of TL's `null#56730bcc` constructor and left out of JSON; a bare
    /// constructor's value is written with its id (boxed), so that the two cannot be confused.
    Nullable(TypeRef),
    /// `name:flags.N?T` alone on its bit: `Option<T>`.
    Optional(TypeRef, FlagBit),
    /// `name:flags.N?true` alone on its bit (or with other `?true` fields only): `bool`.
    Flag(FlagBit),
    /// Several non-`true` fields sharing one bit: `Option<Group>`, all present or all absent.
    Group {
        /// Index in [`StructDef::groups`].
        group: usize,
        /// The bit.
        bit: FlagBit,
    },
}

/// A stored Rust field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Field {
    /// The Rust field name.
    pub ident: RustIdent,
    /// The TL field name (for docs and error paths).
    pub tl_name: String,
    /// How it is stored.
    pub kind: FieldKind,
    /// Its description as Markdown that rustdoc accepts, decided in lowering: from the
    /// documentation given to `Config::docs`, else the schema's own (TDLib's `//@` comments,
    /// escaped), if any.
    pub doc: Option<String>,
    /// `?true` fields on the same bit, derived from this field (see [`DerivedFlag`]).
    pub implies: Vec<String>,
    /// The consuming setter (`with_username`) of a field a caller may leave out (conditional or
    /// nullable); `None` for required fields, which are the parameters of `new`, and for every
    /// field without `Config::builders`.
    pub setter: Option<RustIdent>,
    /// Attributes from `Config::field_attribute`, as written there.
    pub attributes: Vec<String>,
}

/// A struct holding the members of a shared-bit group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Group {
    /// The struct's name, in the same module as its owner.
    pub name: RustIdent,
    /// Its members.
    pub members: Vec<GroupMember>,
}

/// A member of a shared-bit group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct GroupMember {
    /// The Rust field name in the group struct.
    pub ident: RustIdent,
    /// The TL field name.
    pub tl_name: String,
    /// Its type.
    pub ty: TypeRef,
    /// Its description as Markdown that rustdoc accepts, decided in lowering: from the
    /// documentation given to `Config::docs`, else the schema's own (TDLib's `//@` comments,
    /// escaped), if any.
    pub doc: Option<String>,
    /// Attributes from `Config::field_attribute`, as written there.
    pub attributes: Vec<String>,
}

/// A `?true` field that shares its bit with data-carrying fields: not stored, but read through a
/// method that says whether the partner is present, so no value can announce data it lacks.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct DerivedFlag {
    /// The method name.
    pub ident: RustIdent,
    /// The TL field name.
    pub tl_name: String,
    /// The stored field (an `Optional`, a `Flag` or a `Group`) whose presence it reports.
    pub partner: RustIdent,
    /// Its description as Markdown, from the documentation given to `Config::docs`, if any.
    pub doc: Option<String>,
}

/// One item of the wire layout, in TL field order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WireItem {
    /// A flags word, computed from the fields when writing; index into `flag_words`.
    FlagWord(usize),
    /// A stored field (index into `fields`). Optional and group fields write only when present;
    /// `Flag` fields write nothing here (their bit is in the flags word).
    Field(usize),
    /// A member of a group (group field index, member index), written when the group is present.
    GroupMember {
        /// Index in [`StructDef::fields`] of the group's field.
        field: usize,
        /// Index in the group's members.
        member: usize,
    },
    /// A `?true` field whose bit another field decides: writes nothing in binary; set exactly when
    /// the stored field `field` is present (its JSON value).
    Derived {
        /// The TL field name of the `?true` field.
        tl_name: String,
        /// Index in [`StructDef::fields`] of the field whose presence it reports.
        field: usize,
    },
}

/// A flags word (`flags:#`): its TL name, and the Rust local that holds it while decoding.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct FlagWord {
    /// The TL field name (`flags`, `flags2`, `mode`).
    pub tl_name: String,
    /// The local variable holding it in generated decoders.
    pub local: RustIdent,
}

/// What a TL field of a definition is in the generated Rust API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Member<'m> {
    /// Not visible: a flags word, computed from the fields when writing.
    FlagsWord,
    /// A public field.
    Field(&'m Field),
    /// A method returning `bool` (a `?true` field tied to another field on its bit).
    Method(&'m DerivedFlag),
    /// A member of the group struct stored in `field` (several data fields on one bit).
    GroupMember {
        /// The stored field holding the group.
        field: &'m Field,
        /// The member.
        member: &'m GroupMember,
    },
}

/// A constructor or function struct.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct StructDef {
    /// Where the struct lives.
    pub path: ItemPath,
    /// The TL name (`messages.chatInviteImporters`).
    pub tl_name: String,
    /// The constructor id.
    pub id: u32,
    /// The definition as schema text, for the doc comment.
    pub tl_line: String,
    /// Its description as Markdown that rustdoc accepts, decided in lowering: from the
    /// documentation given to `Config::docs`, else the schema's own (TDLib's `//@` comments,
    /// escaped), if any.
    pub doc: Option<String>,
    /// Stored fields in order.
    pub fields: Vec<Field>,
    /// Shared-bit groups referenced by `FieldKind::Group`.
    pub groups: Vec<Group>,
    /// `?true` fields derived from a partner.
    pub derived: Vec<DerivedFlag>,
    /// Flags words referenced by `FlagBit::word`.
    pub flag_words: Vec<FlagWord>,
    /// The wire layout.
    pub wire: Vec<WireItem>,
    /// The fewest bytes the bare form takes.
    pub min_bare_len: usize,
    /// For generic functions: the type parameters (`X` of `{X:Type}`), in order.
    pub generics: Vec<RustIdent>,
    /// For functions: the result type.
    pub returns: Option<TypeRef>,
    /// For constructors: the enum it belongs to and its variant there.
    pub variant_of: Option<VariantOf>,
    /// Whether it implements `Default`: with `Config::builders` on, when every field has a default
    /// (numbers, strings, vectors, absent conditional fields, structs that have one); a required
    /// enum field has none.
    pub default: bool,
    /// Whether it derives `Eq` and `Hash` (and so do its group structs): with `Config::eq_hash`
    /// on, when no `f64` is reachable from its fields, through the structs and enums they hold.
    pub eq_hash: bool,
    /// Whether it has `new(...)` and the `with_` setters named in [`Field::setter`]
    /// (`Config::builders`).
    pub builders: bool,
    /// Whether it takes the lifetime parameter `'a` (with `Config::borrowed`): a `string` or
    /// `bytes` (`Cow<'a, _>`) is reachable from its fields, through the structs and enums they
    /// hold. Always false without the switch.
    pub borrows: bool,
    /// Attributes from `Config::type_attribute`, as written there.
    pub attributes: Vec<String>,
    /// For functions: the errors the documentation (`Config::docs`) says it may return, in its
    /// order; `RemoteCall::POSSIBLE_ERRORS` lists their names.
    pub possible_errors: Vec<PossibleError>,
    /// For functions: who may call it, where the documentation says.
    pub usability: Usability,
}

/// An error a function may return, as the documentation given to `Config::docs` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct PossibleError {
    /// The code (400, 403, 420 …).
    pub code: i32,
    /// The name exactly as the documentation writes it (`FLOOD_WAIT_%d`: `%d` where the server
    /// puts a number).
    pub name: String,
    /// What it means for this function: Markdown on one line (a table cell); empty when the
    /// documentation says nothing.
    pub description: String,
    /// The constant of the generated `errors` module that documents it ([`Model::errors`]), when
    /// the documentation's list of errors has it.
    pub item: Option<RustIdent>,
}

/// Who may call a function, where the documentation says: `None` is "not documented".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Usability {
    /// Whether user accounts may call it.
    pub users: Option<bool>,
    /// Whether bots may call it.
    pub bots: Option<bool>,
}

/// A documented RPC error: one constant of the generated `errors` module (a runtime `ErrorDoc`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ErrorDef {
    /// The constant's name: the documented name in upper case, `X` where `%d` stands
    /// (`FLOOD_WAIT_X`; `_2FA_CONFIRM_WAIT_X`), made unique.
    pub ident: RustIdent,
    /// The name as the documentation writes it (`FLOOD_WAIT_%d`).
    pub name: String,
    /// Its code.
    pub code: i32,
    /// What it means, as Markdown (the constant's rustdoc); empty when undocumented.
    pub doc: String,
    /// What it means, as plain text (the runtime value's `description`).
    pub text: String,
}

impl StructDef {
    /// The members of group `group` (empty for an index that names no group).
    pub fn group_members(&self, group: usize) -> &[GroupMember] {
        self.groups
            .get(group)
            .map(|g| g.members.as_slice())
            .unwrap_or_default()
    }

    /// What the TL field `tl_name` became, or `None` when the definition has no such field.
    pub fn member(&self, tl_name: &str) -> Option<Member<'_>> {
        if self.flag_words.iter().any(|w| w.tl_name == tl_name) {
            return Some(Member::FlagsWord);
        }
        if let Some(derived) = self.derived.iter().find(|d| d.tl_name == tl_name) {
            return Some(Member::Method(derived));
        }
        let grouped = self.fields.iter().find_map(|field| match field.kind {
            FieldKind::Group { group, .. } => self
                .group_members(group)
                .iter()
                .find(|m| m.tl_name == tl_name)
                .map(|member| Member::GroupMember { field, member }),
            _ => None,
        });
        // A group's field is named after a `?true` field on its bit or after its first member:
        // that `?true` field reads as the group's field itself.
        grouped.or_else(|| {
            self.fields
                .iter()
                .find(|f| f.tl_name == tl_name)
                .map(Member::Field)
        })
    }
}

/// The enum variant that holds a constructor struct.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct VariantOf {
    /// The enum.
    pub enum_path: ItemPath,
    /// The variant's name.
    pub variant: RustIdent,
    /// True when the variant holds a `Box` of the struct.
    pub heap: bool,
}

/// What an enum stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EnumKind {
    /// A boxed type of the schema: one variant per constructor.
    Boxed,
    /// TON's `object`/`Object`: one variant per constructor of the schema.
    AnyObject,
    /// TON's `function`/`Function`: one variant per (non-generic) function of the schema.
    AnyFunction,
}

/// A boxed type's enum (or the enum of any object or function).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct EnumDef {
    /// Where the enum lives.
    pub path: ItemPath,
    /// What it stands for.
    pub kind: EnumKind,
    /// The TL name of the boxed type (`Object`/`Function` for the enums of any value).
    pub tl_name: String,
    /// Its description as Markdown that rustdoc accepts, decided in lowering: from the
    /// documentation given to `Config::docs`, else the schema's `//@class` description
    /// (escaped), if any.
    pub doc: Option<String>,
    /// The variants, in schema order.
    pub variants: Vec<Variant>,
    /// The variant whose value nests least (for sample values at the depth limit).
    pub terminal: usize,
    /// Attributes from `Config::type_attribute`, as written there.
    pub attributes: Vec<String>,
    /// Marked `#[non_exhaustive]` (`Config::non_exhaustive`).
    pub non_exhaustive: bool,
    /// Whether it derives `Eq` and `Hash`: with `Config::eq_hash` on, when every variant's struct
    /// does.
    pub eq_hash: bool,
    /// Whether it has `constructor_id()`, `tl_name()` and the conversions back to its
    /// constructors' structs (`TryFrom`, or `From` for a single constructor; boxed types only)
    /// (`Config::enum_helpers`, which also decides [`EnumDef::getters`]).
    pub helpers: bool,
    /// Whether it takes the lifetime parameter `'a` (with `Config::borrowed`): some variant's
    /// struct does.
    pub borrows: bool,
    /// Methods reading the fields that every variant's struct has alike (`enums::User::id()`), in
    /// the first constructor's field order. Only boxed types of two or more constructors have any,
    /// and only with `Config::enum_helpers`.
    pub getters: Vec<Getter>,
}

/// A method of a boxed type's enum that reads a field every constructor has, with the same Rust
/// type, either always present or `Option` in all of them (gotd's `GetID`): `enums::User::id()`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Getter {
    /// The method's name: the field's Rust name in the first constructor.
    pub ident: RustIdent,
    /// The TL field name.
    pub tl_name: String,
    /// The value's type as the constructors store it, outside any `Box` (`bool` for `?true`).
    pub ty: TypeRef,
    /// The field is an `Option` in every constructor (conditional or nullable); the method returns
    /// one too.
    pub optional: bool,
    /// How the method hands the value out.
    pub borrow: Borrow,
    /// How each variant reaches the value, in variant order.
    pub access: Vec<Access>,
}

/// How a [`Getter`] hands out its value (inside `Option` when the field is optional).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Borrow {
    /// By value: a `Copy` scalar (`i32`, `i64`, `u32`, `f64`, `bool`).
    Copy,
    /// `&str`, from a `String`.
    Str,
    /// `&[T]`, from a `Vec<T>` (`&[u8]` for `bytes`).
    Slice,
    /// `&T`, through the `Box` where a constructor holds the value in one.
    Ref,
}

/// How one variant's struct holds the value of a [`Getter`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Access {
    /// A stored field.
    Field {
        /// The field.
        ident: RustIdent,
        /// The field holds the value in a `Box`.
        heap: bool,
    },
    /// The method of a `?true` field that shares its bit with a data field ([`DerivedFlag`]).
    Method(RustIdent),
}

/// One variant: a constructor struct, held in a `Box` when it is large or recursive.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Variant {
    /// The variant's name.
    pub ident: RustIdent,
    /// The struct it holds.
    pub ctor: ItemPath,
    /// The constructor's (or function's) TL name.
    pub tl_name: String,
    /// Its id.
    pub id: u32,
    /// Held in a `Box`.
    pub heap: bool,
}

/// An id that several generated definitions share (api.tl's `invokeWith…Prefix` functions).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct SharedId {
    /// The id.
    pub id: u32,
    /// The name `name_for_id` returns.
    pub chosen: String,
    /// The other names.
    pub others: Vec<String>,
}

/// Everything generated from a schema, as the generators see it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Model {
    /// The schema's layer (`LAYER`).
    pub layer: Option<i32>,
    /// Constructor structs, sorted by path.
    pub types: Vec<StructDef>,
    /// Function structs, sorted by path.
    pub functions: Vec<StructDef>,
    /// Enums, sorted by path.
    pub enums: Vec<EnumDef>,
    /// `(id, TL name)` for `name_for_id`, sorted by id, one name per id.
    pub names: Vec<(u32, String)>,
    /// Ids shared by several definitions.
    pub shared_ids: Vec<SharedId>,
    /// Generated with documentation (`Config::docs`): constructors link their enum, enums list
    /// their constructors, functions give their result type, who may call them and their
    /// possible errors, and the `errors` module is generated.
    pub documented: bool,
    /// The documented errors, in name order: the `errors` module (empty without documentation).
    pub errors: Vec<ErrorDef>,
    /// Generated with `Config::borrowed`: `string` and `bytes` are `Cow<'a, str>` and
    /// `Cow<'a, [u8]>`, decoded borrowing from the input, and the items that reach one
    /// ([`StructDef::borrows`], [`EnumDef::borrows`]) take the lifetime `'a`.
    pub borrowed: bool,
}

impl Model {
    /// The constructor or function struct generated for the TL definition `tl_name`.
    pub fn find_struct(&self, tl_name: &str) -> Option<&StructDef> {
        self.types
            .iter()
            .chain(&self.functions)
            .find(|s| s.tl_name == tl_name)
    }

    /// The enum generated for the boxed type `tl_name` (`Object`/`Function` find TON's enums of any
    /// value when the schema has no boxed type of that name).
    pub fn find_enum(&self, tl_name: &str) -> Option<&EnumDef> {
        let mut found = self.enums.iter().filter(|e| e.tl_name == tl_name);
        let first = found.next()?;
        // A boxed type named `Object` comes before the enum of any object, which is then renamed.
        Some(
            std::iter::once(first)
                .chain(found)
                .find(|e| e.kind == EnumKind::Boxed)
                .unwrap_or(first),
        )
    }
}
