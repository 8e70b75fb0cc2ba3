//! What the codec knows about one definition, compiled once from tl-parser's resolved schema: each
//! parameter's wire type ([`Ty`]), its role (flags word, conditional on a word and bit, required,
//! nullable), how the fields that share a flag bit are read from JSON (the same rules as generated
//! code), and the fewest bytes the bare form takes (for vector counts, as generated code counts
//! them).

use tl_parser::Definition as ParsedDefinition;

/// The wire type of a field or a vector element, resolved to what the decoder needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ty {
    /// `int`, `int32`: 4 bytes.
    Int,
    /// A plain `#`: 4 bytes, unsigned.
    Nat,
    /// `long`, `int64`: 8 bytes (a decimal string in JSON).
    Long,
    /// TDLib's `int53`: 8 bytes (a number in JSON).
    Int53,
    /// `double`.
    Double,
    /// `string`, `secureString`: a byte string holding UTF-8.
    String,
    /// `bytes`, `secureBytes`.
    Bytes,
    /// `int128`.
    Int128,
    /// `int256`.
    Int256,
    /// `int512`.
    Int512,
    /// `Bool`: the id of `boolTrue` or `boolFalse`.
    Bool,
    /// Boxed `True`: the id of `true`.
    True,
    /// Bare `true`: nothing (only `?true` flags have it).
    BareTrue,
    /// `Vector<T>` (boxed: with the vector id) or `vector<T>`.
    Vector {
        /// Written with the vector id.
        boxed: bool,
        /// The element type.
        element: Box<Ty>,
    },
    /// A boxed value of what [`Expect`] accepts (a boxed type of the schema, any object, any
    /// function, a type parameter `!X`).
    Boxed(Expect),
    /// The bare form of the definition at this index of the codec's definitions.
    Bare(usize),
    /// The body of an MTProto `message`: a boxed value whose length the preceding `bytes` field
    /// gives (kept raw when its id is unknown).
    Body,
    /// A type the codec cannot read (an undefined name; only in schemas with errors).
    Unsupported,
}

/// Which constructors (or functions) a boxed position accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    /// The constructors of the boxed type with this index in [`tl_parser::Schema::types`].
    Type(usize),
    /// Exactly the definition at this index (a constructor or function named on its own).
    Def(usize),
    /// TON's `Object`: any constructor of the schema.
    AnyObject,
    /// TON's `Function`: any function of the schema.
    AnyFunction,
    /// A type parameter `!X`: any function or constructor (functions first where ids are shared).
    Generic,
    /// Anything boxed: the schema's constructors and functions, and MTProto's envelopes
    /// (the top level without a type, and the `Object` of an envelope).
    Any,
}

/// What a definition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefKind {
    /// A constructor of a boxed type of the schema.
    Constructor,
    /// A function.
    Function,
    /// A built-in declaration with fields of its own (rare: `true = True;` has none).
    Builtin,
    /// One of MTProto's envelopes the codec knows without a schema (`msg_container`, `message`,
    /// `rpc_result`).
    Envelope,
}

/// How a parameter is written and read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Role {
    /// A flags word: computed from the fields when writing, never stored nor written to JSON.
    /// `slot` numbers the definition's flags words in order.
    FlagsWord {
        /// The index among the definition's flags words.
        slot: usize,
    },
    /// Always on the wire; `nullable` ones (TDLib's `may be null`) are `null#56730bcc` when absent.
    Required {
        /// Absent values are allowed (written as the `null` id).
        nullable: bool,
    },
    /// On the wire when bit `bit` of flags word `slot` is set.
    Conditional {
        /// The flags word, among the definition's flags words.
        slot: usize,
        /// The bit.
        bit: u32,
        /// How JSON reading treats it, given the other fields on its bit.
        json: Shared,
    },
}

/// How JSON reading treats a conditional field, given the fields that share its bit (the rules of
/// generated code, so that errors are the same).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shared {
    /// A `?true` that decides its bit (the first `?true` of a bit without data fields).
    Flag,
    /// The only data field on its bit.
    Optional,
    /// One of several data fields on one bit: all present or none. `members` lists their
    /// parameter indices.
    Group {
        /// The parameter indices of the group's data fields, in order.
        members: Vec<usize>,
    },
    /// A `?true` whose bit another field decides: when given, it must agree.
    Derived {
        /// The parameter that decides (a `Flag`, an `Optional`, or a group's first member).
        partner: usize,
    },
}

/// One parameter of a definition.
#[derive(Debug, Clone)]
pub(crate) struct Param<'s> {
    pub(crate) name: &'s str,
    pub(crate) ty: Ty,
    pub(crate) role: Role,
}

impl Param<'_> {
    /// A `?true` flag: no bytes of its own, `true` in JSON when set.
    pub(crate) fn is_true_flag(&self) -> bool {
        self.ty == Ty::BareTrue && matches!(self.role, Role::Conditional { .. })
    }
}

/// A constructor or function as the codec sees it: its TL name and id, and its fields.
///
/// Values ([`crate::Object`]) refer to their definition; [`crate::Codec::definition`] looks one
/// up by name.
#[derive(Debug, Clone)]
pub struct Def<'s> {
    pub(crate) index: usize,
    pub(crate) name: &'s str,
    pub(crate) id: u32,
    pub(crate) kind: DefKind,
    /// The result type's name (`User`), for messages.
    pub(crate) result: &'s str,
    pub(crate) params: Vec<Param<'s>>,
    /// How many flags words the definition has.
    pub(crate) flag_words: usize,
    /// How many parameters are always on the wire (required or nullable).
    pub(crate) required: usize,
    /// The fewest bytes the bare form takes, counted as generated code counts it.
    pub(crate) min_bare_len: usize,
    pub(crate) source: Option<&'s ParsedDefinition>,
}

impl<'s> Def<'s> {
    /// The TL name (`messages.chatInviteImporters`).
    pub fn name(&self) -> &'s str {
        self.name
    }

    /// The constructor id written before the fields in the boxed form.
    pub fn id(&self) -> u32 {
        self.id
    }

    /// Constructor, function, built-in or MTProto envelope.
    pub fn kind(&self) -> DefKind {
        self.kind
    }

    /// The name of the type a constructor builds, or the type a function returns, as written
    /// (`messages.ChatInviteImporters`).
    pub fn result_type(&self) -> &'s str {
        self.result
    }

    /// The names of the fields a value of it has, in schema order (flags words left out: they are
    /// computed).
    pub fn field_names(&self) -> impl Iterator<Item = &'s str> + '_ {
        self.params
            .iter()
            .filter(|p| !matches!(p.role, Role::FlagsWord { .. }))
            .map(|p| p.name)
    }

    /// The definition in tl-parser's resolved schema, `None` for MTProto's envelopes.
    pub fn source(&self) -> Option<&'s ParsedDefinition> {
        self.source
    }

    /// The index of the parameter named `name` (flags words included).
    pub(crate) fn param_index(&self, name: &str) -> Option<usize> {
        self.params.iter().position(|p| p.name == name)
    }
}
