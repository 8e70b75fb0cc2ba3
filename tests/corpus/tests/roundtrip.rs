//! Every constructor and function of every corpus schema round-trips: value -> bytes -> value is
//! equal and bytes -> value -> bytes identical, with every conditional field absent, every one
//! present, each flag bit alone, and random values; the same values round-trip through JSON
//! (value -> JSON -> value equal, the bytes unchanged); then property tests over api-L228.

use tl_corpus::summary::{Tally, every_schema};
use tl_types::sample::{JsonRoundTrips, RoundTrips};

#[test]
fn every_schema_round_trips() {
    every_schema("round-trip", |name, _| {
        let mut checks = RoundTrips::new(4);
        assert!(tl_corpus::visit(name, &mut checks));
        Tally::from(checks)
    });
}

#[test]
fn every_schema_round_trips_through_json() {
    every_schema("JSON round trip", |name, _| {
        let mut checks = JsonRoundTrips::new(4);
        assert!(tl_corpus::visit_json(name, &mut checks));
        Tally::from(checks)
    });
}

#[cfg(has_api_l228)]
mod random {
    use std::fmt::Debug;

    use proptest::prelude::*;
    use tl_types::sample::{Sample, Sampler, Visitor, check_round_trip};
    use tl_types::{Deserializable, Identifiable, Serializable};

    /// One random value of every api-L228 type per case, nested up to depth 4.
    struct OneSeed(u64, Vec<String>);

    impl Visitor for OneSeed {
        fn visit<T>(&mut self, _: &[(usize, u32)])
        where
            T: Sample + Serializable + Deserializable + Identifiable + PartialEq + Debug,
        {
            let value = T::sample(&mut Sampler::new(self.0).with_max_depth(4));
            if let Err(e) = check_round_trip(&value) {
                self.1.push(format!("{}: {e}", T::TL_NAME));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        #[test]
        fn random_api_l228_values_round_trip(seed in any::<u64>()) {
            let mut visitor = OneSeed(seed, Vec::new());
            tl_corpus::api_l228::visit_samples(&mut visitor);
            prop_assert!(visitor.1.is_empty(), "{:?}", visitor.1);
        }
    }
}
