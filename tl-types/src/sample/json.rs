//! JSON round trips of sample values (the `samples` and `serde` features): value -> JSON -> value
//! is equal, and the binary form is unchanged by the trip. Code generated with both
//! `Config::samples` and `Config::serde` lists every type through `visit_json_samples`.

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{RoundTripError, Sample, Sampler, fills};
use crate::traits::{Deserializable, Identifiable, Serializable};

/// Receives every generated constructor and function type from the generated
/// `visit_json_samples`: the types of [`super::Visitor`], which also have a JSON form.
pub trait JsonVisitor {
    /// Called once per type; `flag_bits` lists the `(flags word, bit)` pairs its fields use.
    fn visit<T>(&mut self, flag_bits: &[(usize, u32)])
    where
        T: Sample
            + Serializable
            + Deserializable
            + Identifiable
            + PartialEq
            + Debug
            + Serialize
            + DeserializeOwned;
}

/// Checks that `value` survives value -> JSON -> value (equal, and written again as the same text),
/// that its JSON starts with its `"@type"`, and that the value read back has the same bytes;
/// returns the JSON.
pub fn check_json_round_trip<T>(value: &T) -> Result<String, RoundTripError>
where
    T: Serializable + Identifiable + PartialEq + Debug + Serialize + DeserializeOwned,
{
    let text = crate::json::to_string(value)
        .map_err(|e| RoundTripError(format!("{e} while writing {value:?} as JSON")))?;
    let start = format!("{{\"@type\":\"{}\"", T::TL_NAME);
    if !text.starts_with(&start) {
        return Err(RoundTripError(format!(
            "JSON does not start with {start}: {text}"
        )));
    }
    let back: T = crate::json::from_str(&text)
        .map_err(|e| RoundTripError(format!("{e} while reading {text}")))?;
    if back != *value {
        return Err(RoundTripError(format!(
            "read {back:?} from {text}, which differs from {value:?}"
        )));
    }
    let again = crate::json::to_string(&back)
        .map_err(|e| RoundTripError(format!("{e} while writing {back:?} as JSON")))?;
    if again != text {
        return Err(RoundTripError(format!(
            "written again as {again}, first as {text}"
        )));
    }
    if back.to_bytes() != value.to_bytes() {
        return Err(RoundTripError(format!(
            "the value read from {text} has other bytes than {value:?}"
        )));
    }
    Ok(text)
}

/// A [`JsonVisitor`] that JSON-round-trips every visited type (see [`check_json_round_trip`])
/// with the values [`super::RoundTrips`] tries, recording what failed. Hand it to a generated
/// `visit_json_samples`.
#[derive(Debug, Clone, Default)]
pub struct JsonRoundTrips {
    /// How many random values of each type to try.
    pub seeds: u64,
    /// How many types were visited.
    pub types: usize,
    /// How many values were checked.
    pub values: usize,
    /// `"name (fill, seed): what went wrong"` for each value that failed.
    pub failures: Vec<String>,
}

impl JsonRoundTrips {
    /// A checker trying `seeds` random values per type besides the fixed fills.
    pub fn new(seeds: u64) -> Self {
        JsonRoundTrips {
            seeds,
            ..Self::default()
        }
    }
}

impl JsonVisitor for JsonRoundTrips {
    fn visit<T>(&mut self, flag_bits: &[(usize, u32)])
    where
        T: Sample
            + Serializable
            + Deserializable
            + Identifiable
            + PartialEq
            + Debug
            + Serialize
            + DeserializeOwned,
    {
        self.types += 1;
        for (fill, seed) in fills(flag_bits, self.seeds) {
            let value = T::sample(&mut Sampler::new(seed).with_fill(fill));
            self.values += 1;
            if let Err(e) = check_json_round_trip(&value) {
                self.failures
                    .push(format!("{} ({fill:?}, seed {seed}): {e}", T::TL_NAME));
            }
        }
    }
}
