//! Every type generated from every tl-codegen fixture schema round-trips, under every fill policy
//! and many random seeds; `serialized_len` is exact and decoding rejects every truncation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Debug;

use tl_types::sample::{Fill, JsonRoundTrips, RoundTrips, Sample, Sampler, Visitor};
use tl_types::{Deserializable, Identifiable, Serializable};

/// Checks that no strict prefix of a value's bytes decodes, recording the visited types.
#[derive(Default)]
struct Truncations {
    types: Vec<&'static str>,
    failures: Vec<String>,
}

impl Visitor for Truncations {
    fn visit<T>(&mut self, _: &[(usize, u32)])
    where
        T: Sample + Serializable + Deserializable + Identifiable + PartialEq + Debug,
    {
        self.types.push(T::TL_NAME);
        for fill in [Fill::Absent, Fill::Present] {
            let bytes = T::sample(&mut Sampler::new(1).with_fill(fill)).to_bytes();
            for cut in 0..bytes.len() {
                if T::from_bytes(&bytes[..cut]).is_ok() {
                    self.failures
                        .push(format!("{}: a {cut}-byte prefix decoded", T::TL_NAME));
                }
            }
        }
    }
}

#[test]
fn every_fixture_type_round_trips() {
    let mut checks = RoundTrips::new(32);
    tl_tests::fixtures::visit_all(&mut checks);
    assert!(checks.failures.is_empty(), "{}", checks.failures.join("\n"));
    let mut truncations = Truncations::default();
    tl_tests::fixtures::visit_all(&mut truncations);
    assert!(
        truncations.failures.is_empty(),
        "{}",
        truncations.failures.join("\n")
    );
    assert_eq!(truncations.types.len(), checks.types);
    for expected in [
        "chatInviteImporter",
        "botUser",
        "authorization",
        "shapes",
        "invokeWithLayer",
        "textBold",
        "everything",
    ] {
        assert!(
            truncations.types.contains(&expected),
            "{expected} was not visited: {:?}",
            truncations.types
        );
    }
    eprintln!(
        "round-tripped {} values of {} fixture types",
        checks.values, checks.types
    );
}

/// Every fixture type round-trips through JSON (value -> JSON -> value, same bytes) with the same
/// values as the binary round trip.
#[test]
fn every_fixture_type_round_trips_through_json() {
    let mut checks = JsonRoundTrips::new(32);
    tl_tests::fixtures::visit_all_json(&mut checks);
    assert!(checks.failures.is_empty(), "{}", checks.failures.join("\n"));
    let mut binary = RoundTrips::new(0);
    tl_tests::fixtures::visit_all(&mut binary);
    assert_eq!(checks.types, binary.types, "every type has a JSON form");
    eprintln!(
        "JSON round-tripped {} values of {} fixture types",
        checks.values, checks.types
    );
}

/// The shared-bit rules hold on the wire: the group is all or nothing, the derived `?true` follows
/// its partner.
#[test]
fn shared_bits_follow_their_partner() {
    use tl_tests::fixtures::shared_bits::types::{BotUser, Twins};

    let bot = BotUser {
        id: 1,
        bot_info_version: Some(7),
    };
    assert!(bot.bot());
    let bytes = bot.to_bytes();
    assert_eq!(&bytes[4..8], &(1u32 << 14).to_le_bytes());
    let plain = BotUser {
        id: 1,
        bot_info_version: None,
    };
    assert!(!plain.bot());
    assert_eq!(&plain.to_bytes()[4..8], &0u32.to_le_bytes());

    // Two `?true` fields on one bit: the second reads the first.
    let twins = Twins { left: true };
    assert!(twins.right());
    assert_eq!(Twins::from_bytes(&twins.to_bytes()).unwrap(), twins);
}
