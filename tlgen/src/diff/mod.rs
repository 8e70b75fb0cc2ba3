//! `tlgen diff`: what changed between two versions of a schema, and whether it breaks the wire or
//! the Rust API of code generated from it.
//!
//! Definitions are matched by name. A name only in the new schema is *added*, only in the old one
//! *removed*, except that a removed and an added definition of the same kind with the same id are
//! one *renamed* definition. A name in both with a different id or different fields, result type or
//! kind is *changed*; when the id differs it is also counted as *re-identified*.
//!
//! Every entry is classified twice:
//! - **wire-breaking**: a peer that speaks the old schema and one that speaks the new one may
//!   misunderstand each other: an id one side no longer knows (removed, re-identified), or the same
//!   id with different bytes (a data field added, removed, retyped, made optional or required,
//!   moved to another flag bit, reordered). Names are not on the wire, so a rename is compatible, and
//!   so are added or removed `?true` flags (unused bits are ignored), `string` <-> `bytes` and added
//!   definitions (an old decoder that receives a new constructor reports it as unknown, which
//!   `tlgen explain` helps to diagnose).
//! - **Rust-API-breaking**: code written against the crate generated from the old schema may no
//!   longer compile: a removed or renamed item, a new variant of an existing enum (exhaustive
//!   matches), a new stored field (struct literals; generated structs have no `Default`), a removed
//!   or renamed field or method, a field whose Rust type changes, a function whose return type
//!   changes.

mod fields;
mod render;
mod rust;

use std::collections::{BTreeMap, BTreeSet};

use tl_parser::{Category, Definition, Schema};

pub use render::{json, summary_line, text};

/// Whether a definition is a constructor or a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A constructor of a boxed type.
    Constructor,
    /// A function (an RPC).
    Function,
}

impl Kind {
    fn of(def: &Definition) -> Self {
        match def.category {
            Category::Type => Kind::Constructor,
            Category::Function => Kind::Function,
        }
    }

    /// `constructor` or `function`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Constructor => "constructor",
            Kind::Function => "function",
        }
    }
}

/// One side's view of a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Def {
    /// The TL name (`messages.getChatInviteImporters`).
    pub name: String,
    /// Constructor or function.
    pub kind: Kind,
    /// The result type as written (the boxed type, or a function's return type).
    pub ty: String,
    /// The wire id (declared, or computed by the reference rule).
    pub id: u32,
}

impl Def {
    fn of(def: &Definition) -> Self {
        Def {
            name: def.name.full.to_string(),
            kind: Kind::of(def),
            ty: fields::type_text(&def.result),
            id: def.id(),
        }
    }
}

/// How a change affects peers and code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Impact {
    /// Old and new peers may misunderstand each other.
    pub wire_breaking: bool,
    /// Code written against the old generated API may no longer compile.
    pub rust_breaking: bool,
    /// Why, one short sentence each.
    pub notes: Vec<String>,
}

/// A definition that is only in one of the schemas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The definition.
    pub def: Def,
    /// Its impact.
    pub impact: Impact,
}

/// A definition in both schemas (under the same name, or renamed with the same id) that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// In the old schema.
    pub old: Def,
    /// In the new schema.
    pub new: Def,
    /// What changed in its fields and result, in field order.
    pub changes: Vec<FieldChange>,
    /// The impact of the whole change.
    pub impact: Impact,
}

/// What happened to one field (or to the definition's result or kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A field only the new definition has.
    Added,
    /// A field only the old definition has.
    Removed,
    /// The same field (same position, type and flag) under a new name.
    Renamed,
    /// A different type.
    Retyped,
    /// Was always present, now depends on a flag bit.
    BecameOptional,
    /// Depended on a flag bit, now always present.
    BecameRequired,
    /// Depends on another flag bit.
    FlagMoved,
    /// The fields common to both come in another order.
    Reordered,
    /// The TL field itself is unchanged, but its Rust form is not (a change on its flag bit).
    RustShape,
    /// A constructor's boxed type, or a function's return type.
    Result,
    /// A constructor became a function or the other way round.
    Kind,
}

impl ChangeKind {
    /// The stable spelling used in the JSON output and the text report.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Renamed => "renamed",
            ChangeKind::Retyped => "retyped",
            ChangeKind::BecameOptional => "optional",
            ChangeKind::BecameRequired => "required",
            ChangeKind::FlagMoved => "flag-moved",
            ChangeKind::Reordered => "reordered",
            ChangeKind::RustShape => "rust-shape",
            ChangeKind::Result => "result",
            ChangeKind::Kind => "kind",
        }
    }
}

