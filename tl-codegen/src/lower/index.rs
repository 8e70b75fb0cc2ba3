//! The schema indexed by name: which definitions become Rust items, and which TL types the runtime
//! provides itself (`int`, `string`, `Vector`, `Bool` …).

use std::collections::BTreeMap;

use tl_parser::Schema;
use tl_parser::ast::{Category, Definition};

/// Boxed type names whose values are Rust primitives, not generated enums.
const RUNTIME_TYPES: &[&str] = &[
    "Int",
    "Long",
    "Double",
    "String",
    "Bytes",
    "Int128",
    "Int256",
    "Int512",
    "Bool",
    "True",
    "Vector",
    "Int32",
    "Int53",
    "Int64",
    "Type",
    "SecureString",
    "SecureBytes",
];

/// TL names of "any boxed value" (TON's `object ? = Object;`): a field of this type holds a value
/// of any constructor.
pub(crate) const ANY_OBJECT: &[&str] = &["Object", "object"];

/// TL names of "any function" (TON's `function ? = Function;`).
pub(crate) const ANY_FUNCTION: &[&str] = &["Function", "function"];

/// True when `name` (a boxed type) is provided by the runtime rather than generated.
pub(crate) fn is_runtime_type(name: &str) -> bool {
    RUNTIME_TYPES.contains(&name)
}

/// True when a definition declares something the runtime provides (`int ? = Int;`, `vector …`,
/// `boolTrue = Bool;`, `bytes = Bytes;`, `true = True;`): no struct is generated for it.
pub(crate) fn is_runtime_definition(def: &Definition) -> bool {
    def.builtin.is_some() || (def.category == Category::Type && is_runtime_type(&def.result.name))
}

/// Definitions by name, for the ones that become Rust items.
#[derive(Debug, Default)]
pub(crate) struct Index<'a> {
    /// Constructors by TL name.
    pub(crate) ctors: BTreeMap<&'a str, &'a Definition>,
    /// Functions by TL name.
    pub(crate) functions: BTreeMap<&'a str, &'a Definition>,
    /// Boxed type name to its constructors, in source order.
    pub(crate) boxed: BTreeMap<&'a str, Vec<&'a Definition>>,
    /// Every definition in source order, for stable tie-breaking.
    pub(crate) order: BTreeMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    /// Indexes every definition that becomes a Rust item.
    pub(crate) fn new(schema: &'a Schema) -> Self {
        let mut index = Index::default();
        for (position, def) in schema.definitions().enumerate() {
            index
                .order
                .entry(def.name.full.as_str())
                .or_insert(position);
            if is_runtime_definition(def) {
                continue;
            }
            match def.category {
                Category::Type => {
                    index.ctors.insert(&def.name.full, def);
                    index.boxed.entry(&def.result.name).or_default().push(def);
                }
                Category::Function => {
                    index.functions.insert(&def.name.full, def);
                }
            }
        }
        index
    }
}
