//! The intermediate model: every Rust name, type, boxing and field layout decided once by `lower`,
//! and only read by the generators.

use crate::ident::RustIdent;

/// Which of the three top-level modules an item lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Root {
    /// `types`: one struct per constructor.
    Types,
    /// `enums`: one enum per boxed type.
    Enums,
    /// `functions`: one struct per function.
    Functions,
}

/// Where an item lives: a root module, the namespace modules below it, and its name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ItemPath {
    pub(crate) root: Root,
    pub(crate) modules: Vec<RustIdent>,
    pub(crate) name: RustIdent,
}

/// A TL type as the generated code sees it: its Rust type and its codec follow from it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum TypeRef {
    /// `int` (`i32`).
    Int,
    /// `long` (`i64`).
    Long,
    /// `double` (`f64`).
    Double,
    /// `#` as a stored natural number (`u32`).
    Nat,
    /// `int128` / `int256` (`[u8; N]`).
    Fixed(usize),
    /// `string` (`String`).
    Str,
    /// `bytes` (`Vec<u8>`).
    Bytes,
    /// `Bool` (`bool`).
    Bool,
    /// The boxed `True` (the runtime's unit struct `True`), as a function result.
    True,
    /// The boxed `Vector<T>` (`Vec<T>`).
    Vector(Box<TypeRef>),
    /// The bare `vector<T>` (`Vec<T>`), written without the vector id.
    BareVector(Box<TypeRef>),
    /// A boxed type: the enum, written with a constructor id. `heap` puts it behind a `Box`.
    Enum { path: ItemPath, heap: bool },
    /// A bare constructor: the struct, written without its id. `heap` puts it behind a `Box`.
    Bare { path: ItemPath, heap: bool },
    /// `!X`: the function struct's type parameter, written boxed.
    Generic(RustIdent),
}

/// A flag bit: which `#` field and which bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FlagBit {
    /// Index of the flags word in [`StructDef::flag_words`].
    pub(crate) word: usize,
    /// The bit index, 0 to 31.
    pub(crate) bit: u32,
}

/// How one stored Rust field holds its value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum FieldKind {
    /// Always present: `T`.
    Required(TypeRef),
    /// `name:flags.N?T` alone on its bit: `Option<T>`.
    Optional(TypeRef, FlagBit),
    /// `name:flags.N?true` alone on its bit (or with other `?true` fields only): `bool`.
    Flag(FlagBit),
    /// Several non-`true` fields sharing one bit: `Option<Group>`, all present or all absent.
    Group { group: usize, bit: FlagBit },
}

/// A stored Rust field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Field {
    /// The Rust field name.
    pub(crate) ident: RustIdent,
    /// The TL field name (for docs and error paths).
    pub(crate) tl_name: String,
    /// How it is stored.
    pub(crate) kind: FieldKind,
    /// Its documentation, if the schema has any.
    pub(crate) doc: Option<String>,
    /// `?true` fields on the same bit, derived from this field (see [`DerivedFlag`]).
    pub(crate) implies: Vec<String>,
}

/// A struct holding the members of a shared-bit group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Group {
    /// The struct's name, in the same module as its owner.
    pub(crate) name: RustIdent,
    /// Its members: (Rust name, TL name, type, doc).
    pub(crate) members: Vec<GroupMember>,
}

/// A member of a shared-bit group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct GroupMember {
    pub(crate) ident: RustIdent,
    pub(crate) tl_name: String,
    pub(crate) ty: TypeRef,
    pub(crate) doc: Option<String>,
}

/// A `?true` field that shares its bit with data-carrying fields: not stored, but read through a
/// method that says whether the partner is present, so no value can announce data it lacks.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct DerivedFlag {
    /// The method name.
    pub(crate) ident: RustIdent,
    /// The TL field name.
    pub(crate) tl_name: String,
    /// The stored field (an `Optional` or a `Group`) whose presence it reports.
    pub(crate) partner: RustIdent,
}

