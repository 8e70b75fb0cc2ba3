//! Checks over the resolved schema: id statuses (declared ids verified, mismatches explained),
//! duplicate names, ids and fields. Type references and flags were checked while resolving
//! (`resolve`).

use crate::CheckOptions;
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::fast_hash::FastMap;
use crate::ids;
use crate::schema::{Body, Definition, IdMismatch, IdRule, IdStatus, Param, Schema};

/// Sets every definition's id status and runs the checks, appending diagnostics.
pub(crate) fn check(
    schema: &mut Schema,
    options: &CheckOptions,
    diagnostics: &mut Vec<Diagnostic>,
) {
    check_ids(schema, options, diagnostics);
    let defs = schema.definitions();
    check_duplicate_names(defs, diagnostics);
    check_duplicate_ids(defs, diagnostics);
    for def in defs {
        check_duplicate_fields(def, diagnostics);
    }
}

/// Sets `id_status` and reports every declared id that matches neither rule set.
fn check_ids(schema: &mut Schema, options: &CheckOptions, diagnostics: &mut Vec<Diagnostic>) {
    // Explanations may look at other definitions, so they are found before any status is written.
    let mut statuses = Vec::with_capacity(schema.definitions.len());
    for def in &schema.definitions {
        let status = match def.declared_id {
            None => IdStatus::Undeclared,
            Some(declared) => match ids::verifying_rule(def.computed_ids, declared) {
                Some(rule) => IdStatus::Verified(rule),
                None => {
                    let explanation = ids::explain_mismatch(def, declared, &schema.definitions);
                    diagnostics.push(mismatch_diagnostic(
                        def,
                        declared,
                        explanation.as_deref(),
                        options,
                    ));
                    IdStatus::Mismatch(IdMismatch { explanation })
                }
            },
        };
        statuses.push(status);
    }
    for (def, status) in schema.definitions.iter_mut().zip(statuses) {
        def.id_status = status;
    }
}
fn mismatch_diagnostic(
    def: &Definition,
    declared: u32,
    explanation: Option<&str>,
    options: &CheckOptions,
) -> Diagnostic {
    let severity = if explanation.is_some() {
        options.explained_mismatch
    } else {
        options.unexplained_mismatch
    };
    let span = def.declared_id_span.unwrap_or(def.name.span);
    let computed = def.computed_ids;
    let mut notes = vec![format!(
        "computed: 0x{:08x} with the reference rule (`{}`), 0x{:08x} with Telegram's rule (`{}`)",
        computed.reference,
        ids::canonical(def, IdRule::Reference),
        computed.telegram,
        ids::canonical(def, IdRule::Telegram),
    )];
    match explanation {
        Some(text) => notes.push(format!("explained: the declared id {text}")),
        None => notes
            .push("no known case or simple variation of the definition reproduces it".to_owned()),
    }
    Diagnostic {
        severity,
        code: Code::IdMismatch,
        message: format!(
            "declared id 0x{declared:08x} of `{}` matches neither rule set (reference 0x{:08x}, Telegram 0x{:08x})",
            def.name.full, computed.reference, computed.telegram
        ),
        labels: vec![Label::primary(span, "declared here")],
        notes,
    }
}

fn check_duplicate_names(defs: &[Definition], diagnostics: &mut Vec<Diagnostic>) {
    let mut first: FastMap<&str, &Definition> = FastMap::default();
    first.reserve(defs.len());
    for def in defs {
        match first.get(def.name.full.as_str()) {
            None => {
                first.insert(&def.name.full, def);
            }
            Some(earlier) => diagnostics.push(Diagnostic {
                severity: Severity::Error,
                code: Code::DuplicateName,
                message: format!("`{}` is defined more than once", def.name.full),
                labels: vec![
                    Label::primary(def.name.span, "defined again here"),
                    Label::secondary(earlier.name.span, "first defined here"),
                ],
                notes: vec![format!(
                    "constructor and function names share one namespace; this is the {} `{}`",
                    def.category, def.name.full
                )],
            }),
        }
    }
}

/// Every definition with an id on the wire must have its own: the declared id, or else the computed
/// reference id. Built-ins without a body (`int ? = Int;`) have no id to share.
fn check_duplicate_ids(defs: &[Definition], diagnostics: &mut Vec<Diagnostic>) {
    let mut first: FastMap<u32, &Definition> = FastMap::default();
    first.reserve(defs.len());
    for def in defs {
        if def.body == Some(Body::Opaque) {
            continue;
        }
        let id = def.id;
        let Some(earlier) = first.get(&id).copied() else {
            first.insert(id, def);
            continue;
        };
        if earlier.name.full == def.name.full {
            // Already reported as a duplicate name.
            continue;
        }
        let span = def.declared_id_span.unwrap_or(def.name.span);
        let earlier_span = earlier.declared_id_span.unwrap_or(earlier.name.span);
        // api.tl's `invokeWith…Prefix` functions repeat the leading parameters of the generic
        // `invokeWith…` function and copy its id on purpose.
        let prefix = if ids::shares_id_as_prefix(def, earlier, id) {
            Some((def, earlier))
        } else if ids::shares_id_as_prefix(earlier, def, id) {
            Some((earlier, def))
        } else {
            None
        };
        let labels = vec![
            Label::primary(span, "used again here"),
            Label::secondary(earlier_span, "first used here"),
        ];
        let diagnostic = match prefix {
            Some((short, long)) => Diagnostic {
                severity: Severity::Note,
                code: Code::SharedId,
                message: format!(
                    "`{}` and `{}` share the id 0x{id:08x}",
                    earlier.name.full, def.name.full
                ),
                labels,
                notes: vec![format!(
                    "recognised as intentional: `{}` repeats the leading parameters of `{}`, whose id it is",
                    short.name.full, long.name.full
                )],
            },
            None => Diagnostic {
                severity: Severity::Error,
                code: Code::DuplicateId,
                message: format!(
                    "`{}` has the id 0x{id:08x}, already used by `{}`",
                    def.name.full, earlier.name.full
                ),
                labels,
                notes: vec!["every constructor and function needs its own id".to_owned()],
            },
        };
        diagnostics.push(diagnostic);
    }
}

/// Field names must be unique within a definition (the flags words included).
fn check_duplicate_fields(def: &Definition, diagnostics: &mut Vec<Diagnostic>) {
    /// Up to this many fields, earlier fields are scanned; past it, a table keeps the scan linear.
    const SCAN: usize = 24;
    let mut first: FastMap<&str, &Param> = FastMap::default();
    if def.params.len() > SCAN {
        first.reserve(def.params.len());
    }
    for (index, param) in def.params.iter().enumerate() {
        let earlier = if def.params.len() > SCAN {
            match first.entry(param.name.as_str()) {
                std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(param);
                    None
                }
            }
        } else {
            def.params[..index].iter().find(|p| p.name == param.name)
        };
        match earlier {
            None => {}
            Some(earlier) => diagnostics.push(Diagnostic {
                severity: Severity::Error,
                code: Code::DuplicateField,
                message: format!("`{}` has two fields named `{}`", def.name.full, param.name),
                labels: vec![
                    Label::primary(param.name_span, "declared again here"),
                    Label::secondary(earlier.name_span, "first declared here"),
                ],
                notes: Vec::new(),
            }),
        }
    }
}
