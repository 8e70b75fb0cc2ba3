//! `tlgen diff`: what changed between two versions of a schema, and whether it breaks the wire or
//! the Rust API of code generated from it.
//!
//! Definitions are matched by name. A name only in the new schema is *added*, only in the old one
//! *removed*, except that a removed and an added definition of the same kind with the same id are
//! one *renamed* definition. A name in both with a different id or different fields, result type or
//! kind is *changed*; when the id differs it is also counted as *re-identified*.
//!
//! Every entry is classified twice, each half reading its own source of truth:
//! - **wire-breaking**, from the resolved schemas (tl-parser): a peer that speaks the old schema
//!   and one that speaks the new one may misunderstand each other: an id one side no longer knows
//!   (removed, re-identified), or the same id with different bytes (a data field added, removed,
//!   retyped, made optional or required, moved to another flag bit, reordered). Names are not on
//!   the wire, so a rename is compatible, and so are added or removed `?true` flags (unused bits are
//!   ignored), `string` <-> `bytes` and added definitions (an old decoder that receives a new
//!   constructor reports it as unknown, which `tlgen explain` helps to diagnose).
//! - **Rust-API-breaking**, from the Rust models of the code generated from each schema
//!   (tl-codegen's [`Config::model`](tl_codegen::Config::model)): code written against the old
//!   crate may no longer compile: a removed or renamed item, a new variant of an existing enum
//!   (exhaustive matches; TON's enums of any object or function included), a variant renamed or
//!   moved to the heap, a new stored field (struct literals; generated structs have no `Default`),
//!   a removed or renamed field or method, a field whose Rust type changes, a function whose
//!   return type changes.
//!
//! With a selection (`--select`), only what a build with that selection generates is judged.

mod fields;
mod render;

use std::collections::{BTreeMap, BTreeSet};

use tl_codegen::Model;
use tl_codegen::model::{EnumDef, EnumKind, StructDef, Variant};
use tl_parser::{Category, DefKind, Definition, Schema};

pub use render::{json, summary_line, text};

/// One side's view of a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Def {
    /// The TL name (`messages.getChatInviteImporters`).
    pub name: String,
    /// Constructor or function.
    pub kind: Category,
    /// The result type as schema text (the boxed type, or a function's return type).
    pub ty: String,
    /// The wire id (declared, or computed by the reference rule).
    pub id: u32,
}

impl Def {
    fn of(def: &Definition) -> Self {
        Def {
            name: def.name.full.to_string(),
            kind: def.category,
            ty: def.result.to_string(),
            id: def.id,
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

impl Impact {
    fn rust(&mut self, note: String) {
        self.rust_breaking = true;
        self.notes.push(note);
    }
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

/// Compares two schemas, and the Rust generated from each with `select` (everything when empty).
/// Fails when a schema has a construct without a Rust form, or a selected name is missing.
pub fn diff(old: &Schema, new: &Schema, select: &[String]) -> Result<Diff, tl_codegen::Error> {
    let mut config = tl_codegen::Config::new();
    config.select(select.iter().cloned());
    let old_model = config.model(old)?;
    let new_model = config.model(new)?;
    Ok(compare_models(
        (old, &old_model),
        (new, &new_model),
        !select.is_empty(),
    ))
}

/// Compares two schemas and the models of the Rust generated from them (see
/// [`Config::model`](tl_codegen::Config::model)). With `selected` (the models were built with a
/// selection), only definitions that one of the models generates are judged.
pub fn compare_models(old: (&Schema, &Model), new: (&Schema, &Model), selected: bool) -> Diff {
    diff_models(Side::new(old.0, old.1), Side::new(new.0, new.1), selected)
}

/// One version: its resolved schema and the Rust model of the code generated from it, indexed by
/// TL name.
struct Side<'a> {
    schema: &'a Schema,
    model: &'a Model,
    /// Constructor and function structs by TL name.
    structs: BTreeMap<&'a str, &'a StructDef>,
    /// The enum variants holding each constructor or function, by its TL name.
    variants: BTreeMap<&'a str, Vec<(&'a EnumDef, &'a Variant)>>,
}

impl<'a> Side<'a> {
    fn new(schema: &'a Schema, model: &'a Model) -> Self {
        let structs = model
            .types
            .iter()
            .chain(&model.functions)
            .map(|s| (s.tl_name.as_str(), s))
            .collect();
        let mut variants: BTreeMap<&str, Vec<(&EnumDef, &Variant)>> = BTreeMap::new();
        for e in &model.enums {
            for v in &e.variants {
                variants.entry(v.tl_name.as_str()).or_default().push((e, v));
            }
        }
        Side {
            schema,
            model,
            structs,
            variants,
        }
    }

    /// The enum that stands for the same TL type (or any object/function) as `e` of another side.
    fn same_enum(&self, e: &EnumDef) -> Option<&'a EnumDef> {
        self.model
            .enums
            .iter()
            .find(|mine| mine.kind == e.kind && mine.tl_name == e.tl_name)
    }
}

/// The diff of two sides; `selected`: judge only definitions a side generates.
fn diff_models(old: Side<'_>, new: Side<'_>, selected: bool) -> Diff {
    let judged = |side: &Side<'_>, def: &Definition| {
        !selected || side.structs.contains_key(def.name.full.as_str())
    };
    let by_name = |side: &Side<'_>, other: &Side<'_>| -> BTreeMap<String, Definition> {
        side.schema
            .definitions()
            .iter()
            .filter(|d| judged(side, d) || judged(other, d))
            .map(|d| (d.name.full.to_string(), d.clone()))
            .collect()
    };
    let (old_defs, new_defs) = (by_name(&old, &new), by_name(&new, &old));

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
            .position(|d| d.id == gone.id && d.category == gone.category);
        match partner {
            Some(i) => {
                let new_def = added.remove(i);
                renamed.push(compare(gone, new_def, &old, &new, true));
                false
            }
            None => true,
        }
    });

    let changed = old_defs
        .iter()
        .filter_map(|(name, old_def)| {
            let new_def = new_defs.get(name)?;
            let change = compare(old_def, new_def, &old, &new, false);
            let differs = change.old.id != change.new.id
                || !change.changes.is_empty()
                || change.impact.rust_breaking;
            differs.then_some(change)
        })
        .collect();

    Diff {
        added: added
            .into_iter()
            .map(|d| added_entry(d, &old, &new))
            .collect(),
        removed: removed
            .into_iter()
            .map(|d| removed_entry(d, &old, &new))
            .collect(),
        renamed,
        changed,
    }
}

