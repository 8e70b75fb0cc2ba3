//! Round trips over every shipped type: value -> bytes -> value is equal and bytes -> value -> bytes
//! is identical, for values with every conditional field absent, every one present, each flag bit
//! alone, and many random values (property tests).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Debug;

use proptest::prelude::*;
use tl_types::sample::{Fill, RoundTrips, Sample, Sampler, Visitor, check_round_trip};
use tl_types::{Deserializable, Identifiable, Serializable};

#[test]
fn every_shipped_type_round_trips() {
    let mut checks = RoundTrips::new(64);
    tl_types::visit_samples(&mut checks);
    assert!(
        checks.failures.is_empty(),
        "{} failures:\n{}",
        checks.failures.len(),
        checks.failures.join("\n")
    );
    // schema/importers.tl: 33 constructors (built-ins excluded) and one function.
    assert_eq!(checks.types, 34);
    eprintln!(
        "round-tripped {} values of {} types",
        checks.values, checks.types
    );
}

/// A value with one flag bit set encodes exactly that bit, and the bit decodes back to it.
#[test]
fn only_bit_fill_sets_exactly_one_bit() {
    let value = tl_types::types::ChatInviteImporter::sample(
        &mut Sampler::new(7).with_fill(Fill::OnlyBit { word: 0, bit: 2 }),
    );
    assert!(
        value.about.is_some()
            && !value.requested
            && !value.via_chatlist
            && value.approved_by.is_none()
    );
    let bytes = value.to_bytes();
    assert_eq!(&bytes[4..8], &(1u32 << 2).to_le_bytes());
}

/// Flag bits that no field uses are accepted when decoding (as TDLib does) and dropped when
/// encoding again: the value is what the fields say.
#[test]
fn unused_flag_bits_are_ignored() {
    let importer = tl_types::types::ChatInviteImporter {
        requested: true,
        via_chatlist: false,
        user_id: 5,
        date: 6,
        about: None,
        approved_by: None,
    };
    let mut bytes = importer.to_bytes();
    // Set bits 7 and 31, which no field of chatInviteImporter uses.
    bytes[4..8].copy_from_slice(&(1u32 | 1 << 7 | 1 << 31).to_le_bytes());
    let decoded = tl_types::types::ChatInviteImporter::from_bytes(&bytes).unwrap();
    assert_eq!(decoded, importer);
    assert_eq!(&decoded.to_bytes()[4..8], &1u32.to_le_bytes());
}

/// Visits every type with one random seed, for the property test.
struct OneSeed(u64, Vec<String>);

impl Visitor for OneSeed {
    fn visit<T>(&mut self, _: &[(usize, u32)])
    where
        T: Sample + Serializable + Deserializable + Identifiable + PartialEq + Debug,
    {
        let value = T::sample(&mut Sampler::new(self.0));
        if let Err(e) = check_round_trip(&value) {
            self.1.push(format!("{}: {e}", T::TL_NAME));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_values_round_trip(seed in any::<u64>()) {
        let mut visitor = OneSeed(seed, Vec::new());
        tl_types::visit_samples(&mut visitor);
        prop_assert!(visitor.1.is_empty(), "{:?}", visitor.1);
    }

    /// Random responses, built from random parts, round-trip as a whole.
    #[test]
    fn random_responses_round_trip(seed in any::<u64>(), depth in 1usize..6) {
        let value = tl_types::enums::messages::ChatInviteImporters::sample(&mut Sampler::new(seed).with_max_depth(depth));
        let outcome = check_round_trip(&value);
        prop_assert!(outcome.is_ok(), "{:?}", outcome.err());
    }
}
