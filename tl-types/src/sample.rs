//! Sample values of generated types, for round-trip tests and fuzzing (the `samples` feature): a
//! `Sampler` makes every choice (which variant, which optional fields, vector lengths, primitive
//! values) from a seed and a fill policy, and stays within a nesting depth. Generated code
//! implements `Sample` when `tl_codegen::Config::samples` is on, and lists every type through
//! `Visitor`.

use std::fmt::Debug;

#[cfg(feature = "serde")]
mod json;

#[cfg(feature = "serde")]
pub use json::{JsonRoundTrips, JsonVisitor, check_json_round_trip};

use crate::codec::{self, Codec};
use crate::primitives::True;
use crate::traits::{Bare, Deserializable, Identifiable, Serializable};

/// Which conditional fields a [`Sampler`] fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Each conditional field present or absent at random.
    Random,
    /// Every conditional field absent, every vector empty.
    Absent,
    /// Every conditional field present, every vector one element long (within the depth limit).
    Present,
    /// In the outermost value, only the fields on this flag bit (`word` is the index of the flags
    /// field among the definition's flags fields); nested values have every conditional field absent.
    OnlyBit {
        /// Index of the flags word.
        word: usize,
        /// The bit.
        bit: u32,
    },
}

/// The source of every choice a sample value makes.
#[derive(Debug, Clone)]
pub struct Sampler {
    state: u64,
    fill: Fill,
    depth: usize,
    max_depth: usize,
}

impl Sampler {
    /// A sampler whose choices follow `seed`, with [`Fill::Random`] and a depth limit of 4.
    pub fn new(seed: u64) -> Self {
        Sampler {
            state: seed ^ 0x9e37_79b9_7f4a_7c15,
            fill: Fill::Random,
            depth: 0,
            max_depth: 4,
        }
    }

    /// Sets the fill policy.
    pub fn with_fill(mut self, fill: Fill) -> Self {
        self.fill = fill;
        self
    }

    /// Sets how deeply values may nest; past it vectors are empty, conditional fields absent and
    /// enums take their least nested variant.
    pub fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// The next pseudo-random number (splitmix64).
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    fn exhausted(&self) -> bool {
        self.depth >= self.max_depth
    }

    /// Whether the conditional field on bit `bit` of flags word `word` is present.
    pub fn present(&mut self, word: usize, bit: u32) -> bool {
        if self.exhausted() {
            return false;
        }
        match self.fill {
            Fill::Random => self.next_u64() & 1 == 1,
            Fill::Absent => false,
            Fill::Present => true,
            Fill::OnlyBit { word: w, bit: b } => self.depth <= 1 && w == word && b == bit,
        }
    }

    /// Whether a value that may be null (a TDLib object documented `may be null`) is present: as a
    /// conditional field under [`Fill::Random`], [`Fill::Absent`] and [`Fill::Present`]; null under
    /// [`Fill::OnlyBit`] and past the depth limit.
    pub fn non_null(&mut self) -> bool {
        if self.exhausted() {
            return false;
        }
        match self.fill {
            Fill::Random => self.next_u64() & 1 == 1,
            Fill::Present => true,
            Fill::Absent | Fill::OnlyBit { .. } => false,
        }
    }

    /// Which of `count` variants to build; `terminal` is the one that nests least.
    pub fn variant(&mut self, count: usize, terminal: usize) -> usize {
        if self.exhausted() {
            terminal
        } else {
            self.below(count)
        }
    }

    /// How many elements a vector gets.
    pub fn vector_len(&mut self) -> usize {
        if self.exhausted() {
            return 0;
        }
        match self.fill {
            Fill::Random => self.below(3),
            Fill::Present => 1,
            Fill::Absent | Fill::OnlyBit { .. } => 0,
        }
    }

    /// Runs `f` one nesting level deeper.
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.depth += 1;
        let value = f(self);
        self.depth -= 1;
        value
    }

    /// A byte string of up to 300 bytes (so both length forms occur).
    pub fn bytes(&mut self) -> Vec<u8> {
        let len = match self.below(4) {
            0 => 0,
            1 => self.below(8),
            2 => self.below(260),
            _ => 254 + self.below(40),
        };
        (0..len).map(|_| self.next_u64() as u8).collect()
    }

    /// A string of up to 300 bytes, with non-ASCII characters.
    pub fn string(&mut self) -> String {
        const CHARS: &[char] = &['a', 'Z', '0', ' ', 'é', 'Ж', '€', '😀'];
        let len = self.bytes().len() / 2;
        (0..len).map(|_| CHARS[self.below(CHARS.len())]).collect()
    }
}

