//! Semantic checks over a parsed schema: ids (computed, verified, mismatches explained), duplicate
//! names and ids, undefined types, flags fields and bit indices, undeclared type parameters.

use crate::ast::{Builtin, Category, Definition, IdMismatch, IdStatus, Param, Symbol, TypeExpr};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::fast_hash::{FastMap, FastSet};
use crate::ids;
use crate::parser::Names;
use crate::{CheckOptions, Schema, Span};

/// Types every schema may use without declaring them: the primitives of Telegram's and TDLib's
/// schemas (tdesktop's and grammers' api.tl declare none of them; TDLib schemas use `int32`, `int53`
/// and `int64`), `#`, and the vector types.
pub(crate) const KNOWN_PRIMITIVES: &[&str] = &[
    "#", "Bool", "True", "Vector", "bytes", "double", "int", "int128", "int256", "int32", "int53",
    "int64", "long", "string", "true", "vector",
];

/// Computes ids and runs every semantic check, appending diagnostics.
///
/// `names` is the table the schema's symbols were interned in; the checker looks types up by symbol
/// address first (falling back to the text, so correctness does not depend on it).
pub(crate) fn check(
    schema: &mut Schema,
    options: &CheckOptions,
    diagnostics: &mut Vec<Diagnostic>,
    names: &Names,
) {
    check_ids(schema, options, diagnostics);
    let defs: Vec<&Definition> = schema.definitions().collect();
    check_duplicate_names(&defs, diagnostics);
    check_duplicate_ids(&defs, diagnostics);
    let scope = TypeScope::new(&defs, names);
    for def in &defs {
        check_duplicate_fields(def, diagnostics);
        check_flags(def, diagnostics);
        check_types(def, &scope, diagnostics);
    }
}