/// One item of the wire layout, in TL field order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum WireItem {
    /// A flags word, computed from the fields when writing; index into `flag_words`.
    FlagWord(usize),
    /// A stored field (index into `fields`). Optional and group fields write only when present;
    /// `Flag` fields write nothing here (their bit is in the flags word).
    Field(usize),
    /// A member of a group (group field index, member index), written when the group is present.
    GroupMember { field: usize, member: usize },
    /// A `?true` field whose bit another field decides: writes nothing.
    Derived,
}

/// A flags word (`flags:#`): its TL name, and the Rust local that holds it while decoding.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct FlagWord {
    pub(crate) tl_name: String,
    pub(crate) local: RustIdent,
}

/// A constructor or function struct.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct StructDef {
    /// Where the struct lives.
    pub(crate) path: ItemPath,
    /// The TL name (`messages.chatInviteImporters`).
    pub(crate) tl_name: String,
    /// The constructor id.
    pub(crate) id: u32,
    /// The definition as the schema states it, for the doc comment.
    pub(crate) tl_line: String,
    /// The schema's description, if any.
    pub(crate) doc: Option<String>,
    /// Stored fields in order.
    pub(crate) fields: Vec<Field>,
    /// Shared-bit groups referenced by `FieldKind::Group`.
    pub(crate) groups: Vec<Group>,
    /// `?true` fields derived from a partner.
    pub(crate) derived: Vec<DerivedFlag>,
    /// Flags words referenced by `FlagBit::word`.
    pub(crate) flag_words: Vec<FlagWord>,
    /// The wire layout.
    pub(crate) wire: Vec<WireItem>,
    /// The fewest bytes the bare form takes.
    pub(crate) min_bare_len: usize,
    /// For functions: the type parameter (`X` of `{X:Type}`), if any.
    pub(crate) generic: Option<RustIdent>,
    /// For functions: the result type.
    pub(crate) returns: Option<TypeRef>,
    /// For constructors: the enum it belongs to and its variant there.
    pub(crate) variant_of: Option<VariantOf>,
}

/// The enum variant that holds a constructor struct.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct VariantOf {
    /// The enum.
    pub(crate) enum_path: ItemPath,
    /// The variant's name.
    pub(crate) variant: RustIdent,
    /// True when the variant holds a `Box` of the struct.
    pub(crate) heap: bool,
}

impl StructDef {
    /// The members of group `group` (empty for an index that names no group).
    pub(crate) fn group_members(&self, group: usize) -> &[GroupMember] {
        self.groups
            .get(group)
            .map(|g| g.members.as_slice())
            .unwrap_or_default()
    }
}

/// A boxed type's enum.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct EnumDef {
    pub(crate) path: ItemPath,
    /// The TL name of the boxed type.
    pub(crate) tl_name: String,
    /// The `//@class` description, if any.
    pub(crate) doc: Option<String>,
    pub(crate) variants: Vec<Variant>,
    /// The variant whose value nests least (for sample values at the depth limit).
    pub(crate) terminal: usize,
}

/// One variant: a constructor struct, boxed when it is large or recursive.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Variant {
    pub(crate) ident: RustIdent,
    pub(crate) ctor: ItemPath,
    pub(crate) tl_name: String,
    pub(crate) id: u32,
    pub(crate) heap: bool,
}

/// Everything the generators need.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Model {
    /// The schema's layer.
    pub(crate) layer: Option<u32>,
    /// Constructor structs, sorted by path.
    pub(crate) types: Vec<StructDef>,
    /// Function structs, sorted by path.
    pub(crate) functions: Vec<StructDef>,
    /// Enums, sorted by path.
    pub(crate) enums: Vec<EnumDef>,
    /// `(id, TL name)` for `name_for_id`, sorted by id, one name per id.
    pub(crate) names: Vec<(u32, String)>,
    /// Ids shared by several definitions: `(id, the name returned, the other names)`.
    pub(crate) shared_ids: Vec<(u32, String, Vec<String>)>,
}
