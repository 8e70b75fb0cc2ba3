//! The syntax tree of a TL schema: definitions, parameters and type expressions as written, each
//! with its span. [`crate::parse`] resolves it into the [`crate::Schema`].

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Identifies one source file inside a [`crate::SourceSet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// A byte range in one source file. Line and column are computed only when a diagnostic is rendered.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// The file the range lies in.
    pub file: FileId,
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// A span of `file` from byte `start` to byte `end`.
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        // Sources larger than 4 GiB are rejected before parsing, so offsets fit in u32.
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            file,
            start: clamp(start),
            end: clamp(end),
        }
    }

    /// The byte range as `usize`s, for slicing the source.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}..{}", self.file.0, self.start, self.end)
    }
}

/// A name as written in the schema (a definition, field, type or flags word). The parser interns
/// names, so every occurrence of one name shares one allocation and cloning copies no text. It reads
/// like a `&str` (`Deref`, `as_str`, comparisons with string types) and prints like one.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Symbol(Arc<str>);

impl Symbol {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Symbol {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Symbol {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Symbol {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl From<&str> for Symbol {
    fn from(text: &str) -> Self {
        Symbol(Arc::from(text))
    }
}

impl From<String> for Symbol {
    fn from(text: String) -> Self {
        Symbol(Arc::from(text))
    }
}

impl From<Symbol> for String {
    fn from(symbol: Symbol) -> Self {
        symbol.0.as_ref().to_owned()
    }
}

impl PartialEq<str> for Symbol {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Symbol {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Symbol {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Symbol> for str {
    fn eq(&self, other: &Symbol) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Symbol> for &str {
    fn eq(&self, other: &Symbol) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Symbol> for String {
    fn eq(&self, other: &Symbol) -> bool {
        **self == *other.0
    }
}

/// Whether a definition is a constructor (from a `---types---` section) or a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// A constructor of a type, declared in a `---types---` section (the default).
    Type,
    /// A function (an RPC), declared in a `---functions---` section.
    Function,
}

impl Category {
    /// `constructor` or `function`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Type => "constructor",
            Category::Function => "function",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A possibly namespaced identifier such as `messages.getChatInviteImporters` or `pub.ed25519`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name {
    /// The whole name as written, namespaces included.
    pub full: Symbol,
    /// Where the name stands in the source.
    pub span: Span,
}

impl Name {
    /// The namespace components, empty for a name without dots (`a.b.c` gives `["a", "b"]`).
    pub fn namespace(&self) -> Vec<&str> {
        let mut parts: Vec<&str> = self.full.split('.').collect();
        parts.pop();
        parts
    }

    /// The last component (`getChatInviteImporters` for `messages.getChatInviteImporters`).
    pub fn local(&self) -> &str {
        self.full.rsplit('.').next().unwrap_or(&self.full)
    }
}

/// A type expression: `int`, `Vector<User>`, `vector<textEntity>`, `(vector adnl.node)`, `%Message`, `!X`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TypeExpr {
    /// The type's name as written (`Vector`, `messages.ChatInviteImporters`, `tonNode.blockIdExt`, `#`, `X`).
    pub name: Symbol,
    /// Type arguments: `Vector<T>`, `vector<T>` and `(vector T)` all give one argument.
    pub args: Vec<TypeExpr>,
    /// `%T`: the bare form of the boxed type `T`.
    pub percent: bool,
    /// `!X`: a value of any type that the type parameter `X` stands for (serialized boxed).
    pub bang: bool,
    /// How the arguments were written, kept so that ids are computed from what was written.
    pub syntax: ArgSyntax,
    /// Where the whole expression stands in the source.
    pub span: Span,
}

/// How a type application was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArgSyntax {
    /// No arguments.
    None,
    /// `Vector<T>`.
    Angle,
    /// TON's `(vector T)`.
    Paren,
    /// A space-separated application in a result type, as in `= Vector t`.
    Space,
}