/// Fills `computed_ids` and `id_status` and reports every declared id that matches neither rule set.
fn check_ids(schema: &mut Schema, options: &CheckOptions, diagnostics: &mut Vec<Diagnostic>) {
    let mut buf = String::with_capacity(256);
    for file in &mut schema.files {
        for def in &mut file.definitions {
            def.computed_ids = ids::compute_with(def, &mut buf);
        }
    }
    // Explanations may look at other definitions, so they are found before any status is written.
    let mut statuses = Vec::with_capacity(schema.files.iter().map(|f| f.definitions.len()).sum());
    for def in schema.definitions() {
        let status = match def.declared_id {
            None => IdStatus::Undeclared,
            Some(declared) => match ids::verifying_rule(def.computed_ids, declared) {
                Some(rule) => IdStatus::Verified(rule),
                None => {
                    let explanation = ids::explain_mismatch(def, declared, schema.definitions());
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
    let defs = schema
        .files
        .iter_mut()
        .flat_map(|f| f.definitions.iter_mut());
    for (def, status) in defs.zip(statuses) {
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
        ids::canonical(def, crate::ast::IdRule::Reference),
        computed.telegram,
        ids::canonical(def, crate::ast::IdRule::Telegram),
    )];
    match explanation {
        Some(text) => notes.push(format!("explained: the declared id {text}")),
        None => notes
            .push("no known case or simple variation of the definition reproduces it".to_owned()),
    }
    Diagnostic {
        severity,
        code: "id-mismatch",
        message: format!(
            "declared id 0x{declared:08x} of `{}` matches neither rule set (reference 0x{:08x}, Telegram 0x{:08x})",
            def.name.full, computed.reference, computed.telegram
        ),
        labels: vec![Label {
            span,
            message: "declared here".to_owned(),
            primary: true,
        }],
        notes,
    }
}

fn check_duplicate_names(defs: &[&Definition], diagnostics: &mut Vec<Diagnostic>) {
    let mut first: FastMap<&str, &Definition> = FastMap::default();
    first.reserve(defs.len());
    for def in defs {
        match first.get(def.name.full.as_str()) {
            None => {
                first.insert(&def.name.full, def);
            }
            Some(earlier) => diagnostics.push(Diagnostic {
                severity: Severity::Error,
                code: "duplicate-name",
                message: format!("`{}` is defined more than once", def.name.full),
                labels: vec![
                    Label {
                        span: def.name.span,
                        message: "defined again here".to_owned(),
                        primary: true,
                    },
                    Label {
                        span: earlier.name.span,
                        message: "first defined here".to_owned(),
                        primary: false,
                    },
                ],
                notes: vec![format!(
                    "constructor and function names share one namespace; this is the {} `{}`",
                    category_word(def),
                    def.name.full
                )],
            }),
        }
    }
}

fn category_word(def: &Definition) -> &'static str {
    match def.category {
        Category::Type => "constructor",
        Category::Function => "function",
    }
}

/// Every definition with an id on the wire must have its own: the declared id, or else the computed
/// reference id. Built-ins without a body (`int ? = Int;`) have no id to share.
fn check_duplicate_ids(defs: &[&Definition], diagnostics: &mut Vec<Diagnostic>) {
    let mut first: FastMap<u32, &Definition> = FastMap::default();
    first.reserve(defs.len());
    for def in defs {
        if matches!(def.builtin, Some(Builtin::Opaque)) {
            continue;
        }
        let id = def.id();
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
            Some((*def, earlier))
        } else if ids::shares_id_as_prefix(earlier, def, id) {
            Some((earlier, *def))
        } else {
            None
        };
        let labels = vec![
            Label {
                span,
                message: "used again here".to_owned(),
                primary: true,
            },
            Label {
                span: earlier_span,
                message: "first used here".to_owned(),
                primary: false,
            },
        ];
        let diagnostic = match prefix {
            Some((short, long)) => Diagnostic {
                severity: Severity::Note,
                code: "shared-id",
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
                code: "duplicate-id",
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
                code: "duplicate-field",
                message: format!("`{}` has two fields named `{}`", def.name.full, param.name),
                labels: vec![
                    Label {
                        span: param.name_span,
                        message: "declared again here".to_owned(),
                        primary: true,
                    },
                    Label {
                        span: earlier.name_span,
                        message: "first declared here".to_owned(),
                        primary: false,
                    },
                ],
                notes: Vec::new(),
            }),
        }
    }
}

/// Conditional fields: the flags word must be an earlier `#` field, and the bit must fit in 32 bits.
fn check_flags(def: &Definition, diagnostics: &mut Vec<Diagnostic>) {
    for (index, param) in def.params.iter().enumerate() {
        let Some(flag) = &param.flag else { continue };
        let word = def.params.iter().position(|p| p.name == flag.field);
        match word {
            None => diagnostics.push(Diagnostic {
                severity: Severity::Error,
                code: "flags-missing",
                message: format!(
                    "`{}` is conditional on `{}`, which is not a field of `{}`",
                    param.name, flag.field, def.name.full
                ),
                labels: vec![Label {
                    span: flag.field_span,
                    message: format!("no field named `{}`", flag.field),
                    primary: true,
                }],
                notes: vec![format!("declare it before this field: `{}:#`", flag.field)],
            }),
            Some(at) if at >= index => {
                let word = &def.params[at];
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    code: "flags-declared-later",
                    message: format!(
                        "`{}` is conditional on `{}`, which is declared {}",
                        param.name,
                        flag.field,
                        if at == index {
                            "by this very field"
                        } else {
                            "after it"
                        }
                    ),
                    labels: vec![
                        Label {
                            span: flag.field_span,
                            message: "used here".to_owned(),
                            primary: true,
                        },
                        Label {
                            span: word.name_span,
                            message: "declared here".to_owned(),
                            primary: false,
                        },
                    ],
                    notes: vec![
                        "a flags word must come before the fields that depend on it".to_owned(),
                    ],
                });
            }
            Some(at) => {
                let word = &def.params[at];
                if !word.ty.is_nat() || word.flag.is_some() {
                    diagnostics.push(Diagnostic {
                        severity: Severity::Error,
                        code: "flags-not-nat",
                        message: format!(
                            "`{}` is conditional on `{}`, which is not a `#` field",
                            param.name, flag.field
                        ),
                        labels: vec![
                            Label {
                                span: flag.field_span,
                                message: "used as a flags word here".to_owned(),
                                primary: true,
                            },
                            Label {
                                span: word.ty.span,
                                message: format!(
                                    "`{}` has type `{}`",
                                    word.name,
                                    ids::canonical_type(&word.ty)
                                ),
                                primary: false,
                            },
                        ],
                        notes: vec![format!("a flags word is declared as `{}:#`", word.name)],
                    });
                }
            }
        }
        if flag.bit > 31 {
            diagnostics.push(Diagnostic {
                severity: Severity::Error,
                code: "flag-bit-out-of-range",
                message: format!("bit {} of `{}` does not exist", flag.bit, flag.field),
                labels: vec![Label {
                    span: flag.bit_span,
                    message: "bit index over 31".to_owned(),
                    primary: true,
                }],
                notes: vec!["a flags word is 32 bits wide: bits 0 to 31".to_owned()],
            });
        }
    }
}

