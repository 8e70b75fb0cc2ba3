//! What each parameter of a definition is for: a flags word (a `#` field that a later conditional
//! field refers to), a field conditional on one bit of such a word, or a required field. This is
//! the only place that decides it. A condition that names no earlier `#` field, or a bit over 31,
//! is a located error.

use crate::ast::{self, Param};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::schema::{Role, Type};

/// The role of every parameter of `def`, in order; `types` are the parameters' resolved types.
pub(super) fn roles(
    def: &ast::Definition,
    types: &[Type],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Role> {
    let params = &def.params;
    let mut roles = vec![Role::Required; params.len()];
    for (index, param) in params.iter().enumerate() {
        let Some(flag) = &param.flag else { continue };
        if flag.bit > 31 {
            diagnostics.push(bit_out_of_range(flag));
        }
        let Some(at) = params.iter().position(|p| p.name == flag.field) else {
            diagnostics.push(missing_word(def, param, flag));
            continue;
        };
        let word = &params[at];
        if at >= index {
            diagnostics.push(word_declared_later(param, flag, word, at == index));
        } else if !types[at].is_nat() || word.flag.is_some() {
            diagnostics.push(word_not_nat(param, flag, word, &types[at]));
        } else if flag.bit <= 31 {
            roles[at] = Role::FlagsWord;
            roles[index] = Role::Conditional {
                word: at,
                bit: flag.bit,
            };
        }
    }
    roles
}

fn bit_out_of_range(flag: &ast::FlagRef) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: Code::FlagBitOutOfRange,
        message: format!("bit {} of `{}` does not exist", flag.bit, flag.field),
        labels: vec![Label::primary(flag.bit_span, "bit index over 31")],
        notes: vec!["a flags word is 32 bits wide: bits 0 to 31".to_owned()],
    }
}

fn missing_word(def: &ast::Definition, param: &Param, flag: &ast::FlagRef) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: Code::FlagsMissing,
        message: format!(
            "`{}` is conditional on `{}`, which is not a field of `{}`",
            param.name, flag.field, def.name.full
        ),
        labels: vec![Label::primary(
            flag.field_span,
            format!("no field named `{}`", flag.field),
        )],
        notes: vec![format!("declare it before this field: `{}:#`", flag.field)],
    }
}

fn word_declared_later(
    param: &Param,
    flag: &ast::FlagRef,
    word: &Param,
    same_field: bool,
) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: Code::FlagsDeclaredLater,
        message: format!(
            "`{}` is conditional on `{}`, which is declared {}",
            param.name,
            flag.field,
            if same_field {
                "by this very field"
            } else {
                "after it"
            }
        ),
        labels: vec![
            Label::primary(flag.field_span, "used here"),
            Label::secondary(word.name_span, "declared here"),
        ],
        notes: vec!["a flags word must come before the fields that depend on it".to_owned()],
    }
}

fn word_not_nat(param: &Param, flag: &ast::FlagRef, word: &Param, ty: &Type) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: Code::FlagsNotNat,
        message: format!(
            "`{}` is conditional on `{}`, which is not a `#` field",
            param.name, flag.field
        ),
        labels: vec![
            Label::primary(flag.field_span, "used as a flags word here"),
            Label::secondary(word.ty.span, format!("`{}` has type `{ty}`", word.name)),
        ],
        notes: vec![format!("a flags word is declared as `{}:#`", word.name)],
    }
}
