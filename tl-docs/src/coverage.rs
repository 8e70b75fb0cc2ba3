//! How much of a TL schema the documentation covers, and which entries name nothing the schema has.

use std::collections::BTreeSet;
use std::fmt;

use tl_parser::{Category, DefKind, Schema};

use crate::getdoc::{self, Kind};
use crate::model::Docs;

/// How many of a schema's items have documentation with a description: `documented` of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Count {
    /// Items with a description.
    pub documented: usize,
    /// Items of the schema.
    pub total: usize,
}

impl Count {
    fn add(&mut self, documented: bool) {
        self.total += 1;
        self.documented += usize::from(documented);
    }
}

impl std::ops::Add for Count {
    type Output = Count;

    fn add(self, other: Count) -> Count {
        Count {
            documented: self.documented + other.documented,
            total: self.total + other.total,
        }
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {}", self.documented, self.total)
    }
}

/// The documentation's coverage of one schema ([`Docs::coverage`]).
///
/// A definition counts as documented when the docs have an entry of its kind (constructor or
/// method) with a non-empty description; built-in declarations (`int ? = Int;`, `vector`,
/// `boolTrue`) are neither counted nor unknown. An entry is *for an unknown name* when the schema
/// has no definition of that kind (no boxed or built-in type for a type entry) by that name:
/// documentation the schema cannot use, counted rather than silently dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Coverage {
    /// Constructors of the schema (not built-ins).
    pub constructors: Count,
    /// Functions of the schema.
    pub functions: Count,
    /// Boxed types of the schema.
    pub types: Count,
    /// Parameters of the schema's constructors and functions (flags words included).
    pub params: Count,
    /// Constructors and functions without documentation, in schema order.
    pub undocumented: Vec<String>,
    /// Constructor entries whose name the schema lacks, in name order.
    pub unknown_constructors: Vec<String>,
    /// Method entries whose name the schema lacks, in name order.
    pub unknown_methods: Vec<String>,
    /// Type entries whose name the schema lacks, in name order.
    pub unknown_types: Vec<String>,
}

impl Coverage {
    /// Constructors and functions together.
    pub fn definitions(&self) -> Count {
        self.constructors + self.functions
    }

    /// Entries for names the schema lacks, of every kind.
    pub fn unknown_entries(&self) -> usize {
        self.unknown_constructors.len() + self.unknown_methods.len() + self.unknown_types.len()
    }
}

/// `docs: N of M definitions documented, K entries for unknown names`: the line `tlgen generate
/// --docs` prints.
impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unknown = self.unknown_entries();
        write!(
            f,
            "docs: {} definitions documented, {unknown} {} for unknown names",
            self.definitions(),
            if unknown == 1 { "entry" } else { "entries" }
        )
    }
}

impl Docs {
    /// What these docs cover of `schema` (see [`Coverage`]).
    pub fn coverage(&self, schema: &Schema) -> Coverage {
        let mut out = Coverage::default();
        for def in schema.definitions() {
            let (count, entry) = match def.kind {
                DefKind::Builtin => continue,
                DefKind::Constructor(_) => (
                    &mut out.constructors,
                    self.constructor(&def.name.full)
                        .map(|c| (&c.description, &c.params)),
                ),
                DefKind::Function => (
                    &mut out.functions,
                    self.method(&def.name.full)
                        .map(|m| (&m.description, &m.params)),
                ),
            };
            let documented = entry.is_some_and(|(description, _)| !description.is_empty());
            count.add(documented);
            if !documented {
                out.undocumented.push(def.name.full.to_string());
            }
            for param in &def.params {
                let described = entry
                    .and_then(|(_, params)| params.get(&*param.name))
                    .is_some_and(|p| !p.description.is_empty());
                out.params.add(described);
            }
        }
        for ty in schema.types() {
            let documented = self
                .boxed_type(&ty.name)
                .is_some_and(|t| !t.description.is_empty());
            out.types.add(documented);
        }
        let has = |name: &str, category: Category| {
            schema
                .find(name)
                .is_some_and(|def| def.category == category)
        };
        out.unknown_constructors = self
            .constructors
            .keys()
            .filter(|name| !has(name, Category::Type))
            .cloned()
            .collect();
        out.unknown_methods = self
            .methods
            .keys()
            .filter(|name| !has(name, Category::Function))
            .cloned()
            .collect();
        // Built-in types are the results of built-in declarations (`int ? = Int;`) or need none.
        let results: BTreeSet<&str> = schema
            .definitions()
            .iter()
            .map(|d| &*d.result.name)
            .collect();
        out.unknown_types = self
            .types
            .keys()
            .filter(|name| {
                // The site writes `Vector t`.
                let bare = name.split(' ').next().unwrap_or(name);
                schema.find_type(bare).is_none()
                    && tl_parser::builtins::lookup(bare).is_none()
                    && !results.contains(bare)
            })
            .cloned()
            .collect();
        out
    }
}

impl getdoc::Doc {
    /// The entries for what `schema` defines and a generator documents: its constructors and
    /// functions (not built-in declarations such as `true` or `vector`) and its boxed types, with
    /// the errors of those methods (see [`getdoc::Doc::subset`]). Type entries are matched by
    /// their TL name ([`getdoc::Doc::type_tl_name`]).
    pub fn for_schema(&self, schema: &Schema) -> getdoc::Doc {
        self.subset(|kind, name| match kind {
            Kind::Constructor => schema
                .find(name)
                .is_some_and(|def| matches!(def.kind, DefKind::Constructor(_))),
            Kind::Method => schema
                .find(name)
                .is_some_and(|def| def.kind == DefKind::Function),
            Kind::Type => schema.find_type(&self.type_tl_name(name)).is_some(),
        })
    }
}