/// The names a type expression may refer to.
struct TypeScope<'a> {
    /// The addresses of the symbols of every name a type may have: the primitives, boxed types and
    /// constructor names (see [`crate::ast::Symbol`]); a fast first test.
    known_addrs: FastSet<usize>,
    /// The same names as text, built only if a name's address is not found (an undefined type, or a
    /// symbol from another table).
    known: std::cell::OnceCell<FastSet<&'a str>>,
    /// Boxed types: result types of constructors (with repetitions; only scanned for suggestions).
    boxed: Vec<&'a str>,
    /// Constructor names, usable as bare types (only scanned for suggestions).
    bare: Vec<&'a str>,
}

impl<'a> TypeScope<'a> {
    fn new(defs: &[&'a Definition], names: &Names) -> Self {
        let mut boxed = Vec::with_capacity(defs.len());
        let mut bare = Vec::with_capacity(defs.len());
        let mut known_addrs = FastSet::default();
        known_addrs.reserve(KNOWN_PRIMITIVES.len() + 2 * defs.len());
        for name in KNOWN_PRIMITIVES {
            known_addrs.insert(names.intern(name).addr());
        }
        for def in defs.iter().filter(|d| d.category == Category::Type) {
            boxed.push(def.result.name.as_str());
            bare.push(def.name.full.as_str());
            known_addrs.insert(def.result.name.addr());
            known_addrs.insert(def.name.full.addr());
        }
        TypeScope {
            known_addrs,
            known: std::cell::OnceCell::new(),
            boxed,
            bare,
        }
    }

    fn knows(&self, name: &Symbol) -> bool {
        if self.known_addrs.contains(&name.addr()) {
            return true;
        }
        let known = self.known.get_or_init(|| {
            let mut known = FastSet::default();
            known.extend(KNOWN_PRIMITIVES.iter().copied());
            known.extend(self.boxed.iter().copied());
            known.extend(self.bare.iter().copied());
            known
        });
        known.contains(name.as_str())
    }

    /// A defined name equal to `name` but for letter case, to suggest: the smallest such name (in
    /// byte order) among constructors for a lowercase reference, else among boxed types, then among
    /// the other kind.
    fn similar(&self, name: &str) -> Option<&'a str> {
        let same = |n: &&&'a str| n.eq_ignore_ascii_case(name);
        // A lowercase reference most likely means a constructor (a bare type), else a boxed type.
        let (first, second) = if name.starts_with(|c: char| c.is_ascii_lowercase()) {
            (&self.bare, &self.boxed)
        } else {
            (&self.boxed, &self.bare)
        };
        first
            .iter()
            .filter(same)
            .min()
            .or_else(|| second.iter().filter(same).min())
            .copied()
    }
}

