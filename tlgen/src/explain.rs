//! `tlgen explain`: which definition has a given id in which of several schemas, and the likely
//! reason a decoder reported it as an unknown constructor.
//!
//! ```
//! let query = tlgen::explain::Query::parse("unknown constructor id 0x1cb5c415 for type User").unwrap();
//! assert_eq!(query.candidates[0].id, 0x1cb5c415);
//! assert_eq!(query.expected.as_deref(), Some("User"));
//! ```

use std::fmt::Write as _;

use tl_parser::{Category, Schema};

/// How the text of an id was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadAs {
    /// Hexadecimal digits (`0x1cb5c415`, `#1cb5c415`, `1cb5c415`).
    Hex,
    /// A decimal number (`481674261`).
    Decimal,
    /// A negative decimal number: an id printed as a signed 32-bit value (`-1992398629`).
    SignedDecimal,
}

impl ReadAs {
    /// `hex`, `decimal` or `signed decimal`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReadAs::Hex => "hex",
            ReadAs::Decimal => "decimal",
            ReadAs::SignedDecimal => "signed decimal",
        }
    }
}

impl std::fmt::Display for ReadAs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One reading of the id argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The id.
    pub id: u32,
    /// How the text was read.
    pub read_as: ReadAs,
}

/// The id argument, parsed: one or two readings (digits only can be decimal or hex), and the
/// expected type when the argument was a whole `DecodeError` message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The possible ids, the most likely reading first.
    pub candidates: Vec<Candidate>,
    /// The TL type the decoder expected (`… for type User`), if given.
    pub expected: Option<String>,
}

impl Query {
    /// Reads `0x1cb5c415`, `#1cb5c415`, `1cb5c415` (hex with a letter), `481674261` (decimal,
    /// also tried as hex), `-1992398629` (an id printed as a signed 32-bit number), or a whole
    /// runtime message such as `unknown constructor id 0x1cb5c415 for type User`.
    pub fn parse(text: &str) -> Result<Query, String> {
        let text = text.trim();
        if let Some(rest) = text.split("constructor id ").nth(1) {
            let id_text = rest.split_whitespace().next().unwrap_or_default();
            let mut query = Query::parse(id_text)?;
            query.expected = rest
                .split(" for type ")
                .nth(1)
                .and_then(|t| t.split_whitespace().next())
                .map(|t| t.trim_end_matches([',', '.', ';', ')']).to_owned());
            return Ok(query);
        }
        let bad = || {
            format!(
                "`{text}` is not a constructor id: write it as 0x1cb5c415, 1cb5c415, #1cb5c415 or \
                 481674261 (decimal)"
            )
        };
        let hex = |digits: &str, read_as| {
            if digits.is_empty() || digits.len() > 8 {
                return Err(bad());
            }
            u32::from_str_radix(digits, 16)
                .map(|id| Candidate { id, read_as })
                .map_err(|_| bad())
        };
        let lower = text.to_ascii_lowercase();
        if let Some(digits) = lower.strip_prefix("0x").or_else(|| lower.strip_prefix('#')) {
            return Ok(Query {
                candidates: vec![hex(digits, ReadAs::Hex)?],
                expected: None,
            });
        }
        if let Some(digits) = lower.strip_prefix('-') {
            let value: i64 = digits.parse().map_err(|_| bad())?;
            let id = i32::try_from(-value).map_err(|_| bad())?;
            return Ok(Query {
                candidates: vec![Candidate {
                    id: id as u32,
                    read_as: ReadAs::SignedDecimal,
                }],
                expected: None,
            });
        }
        if lower.chars().all(|c| c.is_ascii_digit()) && !lower.is_empty() {
            let mut candidates = Vec::new();
            if let Ok(id) = lower.parse::<u32>() {
                candidates.push(Candidate {
                    id,
                    read_as: ReadAs::Decimal,
                });
            }
            if let Ok(c) = hex(&lower, ReadAs::Hex)
                && candidates.iter().all(|d| d.id != c.id)
            {
                candidates.push(c);
            }
            if candidates.is_empty() {
                return Err(bad());
            }
            return Ok(Query {
                candidates,
                expected: None,
            });
        }
        Ok(Query {
            candidates: vec![hex(&lower, ReadAs::Hex)?],
            expected: None,
        })
    }
}

