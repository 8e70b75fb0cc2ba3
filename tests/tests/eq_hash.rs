//! `Eq` and `Hash` (`Config::eq_hash`, off by default, on for the fixtures and the shipped types):
//! derived on every generated struct and enum
//! that reaches no `f64`, so values go in a `HashSet`; not on those that do (the eq_hash fixture's
//! `geoPoint` and what holds it); none with the switch off (the hooks fixture derives them through
//! an attribute instead, see `builders.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::marker::PhantomData;

use tl_tests::fixtures::eq_hash;
use tl_types::{enums, functions, types};

/// Whether a type implements `Eq` and `Hash`, answered at compile time by method resolution: the
/// probe's own trait applies when the bound holds, the fallback (one reference further) otherwise.
struct Probe<T>(PhantomData<T>);

trait HasEqHash {
    fn eq_hash(&self) -> bool {
        true
    }
}

impl<T: Eq + std::hash::Hash> HasEqHash for Probe<T> {}

trait Fallback {
    fn eq_hash(&self) -> bool {
        false
    }
}

impl<T> Fallback for &Probe<T> {}

macro_rules! eq_hash {
    ($ty:ty) => {
        (&Probe::<$ty>(PhantomData)).eq_hash()
    };
}

#[test]
fn the_probe_tells_them_apart() {
    assert!(eq_hash!(i64));
    assert!(!eq_hash!(f64));
    assert!(!eq_hash!(Vec<f64>));
}

#[test]
fn derived_where_no_double_is_reachable() {
    use eq_hash::{enums as e, functions as f, types as t};
    // No `double` anywhere below them (`node` is recursive; `tag` holds a bare `%Label`).
    assert!(eq_hash!(t::GeoPointEmpty));
    assert!(eq_hash!(t::Label));
    assert!(eq_hash!(t::Tag));
    assert!(eq_hash!(t::Node));
    assert!(eq_hash!(e::Node));
    assert!(eq_hash!(f::GetVenue));
    // A generic function gets them when its query has them.
    assert!(eq_hash!(f::InvokeWithLayer<f::GetVenue>));
    // `geoPoint` holds doubles; everything that can hold one does not derive them: the enum, an
    // optional field, a vector, a shared-bit group and its owner.
    assert!(!eq_hash!(t::GeoPoint));
    assert!(!eq_hash!(e::GeoPoint));
    assert!(!eq_hash!(t::Venue));
    assert!(!eq_hash!(e::Venue));
    assert!(!eq_hash!(t::Venues));
    assert!(!eq_hash!(t::CheckIn));
    assert!(!eq_hash!(t::CheckInPlace));
    assert!(!eq_hash!(f::InvokeWithLayer<t::GeoPoint>));
    // With the switch off, the hooks fixture derives them through `type_attribute`, without a
    // second, conflicting derive.
    assert!(eq_hash!(tl_tests::fixtures::hooks::enums::RichText));
}

#[test]
fn values_go_in_a_hash_set() {
    let users: HashSet<enums::User> = [
        types::UserEmpty::new(1).into(),
        types::User::new(2).with_first_name("Ann").into(),
        types::UserEmpty::new(1).into(),
    ]
    .into_iter()
    .collect();
    assert_eq!(users.len(), 2);
    assert!(users.contains(&types::UserEmpty::new(1).into()));

    let request = |q: &str| {
        functions::messages::GetChatInviteImporters::new(
            types::InputPeerSelf {},
            0,
            types::InputUserEmpty {},
            50,
        )
        .with_q(q)
    };
    let requests: HashSet<_> = [request("a"), request("b"), request("a")].into();
    assert_eq!(requests.len(), 2);

    let nodes: HashSet<eq_hash::enums::Node> = [
        eq_hash::types::Node::new(1).into(),
        eq_hash::types::Node::new(1)
            .with_next(eq_hash::types::Node::new(2))
            .into(),
        eq_hash::types::Node::new(1).into(),
    ]
    .into();
    assert_eq!(nodes.len(), 2);
}