/// A generated type that can build a sample value.
pub trait Sample: Sized {
    /// Builds a value, taking every choice from `sampler`.
    fn sample(sampler: &mut Sampler) -> Self;
}

impl Sample for True {
    fn sample(_: &mut Sampler) -> Self {
        True
    }
}

impl<T: Sample> Sample for Box<T> {
    fn sample(sampler: &mut Sampler) -> Self {
        Box::new(T::sample(sampler))
    }
}

/// A codec whose values can be sampled.
pub trait SampleCodec: Codec {
    /// Builds a value of the codec's TL type.
    fn sample_value(sampler: &mut Sampler) -> Self::Value;
}

/// Builds a sample value of the TL type `C`. Generated `Sample` impls call this per field.
pub fn sample<C: SampleCodec>(sampler: &mut Sampler) -> C::Value {
    C::sample_value(sampler)
}

macro_rules! sample_number {
    ($($codec:ty => $conv:expr),* $(,)?) => {$(
        impl SampleCodec for $codec {
            fn sample_value(sampler: &mut Sampler) -> Self::Value {
                let raw = sampler.next_u64();
                $conv(raw)
            }
        }
    )*};
}

sample_number! {
    codec::Int => |r: u64| r as i32,
    codec::Long => |r: u64| r as i64,
    codec::Int53 => |r: u64| (r as i64) >> 11,
    codec::Nat => |r: u64| r as u32,
    codec::Double => |r: u64| (r % 1_000_000) as f64 / 8.0,
    codec::Bool => |r: u64| r & 1 == 1,
}

impl<const N: usize> SampleCodec for codec::Fixed<N> {
    fn sample_value(sampler: &mut Sampler) -> [u8; N] {
        let mut out = [0u8; N];
        for byte in &mut out {
            *byte = sampler.next_u64() as u8;
        }
        out
    }
}

impl SampleCodec for codec::Bytes {
    fn sample_value(sampler: &mut Sampler) -> Vec<u8> {
        sampler.bytes()
    }
}

impl SampleCodec for codec::Str {
    fn sample_value(sampler: &mut Sampler) -> String {
        sampler.string()
    }
}

/// The same choices as [`codec::Bytes`], so both families of generated code (owned and
/// `Config::borrowed`) build the same values from one seed.
impl SampleCodec for codec::CowBytes<'_> {
    fn sample_value(sampler: &mut Sampler) -> Self::Value {
        std::borrow::Cow::Owned(sampler.bytes())
    }
}

/// The same choices as [`codec::Str`].
impl SampleCodec for codec::CowStr<'_> {
    fn sample_value(sampler: &mut Sampler) -> Self::Value {
        std::borrow::Cow::Owned(sampler.string())
    }
}

impl<T: Sample + Serializable + Deserializable> SampleCodec for codec::Boxed<T> {
    fn sample_value(sampler: &mut Sampler) -> T {
        sampler.nested(T::sample)
    }
}

impl<T: Sample + Bare> SampleCodec for codec::BareConstructor<T> {
    fn sample_value(sampler: &mut Sampler) -> T {
        sampler.nested(T::sample)
    }
}

impl<C: SampleCodec> SampleCodec for codec::Heap<C> {
    fn sample_value(sampler: &mut Sampler) -> Box<C::Value> {
        Box::new(C::sample_value(sampler))
    }
}

impl<C: SampleCodec> SampleCodec for codec::Vector<C> {
    fn sample_value(sampler: &mut Sampler) -> Vec<C::Value> {
        let len = sampler.vector_len();
        (0..len).map(|_| C::sample_value(sampler)).collect()
    }
}

impl<C: SampleCodec> SampleCodec for codec::Nullable<C> {
    fn sample_value(sampler: &mut Sampler) -> Option<C::Value> {
        sampler.non_null().then(|| C::sample_value(sampler))
    }
}

impl<C: SampleCodec> SampleCodec for codec::BareVector<C> {
    fn sample_value(sampler: &mut Sampler) -> Vec<C::Value> {
        let len = sampler.vector_len();
        (0..len).map(|_| C::sample_value(sampler)).collect()
    }
}

