//! The names a type expression may refer to: built-ins, boxed types, constructors (as bare types),
//! and which non-implicit built-in spellings the schema declares.

use crate::ast::{self, Category};
use crate::builtins;
use crate::fast_hash::{FastMap, FastSet};
use crate::schema::{DefId, TypeId};

/// What the whole schema defines, indexed by name.
pub(super) struct Scope<'a> {
    /// Constructor names (usable as bare types), the first definition of each, with the number of
    /// type arguments its result type takes.
    pub(super) constructors: FastMap<&'a str, (DefId, usize)>,
    /// Boxed types of the schema (built-ins excluded), with their arity.
    pub(super) types: FastMap<&'a str, (TypeId, usize)>,
    /// The constructors of each boxed type, by type index (for `%T`).
    pub(super) constructors_of: Vec<Vec<DefId>>,
    /// Every definition name and every constructor's result name: a non-implicit built-in spelling
    /// (`Int`, `secureString`, `int512`, `Object`) is usable once the schema declares it.
    declared: FastSet<&'a str>,
}

impl<'a> Scope<'a> {
    /// Indexes `defs`; `types` are the boxed types already numbered (name to id and arity), and
    /// `constructors_of` their constructors by type index.
    pub(super) fn new(
        defs: &[&'a ast::Definition],
        types: FastMap<&'a str, (TypeId, usize)>,
        constructors_of: Vec<Vec<DefId>>,
    ) -> Self {
        let mut constructors = FastMap::default();
        let mut declared = FastSet::default();
        constructors.reserve(defs.len());
        declared.reserve(2 * defs.len());
        for (index, def) in defs.iter().enumerate() {
            declared.insert(def.name.full.as_str());
            if def.category == Category::Type {
                declared.insert(def.result.name.as_str());
                // Definition indexes fit in u32: sources are limited to 4 GiB.
                let id = DefId(u32::try_from(index).unwrap_or(u32::MAX));
                constructors
                    .entry(def.name.full.as_str())
                    .or_insert((id, def.result.args.len()));
            }
        }
        Scope {
            constructors,
            types,
            constructors_of,
            declared,
        }
    }

    /// True when a built-in spelling that needs a declaration has one.
    pub(super) fn declares(&self, name: &str) -> bool {
        self.declared.contains(name)
    }

    /// A defined name equal to `name` but for letter case, to suggest: the smallest such name (in
    /// byte order) among constructors for a lowercase reference, else among boxed types, then among
    /// the other kind.
    pub(super) fn similar(&self, name: &str) -> Option<&'a str> {
        let same = |n: &&&'a str| n.eq_ignore_ascii_case(name);
        let smallest =
            |names: &mut dyn Iterator<Item = &&'a str>| names.filter(same).min().copied();
        let (bare, boxed) = (
            || smallest(&mut self.constructors.keys()),
            || smallest(&mut self.types.keys()),
        );
        // A lowercase reference most likely means a constructor (a bare type), else a boxed type.
        let implicit = || {
            builtins::implicit_names()
                .filter(|n| n.eq_ignore_ascii_case(name))
                .min()
        };
        if name.starts_with(|c: char| c.is_ascii_lowercase()) {
            bare().or_else(boxed)
        } else {
            boxed().or_else(bare)
        }
        .or_else(implicit)
    }
}