/// Every type a definition mentions must be a primitive, a type or constructor of the schema, or one
/// of its type parameters.
fn check_types(def: &Definition, scope: &TypeScope<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let mut banged = FastSet::default();
    for param in &def.params {
        collect_banged(&param.ty, &mut banged);
    }
    let checker = TypeChecker { def, scope, banged };
    for param in &def.params {
        checker.check(&param.ty, Some(param), diagnostics);
    }
    if let Some(Builtin::Repeat { ty, .. }) = &def.builtin {
        checker.check(ty, None, diagnostics);
    }
    match def.category {
        // A constructor defines its result type; only the arguments (`Vector t`) must exist.
        Category::Type => {
            for arg in &def.result.args {
                checker.check(arg, None, diagnostics);
            }
        }
        Category::Function => checker.check(&def.result, None, diagnostics),
    }
}

fn collect_banged<'a>(ty: &'a TypeExpr, out: &mut FastSet<&'a str>) {
    if ty.bang {
        out.insert(&ty.name);
    }
    for arg in &ty.args {
        collect_banged(arg, out);
    }
}

struct TypeChecker<'a, 's> {
    def: &'a Definition,
    scope: &'a TypeScope<'s>,
    /// Names used as `!X` in this definition: plainly meant as type parameters (usually none).
    banged: FastSet<&'a str>,
}

impl TypeChecker<'_, '_> {
    fn is_type_param(&self, name: &str) -> bool {
        self.def.type_params.iter().any(|tp| tp.name == name)
    }

    fn check(&self, ty: &TypeExpr, param: Option<&Param>, diagnostics: &mut Vec<Diagnostic>) {
        for arg in &ty.args {
            self.check(arg, None, diagnostics);
        }
        if self.is_type_param(&ty.name) {
            return;
        }
        if ty.bang || self.banged.contains(ty.name.as_str()) {
            diagnostics.push(Diagnostic {
                severity: Severity::Error,
                code: "undeclared-type-param",
                message: format!("type parameter `{}` is not declared", ty.name),
                labels: vec![Label {
                    span: ty.span,
                    message: format!("not declared in `{}`", self.def.name.full),
                    primary: true,
                }],
                notes: vec![format!(
                    "declare it before the fields: `{{{}:Type}}`",
                    ty.name
                )],
            });
            return;
        }
        if self.scope.knows(&ty.name) {
            return;
        }
        let mut notes = Vec::new();
        if let Some(similar) = self.scope.similar(&ty.name) {
            notes.push(format!(
                "a type named `{similar}` exists (names are case-sensitive)"
            ));
        }
        let message = match param {
            Some(param) => format!("cannot find type `{}` of field `{}`", ty.name, param.name),
            None => format!("cannot find type `{}`", ty.name),
        };
        diagnostics.push(Diagnostic {
            severity: Severity::Error,
            code: "undefined-type",
            message,
            labels: vec![Label {
                span: type_name_span(ty),
                message: "not defined in this schema".to_owned(),
                primary: true,
            }],
            notes,
        });
    }
}

/// The span of a type's name: the whole expression minus any `%`/`!` and arguments, when that can be
/// derived from the spans; else the whole expression.
fn type_name_span(ty: &TypeExpr) -> Span {
    let prefix = u32::from(ty.percent) + u32::from(ty.bang);
    let len = u32::try_from(ty.name.len()).unwrap_or(u32::MAX);
    let start = ty.span.start.saturating_add(prefix);
    let end = start.saturating_add(len);
    if matches!(ty.syntax, crate::ast::ArgSyntax::Paren) || end > ty.span.end {
        ty.span
    } else {
        Span {
            file: ty.span.file,
            start,
            end,
        }
    }
}
