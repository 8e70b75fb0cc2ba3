//! Constructor ids: canonical forms of definitions, their CRC32 under both rule sets, and explanations
//! for declared ids that match neither.
//!
//! A definition's id is the CRC32 (IEEE) of its canonical form: the name, the type parameters
//! (`{X:Type}` written `X:Type`), the parameters in order, `=` and the result type, separated by single
//! spaces. The `#id` and the `;` are left out, and type applications are written with spaces whatever
//! their spelling: `Vector<Vector<T>>` gives `Vector Vector T` and TON's `(vector X)` gives `vector X`.
//! Since the form is built from the parsed definition, spacing and line breaks never change an id.
//!
//! Two rule sets exist:
//! * [`IdRule::Reference`], the rule of the reference TL compiler (TDLib's and TON's tl-parser): every
//!   field is kept as written. Definitions without a `#id` get this id.
//! * [`IdRule::Telegram`], the rule Telegram's declared ids were computed with: every `name:X.N?true`
//!   field is dropped, and a field whose type is exactly `bytes` is read as `string`.
//!
//! ```
//! use tl_parser::IdRule;
//!
//! let (_, parsed) = tl_parser::parse_str(
//!     "example.tl",
//!     "minithumbnail width:int32 height:int32 data:bytes = Minithumbnail;",
//! );
//! let def = &parsed.schema.definitions()[0];
//! assert_eq!(
//!     tl_parser::ids::canonical(def, IdRule::Reference),
//!     "minithumbnail width:int32 height:int32 data:bytes = Minithumbnail"
//! );
//! assert_eq!(def.computed_ids.reference, 0xec6addaa);
//! assert_eq!(def.id, 0xec6addaa);
//! ```

use crate::schema::{ComputedIds, Definition, IdRule, Param};
use crate::text::{Form, Style, is_plain_bytes, write_type};

/// CRC32 (IEEE) of a canonical form.
pub fn crc32(text: &str) -> u32 {
    crc32fast::hash(text.as_bytes())
}

/// The canonical form of `def` under `rule`, the text whose CRC32 is the id.
pub fn canonical(def: &Definition, rule: IdRule) -> String {
    Form::id(def, rule).render()
}

/// Both ids of `def`: [`ComputedIds::reference`] and [`ComputedIds::telegram`].
pub fn compute(def: &Definition) -> ComputedIds {
    compute_with(def, &mut String::new())
}

/// [`compute`] with a scratch buffer for the canonical forms, reused across definitions so that
/// computing ids allocates nothing. When no field is a `?true` flag or plain `bytes`, both rules give
/// the same form and it is hashed once.
pub(crate) fn compute_with(def: &Definition, buf: &mut String) -> ComputedIds {
    let mut hash = |form: Form<'_>| {
        buf.clear();
        // Writing to a String cannot fail.
        let _ = form.write(buf);
        crc32(buf)
    };
    let reference = hash(Form::id(def, IdRule::Reference));
    let differs = def
        .params
        .iter()
        .any(|p| p.is_true_flag() || is_plain_bytes(&p.ty));
    let telegram = if differs {
        hash(Form::id(def, IdRule::Telegram))
    } else {
        reference
    };
    ComputedIds {
        reference,
        telegram,
    }
}

/// The rule under which `declared` equals one of `ids`, preferring the reference rule when both agree.
pub fn verifying_rule(ids: ComputedIds, declared: u32) -> Option<IdRule> {
    if ids.reference == declared {
        Some(IdRule::Reference)
    } else if ids.telegram == declared {
        Some(IdRule::Telegram)
    } else {
        None
    }
}

/// A declared id that no rule reproduces but that is known from the history of the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownId {
    /// The definition's name.
    pub name: &'static str,
    /// The declared id.
    pub id: u32,
    /// An older canonical form whose CRC32 is the id, when one is known (checked, not trusted).
    pub older_form: Option<&'static str>,
    /// Where the id comes from, as a sentence fragment.
    pub reason: &'static str,
}

/// Declared ids that match no simple variation of their definition but are known to be intentional.
/// An entry applies only when both name and id are equal, and when it has an older form, only when
/// that form's CRC32 really is the id.
pub const KNOWN_IDS: &[KnownId] = &[
    KnownId {
        name: "accessPointRule",
        id: 0x4679_b65f,
        older_form: None,
        reason: "is a known historical id that tdesktop's generator whitelists (typeIdExceptions in \
                 codegen_scheme.py)",
    },
    KnownId {
        name: "help.configSimple",
        id: 0x5a59_2a6c,
        older_form: None,
        reason: "is a known historical id that tdesktop's generator whitelists (typeIdExceptions in \
                 codegen_scheme.py)",
    },
    KnownId {
        name: "tonNode.capabilities",
        id: 0xf5bf_60c0,
        older_form: Some(
            "tonNode.capabilities version:int capabilities:long = tonNode.Capabilities",
        ),
        reason: "is the id of its older definition",
    },
];

/// How many trailing parameters an explanation may remove ("appended later").
const MAX_TRAILING: usize = 3;