/// Notes for each enum of the old side that the new side gives `name` as a new variant of, each a
/// Rust-breaking change; enums generated `#[non_exhaustive]` are left out (downstream matches have
/// a `_` arm already).
fn new_variant_notes(name: &str, old: &Side<'_>, new: &Side<'_>) -> Vec<String> {
    let mut notes = Vec::new();
    for (e, _) in new.variants.get(name).into_iter().flatten() {
        let Some(old_enum) = old.same_enum(e) else {
            continue;
        };
        if e.non_exhaustive {
            continue;
        }
        if old_enum.variants.iter().any(|v| v.tl_name == name) {
            continue;
        }
        let what = match e.kind {
            EnumKind::AnyObject => "TL's `object`: any constructor".to_owned(),
            EnumKind::AnyFunction => "TL's `function`: any function".to_owned(),
            _ => format!("the existing type {}", e.tl_name),
        };
        notes.push(format!(
            "new variant of {} ({what}): exhaustive matches on it no longer compile",
            e.path
        ));
    }
    notes
}

fn added_entry(def: &Definition, old: &Side<'_>, new: &Side<'_>) -> Entry {
    let mut impact = Impact::default();
    let notes = new_variant_notes(&def.name.full, old, new);
    if !notes.is_empty() {
        impact.rust_breaking = true;
        impact.notes.extend(notes);
        if def.kind != DefKind::Function {
            impact
                .notes
                .push("an old decoder that receives it reports an unknown constructor".to_owned());
        }
    }
    Entry {
        def: Def::of(def),
        impact,
    }
}

fn removed_entry(def: &Definition, old: &Side<'_>, new: &Side<'_>) -> Entry {
    let mut impact = Impact {
        wire_breaking: true,
        rust_breaking: false,
        notes: vec![format!(
            "a peer with the new schema rejects id {:#010x}",
            def.id
        )],
    };
    let name = def.name.full.as_str();
    if let Some(s) = old.structs.get(name) {
        impact.rust(format!("its struct {} is gone", s.path));
    }
    for (e, v) in old.variants.get(name).into_iter().flatten() {
        match new.same_enum(e) {
            Some(_) => impact.rust(format!("its variant {}::{} is gone", e.path, v.ident)),
            None => impact.rust(format!("the whole enum {} is gone", e.path)),
        }
    }
    Entry {
        def: Def::of(def),
        impact,
    }
}