/// One change inside a changed definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The TL field name (the new name for a renamed field); empty for `Result`, `Kind` and
    /// `Reordered`.
    pub field: String,
    /// What happened.
    pub what: ChangeKind,
    /// The old form (`name:flags.3?Type`, a type, an order), if there was one.
    pub old: Option<String>,
    /// The new form, if there is one.
    pub new: Option<String>,
    /// The bytes of the definition differ because of this change.
    pub wire_breaking: bool,
    /// Code using the old generated struct may no longer compile because of this change.
    pub rust_breaking: bool,
    /// What it means, in a few words.
    pub note: String,
}

/// Everything that differs between two schemas. Lists are sorted by (new) name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// Definitions only in the new schema.
    pub added: Vec<Entry>,
    /// Definitions only in the old schema.
    pub removed: Vec<Entry>,
    /// Definitions whose name changed while their id stayed.
    pub renamed: Vec<Changed>,
    /// Definitions with the same name whose id, fields, result or kind changed.
    pub changed: Vec<Changed>,
}

/// The semver bump a crate generated from the schema needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Semver {
    /// Nothing changed in the generated code.
    None,
    /// Only values changed (ids), no API was added or removed.
    Patch,
    /// Only additions.
    Minor,
    /// Something breaks code written against the old version.
    Major,
}

impl Semver {
    /// `none`, `patch`, `minor` or `major`.
    pub fn as_str(self) -> &'static str {
        match self {
            Semver::None => "none",
            Semver::Patch => "patch",
            Semver::Minor => "minor",
            Semver::Major => "major",
        }
    }
}

/// The counts of a [`Diff`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Definitions added.
    pub added: usize,
    /// Definitions removed.
    pub removed: usize,
    /// Definitions renamed.
    pub renamed: usize,
    /// Changed definitions whose id changed.
    pub reidentified: usize,
    /// Changed definitions (re-identified ones included).
    pub changed: usize,
    /// Entries of all four lists that are wire-breaking.
    pub wire_breaking: usize,
    /// Entries of all four lists that are Rust-API-breaking.
    pub rust_breaking: usize,
    /// The bump a crate generated from the schema needs.
    pub semver: Semver,
}

impl Diff {
    /// The counts, and the semver hint.
    pub fn summary(&self) -> Summary {
        let impacts: Vec<&Impact> = self
            .added
            .iter()
            .chain(&self.removed)
            .map(|e| &e.impact)
            .chain(self.renamed.iter().chain(&self.changed).map(|c| &c.impact))
            .collect();
        let wire_breaking = impacts.iter().filter(|i| i.wire_breaking).count();
        let rust_breaking = impacts.iter().filter(|i| i.rust_breaking).count();
        let semver = if rust_breaking > 0 {
            Semver::Major
        } else if !self.added.is_empty()
            || self
                .changed
                .iter()
                .any(|c| c.changes.iter().any(|f| f.what != ChangeKind::Reordered))
        {
            Semver::Minor
        } else if impacts.is_empty() {
            Semver::None
        } else {
            Semver::Patch
        };
        Summary {
            added: self.added.len(),
            removed: self.removed.len(),
            renamed: self.renamed.len(),
            reidentified: self.changed.iter().filter(|c| c.old.id != c.new.id).count(),
            changed: self.changed.len(),
            wire_breaking,
            rust_breaking,
            semver,
        }
    }

    /// True when nothing differs.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.renamed.is_empty()
            && self.changed.is_empty()
    }
}

/// Compares two schemas.
pub fn diff(old: &Schema, new: &Schema) -> Diff {
    let by_name = |schema: &'_ Schema| -> BTreeMap<String, Definition> {
        schema
            .definitions()
            .map(|d| (d.name.full.to_string(), d.clone()))
            .collect()
    };
    let (old_defs, new_defs) = (by_name(old), by_name(new));
    let types_of = |defs: &BTreeMap<String, Definition>| -> BTreeSet<String> {
        defs.values()
            .filter(|d| d.category == Category::Type)
            .map(|d| d.result.name.to_string())
            .collect()
    };
    let (old_types, new_types) = (types_of(&old_defs), types_of(&new_defs));

    let mut added: Vec<&Definition> = new_defs
        .iter()
        .filter(|(name, _)| !old_defs.contains_key(*name))
        .map(|(_, d)| d)
        .collect();
    let mut removed: Vec<&Definition> = old_defs
        .iter()
        .filter(|(name, _)| !new_defs.contains_key(*name))
        .map(|(_, d)| d)
        .collect();

    // Renames: a removed and an added definition of the same kind with the same id, one to one.
    let mut renamed = Vec::new();
    removed.retain(|gone| {
        let partner = added
            .iter()
            .position(|d| d.id() == gone.id() && d.category == gone.category);
        match partner {
            Some(i) => {
                let new_def = added.remove(i);
                renamed.push(compare(gone, new_def, &old_types, true));
                false
            }
            None => true,
        }
    });

    let changed = old_defs
        .iter()
        .filter_map(|(name, old_def)| {
            let new_def = new_defs.get(name)?;
            let change = compare(old_def, new_def, &old_types, false);
            (change.old.id != change.new.id || !change.changes.is_empty()).then_some(change)
        })
        .collect();

    Diff {
        added: added
            .into_iter()
            .map(|d| added_entry(d, &old_types))
            .collect(),
        removed: removed
            .into_iter()
            .map(|d| removed_entry(d, &new_types))
            .collect(),
        renamed,
        changed,
    }
}