/// Looks for a simple variation of `def` whose id is `declared` and says which, as a sentence such as
/// "matches the name decryptedMessage". `schema` is every definition of the schema (`def` included),
/// used to recognise a definition that repeats the leading parameters of another one and shares its id.
///
/// Every explanation is checked: a variation is only reported when its CRC32 equals `declared`.
pub fn explain_mismatch<'a>(
    def: &Definition,
    declared: u32,
    schema: impl IntoIterator<Item = &'a Definition>,
) -> Option<String> {
    let rules = [IdRule::Reference, IdRule::Telegram];
    let mut buf = String::with_capacity(256);
    let mut matches = |form: &Form<'_>| {
        buf.clear();
        // Writing to a String cannot fail.
        let _ = form.write(&mut buf);
        crc32(&buf) == declared
    };

    // Renamed definitions: a layer suffix, a `Legacy` suffix, or a dotted component added later.
    for candidate in name_variants(&def.name.full) {
        for rule in rules {
            let mut form = Form::id(def, rule);
            form.name = &candidate;
            if matches(&form) {
                return Some(format!("matches the name {candidate}"));
            }
        }
    }

    // Telegram's rule without reading `bytes` as `string`.
    let mut form = Form::id(def, IdRule::Telegram);
    form.bytes_as_string = false;
    if matches(&form) {
        return Some("matches without the bytes rule".to_owned());
    }

    // Fields appended after the id was assigned.
    for k in 1..=MAX_TRAILING.min(def.params.len()) {
        for rule in rules {
            let mut form = Form::id(def, rule);
            form.keep_params = def.params.len() - k;
            if matches(&form) {
                let dropped: Vec<String> = def.params[def.params.len() - k..]
                    .iter()
                    .map(|p| format!("`{}`", p.name))
                    .collect();
                let noun = if k == 1 { "field" } else { "fields" };
                return Some(format!(
                    "matches without the trailing {noun} {} (appended later)",
                    dropped.join(", ")
                ));
            }
        }
    }

    // A definition parsed by hand whose id was computed with the generic result type.
    for rule in rules {
        let mut form = Form::id(def, rule);
        form.result = Some("Object");
        if matches(&form) {
            return Some("matches with the result type Object".to_owned());
        }
    }

    // A definition that repeats the leading parameters of another one and shares its id on purpose.
    if let Some(other) = schema
        .into_iter()
        .find(|other| shares_id_as_prefix(def, other, declared))
    {
        return Some(format!(
            "shares the id of {}, whose leading parameters it repeats",
            other.name.full
        ));
    }

    KNOWN_IDS
        .iter()
        .find(|known| {
            known.name == def.name.full
                && known.id == declared
                && known
                    .older_form
                    .is_none_or(|older| crc32(older) == declared)
        })
        .map(|known| match known.older_form {
            Some(older) => format!("{} `{older}`", known.reason),
            None => known.reason.to_owned(),
        })
}

/// True when `other` is a different definition whose own id is `declared` and verifies, and whose
/// parameters start with all of `def`'s parameters (`def` has fewer).
pub fn shares_id_as_prefix(def: &Definition, other: &Definition, declared: u32) -> bool {
    if std::ptr::eq(def, other)
        || other.name.full == def.name.full
        || other.declared_id != Some(declared)
    {
        return false;
    }
    if verifying_rule(compute(other), declared).is_none() {
        return false;
    }
    def.params.len() < other.params.len()
        && def
            .params
            .iter()
            .zip(&other.params)
            .all(|(a, b)| same_param(a, b))
}

fn same_param(a: &Param, b: &Param) -> bool {
    let text = |p: &Param| {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = write_type(&mut out, &p.ty, Style::Id);
        out
    };
    a.name == b.name && a.flag == b.flag && text(a) == text(b)
}

/// Other names a definition may have had: without a trailing layer number, without a `Legacy`
/// suffix, without its last dotted component. Deduplicated, in that order.
fn name_variants(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |candidate: &str| {
        let local = candidate.rsplit('.').next().unwrap_or(candidate);
        if !local.is_empty() && candidate != name && !out.iter().any(|c| c == candidate) {
            out.push(candidate.to_owned());
        }
    };
    push(name.trim_end_matches(|c: char| c.is_ascii_digit()));
    if let Some(stripped) = name.strip_suffix("Legacy") {
        push(stripped);
    }
    if let Some((head, _)) = name.rsplit_once('.') {
        // Only when the rest still has a namespace of its own (`a.b.c` -> `a.b`, not `a.b` -> `a`).
        if head.contains('.') {
            push(head);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_variants_cover_suffixes_and_dots() {
        assert_eq!(name_variants("decryptedMessage8"), vec!["decryptedMessage"]);
        assert_eq!(
            name_variants("inputStickerSetThumbLegacy"),
            vec!["inputStickerSetThumb"]
        );
        assert_eq!(
            name_variants("liteServer.signatureSet.ordinary"),
            vec!["liteServer.signatureSet"]
        );
        assert!(name_variants("liteServer.transactionId").is_empty());
        assert!(name_variants("int128").len() == 1);
        assert!(name_variants("8").is_empty());
    }

    #[test]
    fn known_ids_with_an_older_form_reproduce_it() {
        for known in KNOWN_IDS {
            if let Some(older) = known.older_form {
                assert_eq!(crc32(older), known.id, "{}", known.name);
            }
        }
    }
}