/// One schema to look in.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// How to name it: `L228`, or the file name.
    pub label: &'a str,
    /// Its layer, when known (orders the files and lets the explanation speak of newer and older).
    pub layer: Option<u32>,
    /// The parsed schema.
    pub schema: &'a Schema,
}

/// A definition found with the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Which source (index into the sources given).
    pub source: usize,
    /// The definition's name.
    pub name: String,
    /// Constructor or function.
    pub kind: Category,
    /// Its result type (boxed type or return type).
    pub ty: String,
}

/// The definitions that have `id` in each source.
pub fn find(id: u32, sources: &[Source<'_>]) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (index, source) in sources.iter().enumerate() {
        for def in source.schema.with_id(id) {
            hits.push(Hit {
                source: index,
                name: def.name.full.to_string(),
                kind: def.category,
                ty: def.result.name.to_string(),
            });
        }
    }
    hits
}

/// Ids of MTProto's own envelopes, which a decoder of API types meets when a layer below it did not
/// unwrap a message: worth naming even without a schema.
const ENVELOPES: &[(u32, &str, &str)] = &[
    (
        0x3072cfa1,
        "gzip_packed",
        "the value is gzip-compressed: unpack packed_data and decode that",
    ),
    (
        0xf35c6d01,
        "rpc_result",
        "an RPC result envelope: decode the result after req_msg_id",
    ),
    (
        0x73f1f8dc,
        "msg_container",
        "a container of several messages: split it first",
    ),
    (
        0x2144ca19,
        "rpc_error",
        "the server answered with an error instead of a result",
    ),
    (
        0x1cb5c415,
        "vector",
        "a vector where a single boxed value was expected (or the other way round)",
    ),
    (
        0x997275b5,
        "boolTrue",
        "a Bool where another type was expected",
    ),
    (
        0xbc799737,
        "boolFalse",
        "a Bool where another type was expected",
    ),
];

/// The explanation of one query against the sources, as text, and whether the id was found in
/// any source (or is a known MTProto envelope).
pub fn explain(query: &Query, sources: &[Source<'_>]) -> (String, bool) {
    let mut out = String::new();
    let mut found_any = false;
    let known =
        |id: u32| !find(id, sources).is_empty() || ENVELOPES.iter().any(|(e, _, _)| *e == id);
    // Of two readings of an ambiguous number, only those that mean something, if any does.
    let mut candidates: Vec<&Candidate> = query.candidates.iter().filter(|c| known(c.id)).collect();
    if candidates.is_empty() {
        candidates = query.candidates.iter().collect();
    }
    let several = candidates.len() > 1;
    for candidate in candidates {
        let id = candidate.id;
        let _ = writeln!(
            out,
            "{id:#010x} (read as {}; decimal {id}, signed {})",
            candidate.read_as, id as i32
        );
        let hits = find(id, sources);
        if let Some((_, name, meaning)) = ENVELOPES.iter().find(|(e, _, _)| *e == id) {
            found_any = true;
            let _ = writeln!(out, "  MTProto `{name}`: {meaning}");
        }
        if sources.is_empty() {
            if several {
                out.push('\n');
            }
            continue;
        }
        for hit in &hits {
            let source = &sources[hit.source];
            let _ = writeln!(
                out,
                "  {}: {} `{}` of type {}",
                source.label, hit.kind, hit.name, hit.ty
            );
        }
        if hits.is_empty() {
            let _ = writeln!(
                out,
                "  no definition in {} has this id",
                list(sources.iter().map(|s| s.label))
            );
        } else {
            found_any = true;
        }
        let _ = write!(out, "{}", reason(&hits, sources, query.expected.as_deref()));
        if several {
            out.push('\n');
        }
    }
    (out, found_any)
}

fn list<'a>(labels: impl Iterator<Item = &'a str>) -> String {
    labels.collect::<Vec<_>>().join(", ")
}