fn added_entry(def: &Definition, old_types: &BTreeSet<String>) -> Entry {
    let mut impact = Impact::default();
    match def.category {
        Category::Type if old_types.contains(def.result.name.as_str()) => {
            impact.rust_breaking = true;
            impact.notes.push(format!(
                "new variant of the existing type {}: exhaustive matches on it no longer compile",
                def.result.name
            ));
            impact
                .notes
                .push("an old decoder that receives it reports an unknown constructor".to_owned());
        }
        // A constructor of a new type, or a new function: nothing to say.
        Category::Type | Category::Function => {}
    }
    Entry {
        def: Def::of(def),
        impact,
    }
}

fn removed_entry(def: &Definition, new_types: &BTreeSet<String>) -> Entry {
    let mut impact = Impact {
        wire_breaking: true,
        rust_breaking: true,
        notes: vec![format!(
            "a peer with the new schema rejects id {:#010x}",
            def.id()
        )],
    };
    match def.category {
        Category::Type if !new_types.contains(def.result.name.as_str()) => {
            impact.notes.push(format!(
                "its struct is gone, and so is the whole type {} (its enum)",
                def.result.name
            ))
        }
        Category::Type => impact.notes.push(format!(
            "its struct and its variant of {} are gone",
            def.result.name
        )),
        Category::Function => impact.notes.push("its function struct is gone".to_owned()),
    }
    Entry {
        def: Def::of(def),
        impact,
    }
}

/// Compares two versions of one definition (same name, or same id when `renamed`).
fn compare(
    old: &Definition,
    new: &Definition,
    old_types: &BTreeSet<String>,
    renamed: bool,
) -> Changed {
    let mut changes = Vec::new();
    if old.category != new.category {
        changes.push(FieldChange {
            field: String::new(),
            what: ChangeKind::Kind,
            old: Some(Kind::of(old).as_str().to_owned()),
            new: Some(Kind::of(new).as_str().to_owned()),
            wire_breaking: true,
            rust_breaking: true,
            note: "moved between constructors and functions".to_owned(),
        });
    }
    let (old_result, new_result) = (
        fields::type_text(&old.result),
        fields::type_text(&new.result),
    );
    if old_result != new_result {
        let note = match new.category {
            Category::Type if old_types.contains(new.result.name.as_str()) => format!(
                "now a variant of {} (a type that exists in the old schema)",
                new.result.name
            ),
            Category::Type => format!("now the constructor of the new type {}", new.result.name),
            Category::Function => "the response has another type".to_owned(),
        };
        changes.push(FieldChange {
            field: String::new(),
            what: ChangeKind::Result,
            old: Some(old_result),
            new: Some(new_result),
            wire_breaking: true,
            rust_breaking: rust::rust_type(&old.result) != rust::rust_type(&new.result)
                || new.category == Category::Type,
            note,
        });
    }
    changes.extend(fields::compare(old, new));

    let mut impact = Impact::default();
    if renamed {
        impact.rust_breaking = true;
        impact.notes.push(format!(
            "renamed from {} (same id): the Rust item is renamed",
            old.name.full
        ));
    }
    if old.id() != new.id() {
        impact.wire_breaking = true;
        impact.notes.push(format!(
            "id {:#010x} -> {:#010x}: a peer with only one of the schemas rejects the other's id",
            old.id(),
            new.id()
        ));
    } else if changes.iter().any(|c| c.wire_breaking) {
        impact.wire_breaking = true;
        impact.notes.push(format!(
            "same id {:#010x} but different bytes: old and new decoders misread each other",
            new.id()
        ));
    }
    if changes.iter().any(|c| c.rust_breaking) {
        impact.rust_breaking = true;
    }
    Changed {
        old: Def::of(old),
        new: Def::of(new),
        changes,
        impact,
    }
}
