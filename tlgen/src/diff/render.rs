//! The text report and the JSON form of a [`Diff`].

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::{Changed, Diff, Entry, FieldChange, Impact};

/// `#1cb5c415`: ids in the report, as in a schema line.
fn hash_id(id: u32) -> String {
    format!("#{id:08x}")
}

/// `0x1cb5c415`: ids in JSON, as the runtime's errors print them.
fn hex_id(id: u32) -> String {
    format!("{id:#010x}")
}

fn tags(impact_wire: bool, impact_rust: bool) -> String {
    let mut out = String::new();
    if impact_wire {
        out.push_str(" [wire-breaking]");
    }
    if impact_rust {
        out.push_str(" [rust-breaking]");
    }
    out
}

fn notes(out: &mut String, impact: &Impact) {
    for note in &impact.notes {
        let _ = writeln!(out, "      {note}");
    }
}

fn entry_line(out: &mut String, sign: char, entry: &Entry) {
    let d = &entry.def;
    let _ = writeln!(
        out,
        "  {sign} {}{} = {} ({}){}",
        d.name,
        hash_id(d.id),
        d.ty,
        d.kind.as_str(),
        tags(entry.impact.wire_breaking, entry.impact.rust_breaking)
    );
    notes(out, &entry.impact);
}

fn change_line(out: &mut String, change: &FieldChange) {
    let what = change.what.as_str();
    let subject = match (&change.old, &change.new) {
        (Some(old), Some(new)) if old != new => format!("{old} -> {new}"),
        (_, Some(text)) | (Some(text), None) => text.clone(),
        (None, None) => String::new(),
    };
    let _ = writeln!(
        out,
        "      {what:<10} {subject}{}: {}",
        tags(change.wire_breaking, change.rust_breaking),
        change.note
    );
}

fn changed_block(out: &mut String, sign: char, c: &Changed) {
    let name = if c.old.name == c.new.name {
        c.new.name.clone()
    } else {
        format!("{} -> {}", c.old.name, c.new.name)
    };
    let ids = if c.old.id == c.new.id {
        hash_id(c.new.id)
    } else {
        format!("{} -> {}", hash_id(c.old.id), hash_id(c.new.id))
    };
    let _ = writeln!(
        out,
        "  {sign} {name}{ids} = {} ({}){}",
        c.new.ty,
        c.new.kind.as_str(),
        tags(c.impact.wire_breaking, c.impact.rust_breaking)
    );
    notes(out, &c.impact);
    for change in &c.changes {
        change_line(out, change);
    }
}

/// The human-readable report: four sections, then the summary and the semver hint.
pub fn text(diff: &Diff, old_label: &str, new_label: &str) -> String {
    let mut out = format!("--- {old_label}\n+++ {new_label}\n");
    let _ = writeln!(out, "\nadded ({}):", diff.added.len());
    for entry in &diff.added {
        entry_line(&mut out, '+', entry);
    }
    let _ = writeln!(out, "\nremoved ({}):", diff.removed.len());
    for entry in &diff.removed {
        entry_line(&mut out, '-', entry);
    }
    let _ = writeln!(out, "\nrenamed ({}):", diff.renamed.len());
    for c in &diff.renamed {
        changed_block(&mut out, '>', c);
    }
    let _ = writeln!(out, "\nchanged ({}):", diff.changed.len());
    for c in &diff.changed {
        changed_block(&mut out, '~', c);
    }
    out.push('\n');
    out.push_str(&summary_line(diff));
    out
}

/// The last lines of the report: counts, then the semver hint.
pub fn summary_line(diff: &Diff) -> String {
    let s = diff.summary();
    let hint = match s.semver {
        super::Semver::Major => {
            "Rust-API-breaking changes: bump the major version, or the minor one of a 0.x crate"
        }
        super::Semver::Minor => {
            "additions only: bump the minor version, or the patch one of a 0.x crate"
        }
        super::Semver::Patch => "ids changed, not the API: bump the patch version",
        super::Semver::None => "the generated code is the same: no release needed",
    };
    format!(
        "summary: {} added, {} removed, {} renamed, {} re-identified, {} changed; {} wire-breaking, {} Rust-API-breaking\nsemver: {}: {hint}\n",
        s.added,
        s.removed,
        s.renamed,
        s.reidentified,
        s.changed,
        s.wire_breaking,
        s.rust_breaking,
        s.semver.as_str(),
    )
}

fn impact_json(impact: &Impact) -> (bool, bool, Value) {
    (
        impact.wire_breaking,
        impact.rust_breaking,
        json!(impact.notes),
    )
}

fn entry_json(entry: &Entry, added: bool) -> Value {
    let d = &entry.def;
    let (wire, rust, notes) = impact_json(&entry.impact);
    let (old_id, new_id) = if added {
        (Value::Null, json!(hex_id(d.id)))
    } else {
        (json!(hex_id(d.id)), Value::Null)
    };
    json!({
        "name": d.name,
        "kind": d.kind.as_str(),
        "type": d.ty,
        "old_id": old_id,
        "new_id": new_id,
        "wire_breaking": wire,
        "rust_breaking": rust,
        "notes": notes,
    })
}

fn changed_json(c: &Changed) -> Value {
    let (wire, rust, notes) = impact_json(&c.impact);
    let changes: Vec<Value> = c
        .changes
        .iter()
        .map(|f| {
            json!({
                "field": f.field,
                "change": f.what.as_str(),
                "old": f.old,
                "new": f.new,
                "wire_breaking": f.wire_breaking,
                "rust_breaking": f.rust_breaking,
                "note": f.note,
            })
        })
        .collect();
    json!({
        "name": c.new.name,
        "old_name": c.old.name,
        "kind": c.new.kind.as_str(),
        "type": c.new.ty,
        "old_type": c.old.ty,
        "old_id": hex_id(c.old.id),
        "new_id": hex_id(c.new.id),
        "id_changed": c.old.id != c.new.id,
        "wire_breaking": wire,
        "rust_breaking": rust,
        "notes": notes,
        "changes": changes,
    })
}

/// The JSON form (format 1), documented in `tlgen diff --help` and the README. One object:
/// `format`, `old` and `new` (`file`, `layer`), the arrays `added`, `removed`, `renamed`,
/// `changed`, and `summary`.
pub fn json(diff: &Diff, old: (&str, Option<u32>), new: (&str, Option<u32>)) -> Value {
    let s = diff.summary();
    json!({
        "format": 1,
        "old": {"file": old.0, "layer": old.1},
        "new": {"file": new.0, "layer": new.1},
        "added": diff.added.iter().map(|e| entry_json(e, true)).collect::<Vec<_>>(),
        "removed": diff.removed.iter().map(|e| entry_json(e, false)).collect::<Vec<_>>(),
        "renamed": diff.renamed.iter().map(changed_json).collect::<Vec<_>>(),
        "changed": diff.changed.iter().map(changed_json).collect::<Vec<_>>(),
        "summary": {
            "added": s.added,
            "removed": s.removed,
            "renamed": s.renamed,
            "reidentified": s.reidentified,
            "changed": s.changed,
            "wire_breaking": s.wire_breaking,
            "rust_breaking": s.rust_breaking,
            "semver": s.semver.as_str(),
        },
    })
}