/// Compares two versions of one definition (same name, or same id when `renamed`).
fn compare(
    old_def: &Definition,
    new_def: &Definition,
    old: &Side<'_>,
    new: &Side<'_>,
    renamed: bool,
) -> Changed {
    let old_struct = old.structs.get(old_def.name.full.as_str()).copied();
    let new_struct = new.structs.get(new_def.name.full.as_str()).copied();
    let mut changes = Vec::new();
    if old_def.category != new_def.category {
        changes.push(FieldChange {
            field: String::new(),
            what: ChangeKind::Kind,
            old: Some(old_def.category.as_str().to_owned()),
            new: Some(new_def.category.as_str().to_owned()),
            wire_breaking: true,
            rust_breaking: true,
            note: "moved between constructors and functions".to_owned(),
        });
    }
    let (old_result, new_result) = (old_def.result.to_string(), new_def.result.to_string());
    if old_result != new_result {
        let old_types: BTreeSet<&str> =
            old.schema.types().iter().map(|t| t.name.as_str()).collect();
        let note = match new_def.category {
            Category::Type if old_types.contains(new_def.result.name.as_str()) => format!(
                "now a variant of {} (a type that exists in the old schema)",
                new_def.result.name
            ),
            Category::Type => format!(
                "now the constructor of the new type {}",
                new_def.result.name
            ),
            Category::Function => "the response has another type".to_owned(),
        };
        let returns =
            |s: Option<&StructDef>| s.and_then(|s| s.returns.as_ref()).map(ToString::to_string);
        changes.push(FieldChange {
            field: String::new(),
            what: ChangeKind::Result,
            old: Some(old_result),
            new: Some(new_result),
            wire_breaking: true,
            rust_breaking: new_def.category == Category::Type
                || returns(old_struct) != returns(new_struct),
            note,
        });
    }
    changes.extend(fields::compare(old_def, new_def, old_struct, new_struct));

    let mut impact = Impact::default();
    if old_def.id != new_def.id {
        impact.wire_breaking = true;
        impact.notes.push(format!(
            "id {:#010x} -> {:#010x}: a peer with only one of the schemas rejects the other's id",
            old_def.id, new_def.id
        ));
    } else if changes.iter().any(|c| c.wire_breaking) {
        impact.wire_breaking = true;
        impact.notes.push(format!(
            "same id {:#010x} but different bytes: old and new decoders misread each other",
            new_def.id
        ));
    }
    rust_item_changes(old_def, new_def, old, new, renamed, &mut impact);
    if changes.iter().any(|c| c.rust_breaking) {
        impact.rust_breaking = true;
    }
    Changed {
        old: Def::of(old_def),
        new: Def::of(new_def),
        changes,
        impact,
    }
}

/// What changed in the Rust items of a definition itself: its struct's path, its enum variants.
fn rust_item_changes(
    old_def: &Definition,
    new_def: &Definition,
    old: &Side<'_>,
    new: &Side<'_>,
    renamed: bool,
    impact: &mut Impact,
) {
    let (old_name, new_name) = (old_def.name.full.as_str(), new_def.name.full.as_str());
    let old_struct = old.structs.get(old_name);
    let new_struct = new.structs.get(new_name);
    match (old_struct, new_struct) {
        (Some(o), Some(n)) if o.path != n.path => {
            let why = if renamed {
                format!("renamed from {old_name} (same id)")
            } else {
                "another name was taken first".to_owned()
            };
            impact.rust(format!("the Rust item {} is now {}: {why}", o.path, n.path));
        }
        (Some(o), None) => impact.rust(format!("its struct {} is no longer generated", o.path)),
        _ => {}
    }
    for (e, v) in old.variants.get(old_name).into_iter().flatten() {
        let now = new
            .variants
            .get(new_name)
            .into_iter()
            .flatten()
            .find(|(n, _)| n.kind == e.kind && n.tl_name == e.tl_name);
        match now {
            None => impact.rust(format!("its variant {}::{} is gone", e.path, v.ident)),
            Some((n, nv)) if n.path != e.path || nv.ident != v.ident => impact.rust(format!(
                "its variant {}::{} is now {}::{}",
                e.path, v.ident, n.path, nv.ident
            )),
            Some((_, nv)) if nv.heap != v.heap => impact.rust(format!(
                "its variant {}::{} {} a Box",
                e.path,
                v.ident,
                if nv.heap {
                    "now holds"
                } else {
                    "no longer holds"
                }
            )),
            Some(_) => {}
        }
    }
    for note in new_variant_notes(new_name, old, new) {
        impact.rust(note);
    }
}
