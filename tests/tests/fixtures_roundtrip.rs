//! Every type generated from every tl-codegen fixture schema round-trips, under every fill policy
//! and many random seeds; `serialized_len` is exact and decoding rejects every truncation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Debug;

use tl_types::sample::{Fill, Sample, Sampler, Visitor, check_round_trip};
use tl_types::{Deserializable, Identifiable, Serializable};

#[derive(Default)]
struct Checks {
    types: Vec<&'static str>,
    values: usize,
    failures: Vec<String>,
}

impl Checks {
    fn check<T>(&mut self, fill: Fill, seed: u64)
    where
        T: Sample + Serializable + Deserializable + Identifiable + PartialEq + Debug,
    {
        let value = T::sample(&mut Sampler::new(seed).with_fill(fill));
        self.values += 1;
        match check_round_trip(&value) {
            Ok(bytes) => {
                // Every strict prefix fails to decode, with an error rather than a panic.
                for cut in 0..bytes.len() {
                    if T::from_bytes(&bytes[..cut]).is_ok() {
                        self.failures
                            .push(format!("{}: a {cut}-byte prefix decoded", T::TL_NAME));
                    }
                }
            }
            Err(e) => self
                .failures
                .push(format!("{} ({fill:?}, seed {seed}): {e}", T::TL_NAME)),
        }
    }
}

impl Visitor for Checks {
    fn visit<T>(&mut self, flag_bits: &[(usize, u32)])
    where
        T: Sample + Serializable + Deserializable + Identifiable + PartialEq + Debug,
    {
        self.types.push(T::TL_NAME);
        self.check::<T>(Fill::Absent, 1);
        self.check::<T>(Fill::Present, 1);
        for &(word, bit) in flag_bits {
            self.check::<T>(Fill::OnlyBit { word, bit }, 1);
        }
        for seed in 0..32 {
            self.check::<T>(Fill::Random, seed);
        }
    }
}

#[test]
fn every_fixture_type_round_trips() {
    let mut checks = Checks::default();
    tl_tests::fixtures::visit_all(&mut checks);
    assert!(checks.failures.is_empty(), "{}", checks.failures.join("\n"));
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
            checks.types.contains(&expected),
            "{expected} was not visited: {:?}",
            checks.types
        );
    }
    eprintln!(
        "round-tripped {} values of {} fixture types",
        checks.values,
        checks.types.len()
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