/// Receives every generated constructor and function type from the generated `visit_samples`.
pub trait Visitor {
    /// Called once per type; `flag_bits` lists the `(flags word, bit)` pairs its fields use.
    fn visit<T>(&mut self, flag_bits: &[(usize, u32)])
    where
        T: Sample + Serializable + Deserializable + Identifiable + PartialEq + Debug;
}

/// Why a value did not survive a round trip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundTripError(pub String);

impl std::fmt::Display for RoundTripError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RoundTripError {}

/// Checks that `value` survives value -> bytes -> value (equal) and bytes -> value -> bytes
/// (identical), and that `serialized_len` is exact.
pub fn check_round_trip<T>(value: &T) -> Result<Vec<u8>, RoundTripError>
where
    T: Serializable + Deserializable + PartialEq + Debug,
{
    let bytes = value.to_bytes();
    if bytes.len() != value.serialized_len() {
        return Err(RoundTripError(format!(
            "serialized_len {} but {} bytes written for {value:?}",
            value.serialized_len(),
            bytes.len()
        )));
    }
    let decoded = T::from_bytes(&bytes)
        .map_err(|e| RoundTripError(format!("{e} while decoding {value:?}")))?;
    if decoded != *value {
        return Err(RoundTripError(format!(
            "decoded {decoded:?} differs from {value:?}"
        )));
    }
    let again = decoded.to_bytes();
    if again != bytes {
        return Err(RoundTripError(format!(
            "re-encoding {value:?} gave different bytes"
        )));
    }
    Ok(bytes)
}

/// A [`Visitor`] that round-trips every visited type (see [`check_round_trip`]) with every
/// conditional field absent, every one present, each flag bit alone, and `seeds` random values,
/// recording what failed. Hand it to a generated `visit_samples`.
#[derive(Debug, Clone, Default)]
pub struct RoundTrips {
    /// How many random values of each type to try.
    pub seeds: u64,
    /// How many types were visited.
    pub types: usize,
    /// How many values were checked.
    pub values: usize,
    /// `"name (fill, seed): what went wrong"` for each value that failed.
    pub failures: Vec<String>,
}

impl RoundTrips {
    /// A checker trying `seeds` random values per type besides the fixed fills.
    pub fn new(seeds: u64) -> Self {
        RoundTrips {
            seeds,
            ..Self::default()
        }
    }

    fn check<T>(&mut self, fill: Fill, seed: u64)
    where
        T: Sample + Serializable + Deserializable + Identifiable + PartialEq + Debug,
    {
        let value = T::sample(&mut Sampler::new(seed).with_fill(fill));
        self.values += 1;
        let outcome = check_round_trip(&value).and_then(|bytes| {
            // The boxed form starts with the type's own id.
            match bytes.get(..4) {
                Some(id) if id == T::CONSTRUCTOR_ID.to_le_bytes() => Ok(()),
                _ => Err(RoundTripError(format!(
                    "bytes do not start with the id of {value:?}"
                ))),
            }
        });
        if let Err(e) = outcome {
            self.failures
                .push(format!("{} ({fill:?}, seed {seed}): {e}", T::TL_NAME));
        }
    }
}

impl Visitor for RoundTrips {
    fn visit<T>(&mut self, flag_bits: &[(usize, u32)])
    where
        T: Sample + Serializable + Deserializable + Identifiable + PartialEq + Debug,
    {
        self.types += 1;
        for (fill, seed) in fills(flag_bits, self.seeds) {
            self.check::<T>(fill, seed);
        }
    }
}

/// The values a round-trip checker tries for a type: every conditional field absent, every one
/// present, each flag bit alone (seed 1), then `seeds` random values. [`RoundTrips`] takes them;
/// a visitor of its own can take the same.
pub fn fills(flag_bits: &[(usize, u32)], seeds: u64) -> impl Iterator<Item = (Fill, u64)> + '_ {
    [(Fill::Absent, 1), (Fill::Present, 1)]
        .into_iter()
        .chain(
            flag_bits
                .iter()
                .map(|&(word, bit)| (Fill::OnlyBit { word, bit }, 1)),
        )
        .chain((0..seeds).map(|seed| (Fill::Random, seed)))
}