/// The likely reason, from which layers have the id.
fn reason(hits: &[Hit], sources: &[Source<'_>], expected: Option<&str>) -> String {
    let mut out = String::new();
    let present: Vec<usize> = (0..sources.len())
        .filter(|i| hits.iter().any(|h| h.source == *i))
        .collect();
    let absent: Vec<usize> = (0..sources.len())
        .filter(|i| !present.contains(i))
        .collect();
    let labels = |indices: &[usize]| list(indices.iter().map(|&i| sources[i].label));
    if hits.is_empty() {
        out.push_str(
            "likely reason: the peer speaks a layer none of these files has (a newer one if these \
             are your latest), or the bytes are not aligned on a value (a length or a flag read \
             wrong earlier), so data is read as an id\n",
        );
        return out;
    }
    if !absent.is_empty() {
        let _ = writeln!(
            out,
            "present in {}; absent from {}",
            labels(&present),
            labels(&absent)
        );
        let layer = |i: usize| sources[i].layer;
        let all_layered = present.iter().chain(&absent).all(|&i| layer(i).is_some());
        if all_layered {
            let max_absent = absent.iter().filter_map(|&i| layer(i)).max();
            let min_present = present.iter().filter_map(|&i| layer(i)).min();
            let max_present = present.iter().filter_map(|&i| layer(i)).max();
            let min_absent = absent.iter().filter_map(|&i| layer(i)).min();
            if let (Some(lo), Some(hi)) = (min_present, max_absent)
                && lo > hi
            {
                let _ = writeln!(
                    out,
                    "likely reason: the id appeared after layer {hi}: the peer speaks layer {lo} or \
                     newer, and code generated from layer {hi} or older does not know it; \
                     regenerate from a newer schema (or ask for the older layer with \
                     invokeWithLayer)"
                );
            } else if let (Some(hi), Some(lo)) = (max_present, min_absent)
                && hi < lo
            {
                let _ = writeln!(
                    out,
                    "likely reason: the id was dropped after layer {hi}: the peer speaks layer \
                     {hi} or older, and code generated from layer {lo} or newer no longer knows it"
                );
            } else {
                out.push_str(
                    "likely reason: the schemas disagree on this id; decode with the one the \
                     peer speaks\n",
                );
            }
        } else {
            out.push_str(
                "likely reason: the peer speaks the schema of a file that has it, and the code \
                 was generated from one that does not\n",
            );
        }
    } else if sources.len() > 1 {
        let _ = writeln!(out, "present in every file given ({})", labels(&present));
    }
    if let Some(expected) = expected {
        let types: Vec<&str> = hits.iter().map(|h| h.ty.as_str()).collect();
        if types.contains(&expected) {
            let _ = writeln!(
                out,
                "the expected type {expected} has this constructor in {}: the code that failed \
                 was generated from a schema without it",
                labels(&present)
            );
        } else {
            let _ = writeln!(
                out,
                "the decoder expected {expected}, but this id belongs to {}: the bytes are \
                 probably misaligned, or a function's result was decoded as the wrong type",
                types.join(", ")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_in_every_format() {
        let one = |text: &str| Query::parse(text).map(|q| q.candidates[0].id);
        assert_eq!(one("0x1cb5c415"), Ok(0x1cb5c415));
        assert_eq!(one("0X1CB5C415"), Ok(0x1cb5c415));
        assert_eq!(one("#1cb5c415"), Ok(0x1cb5c415));
        assert_eq!(one("1cb5c415"), Ok(0x1cb5c415));
        assert_eq!(one("481674261"), Ok(0x1cb5c415));
        assert_eq!(one("-1"), Ok(0xffffffff));
        assert_eq!(one("#dbaeae9"), Ok(0x0dbaeae9));
        assert!(one("0x123456789").is_err());
        assert!(one("hello").is_err());
        assert!(one("").is_err());
        let both = Query::parse("12345678").map(|q| q.candidates);
        assert_eq!(
            both,
            Ok(vec![
                Candidate {
                    id: 12345678,
                    read_as: ReadAs::Decimal
                },
                Candidate {
                    id: 0x12345678,
                    read_as: ReadAs::Hex
                }
            ])
        );
        let message = "failed to decode user.status at byte 60: unknown constructor id \
                       0x1cb5c415 for type UserStatus";
        let query = Query::parse(message).map(|q| (q.candidates[0].id, q.expected));
        assert_eq!(query, Ok((0x1cb5c415, Some("UserStatus".to_owned()))));
    }
}