/// A reference to one bit of a flags word: `flags.3` in `link:flags.3?string`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FlagRef {
    /// The name of the `#` field holding the bit (`flags`, `flags2`, `mode`).
    pub field: Symbol,
    /// Where the field name stands.
    pub field_span: Span,
    /// The bit index as written (checked to be at most 31).
    pub bit: u32,
    /// Where the bit index stands.
    pub bit_span: Span,
}

/// One parameter (field) of a definition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Param {
    /// The field name.
    pub name: Symbol,
    /// Where the field name stands.
    pub name_span: Span,
    /// The condition of a conditional field (`flags.N?`), if any.
    pub flag: Option<FlagRef>,
    /// The field's type (`#` for a flags word or a plain natural number).
    pub ty: TypeExpr,
    /// Where the whole parameter stands.
    pub span: Span,
}

/// A type parameter `{X:Type}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TypeParam {
    /// The parameter's name (`X`, `t`).
    pub name: Symbol,
    /// Its kind as written (`Type`; `#` is also accepted by the grammar).
    pub kind: Symbol,
    /// Where the whole `{X:Type}` stands.
    pub span: Span,
}

/// The body of a built-in declaration that is not a list of fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BuiltinBody {
    /// `int ? = Int;`: a primitive whose encoding the compiler knows.
    Opaque,
    /// `vector {t:Type} # [ t ] = Vector t;`: a count followed by that many values.
    Vector,
    /// `int128 4*[ int ] = Int128;`: a fixed number of values of one type.
    Repeat {
        /// How many values.
        count: u32,
        /// Of which type.
        ty: TypeExpr,
    },
}

/// Documentation attached to a definition by TDLib-style `//@` comments.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Docs {
    /// The `@description` text.
    pub description: Option<String>,
    /// `@field_name text` entries, in source order (`//-` continuations joined with a space).
    pub fields: Vec<(String, String)>,
}

impl Docs {
    /// True when no doc comment was attached.
    pub fn is_empty(&self) -> bool {
        self.description.is_none() && self.fields.is_empty()
    }

    /// The documentation of one field, if any.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.as_str())
    }
}

/// One `;`-terminated definition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Definition {
    /// Constructor or function.
    pub category: Category,
    /// The definition's name.
    pub name: Name,
    /// The `#id` as written, if any.
    pub declared_id: Option<u32>,
    /// Where the `#id` stands (the `#` included).
    pub declared_id_span: Option<Span>,
    /// `{X:Type}` parameters.
    pub type_params: Vec<TypeParam>,
    /// The fields, in order.
    pub params: Vec<Param>,
    /// For built-in declarations (`int ? = Int;`, `vector … # [ t ]`, `int128 4*[ int ]`) their body.
    pub builtin: Option<BuiltinBody>,
    /// The result type after `=` (a boxed type for constructors, the return type for functions).
    pub result: TypeExpr,
    /// `//@` documentation attached to this definition.
    pub docs: Docs,
    /// From the first character of the name to the `;` included.
    pub span: Span,
}

/// Documentation of a boxed type given by `//@class Name @description …`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClassDoc {
    /// The boxed type's name.
    pub name: String,
    /// Its description.
    pub description: String,
    /// Where the comment stands.
    pub span: Span,
}

/// Everything parsed from one source file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FileSchema {
    /// The file.
    pub file: FileId,
    /// The layer given by a `// LAYER N` comment.
    pub layer: Option<u32>,
    /// The definitions, in source order.
    pub definitions: Vec<Definition>,
    /// `//@class` documentation, in source order.
    pub classes: Vec<ClassDoc>,
}

/// Everything parsed from a set of files (see [`crate::parse_syntax`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Schema {
    /// One entry per source file, in the order the files were added.
    pub files: Vec<FileSchema>,
}

impl Schema {
    /// Every definition of every file, in file then source order.
    pub fn definitions(&self) -> impl Iterator<Item = &Definition> {
        self.files.iter().flat_map(|f| f.definitions.iter())
    }
}
