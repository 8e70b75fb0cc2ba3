//! Zero-copy decoding (`Config::borrowed`), on every fixture and the importers schema generated
//! with the switch (`tl_tests::fixtures::zero_copy`): every type round-trips (its owned decode is
//! its borrowed decode, then `into_owned`); both families build the same sample values and encode
//! them to the same bytes; the importers response decodes borrowing its strings from the input,
//! re-encodes to the same bytes, detaches with `into_owned`, and every damaged input fails exactly
//! as the owned decoder fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::borrow::Cow;
use std::fmt::Debug;

use tl_tests::fixtures::{self, zero_copy};
use tl_types::sample::{Fill, RoundTrips, Sample, Sampler, Visitor};
use tl_types::{
    Deserializable, DeserializableBorrowed, Identifiable, IntoOwned, RemoteCall, Serializable,
};

/// True when `inner` lies within `outer`.
fn within(inner: &[u8], outer: &[u8]) -> bool {
    let range = outer.as_ptr_range();
    range.contains(&inner.as_ptr()) && inner.as_ptr_range().end <= range.end
}

#[test]
fn every_zero_copy_type_round_trips() {
    let mut checks = RoundTrips::new(32);
    zero_copy::visit_all(&mut checks);
    assert!(checks.failures.is_empty(), "{}", checks.failures.join("\n"));
    let mut owned = RoundTrips::new(0);
    fixtures::visit_all(&mut owned);
    tl_types::visit_samples(&mut owned);
    assert_eq!(
        checks.types, owned.types,
        "every fixture type, and the importers'"
    );
    eprintln!(
        "round-tripped {} values of {} zero-copy types",
        checks.values, checks.types
    );
}

/// Every sample value a visitor is handed, as `(type, fill, Debug text, bytes)`.
#[derive(Default)]
struct Values(Vec<(&'static str, String, String, Vec<u8>)>);

impl Visitor for Values {
    fn visit<T>(&mut self, flag_bits: &[(usize, u32)])
    where
        T: Sample + Serializable + Deserializable + Identifiable + PartialEq + Debug,
    {
        for (fill, seed) in tl_types::sample::fills(flag_bits, 8) {
            let value = T::sample(&mut Sampler::new(seed).with_fill(fill));
            self.0.push((
                T::TL_NAME,
                format!("{fill:?} {seed}"),
                format!("{value:?}"),
                value.to_bytes(),
            ));
        }
    }
}

/// Both families of one schema: the same values (a `Cow` prints as what it holds) and the same
/// bytes, type by type.
fn same_values(name: &str, owned: impl FnOnce(&mut Values), borrowed: impl FnOnce(&mut Values)) {
    let (mut a, mut b) = (Values::default(), Values::default());
    owned(&mut a);
    borrowed(&mut b);
    assert!(!a.0.is_empty(), "{name}: no values");
    assert_eq!(a.0.len(), b.0.len(), "{name}: a different number of values");
    for (a, b) in a.0.iter().zip(&b.0) {
        assert_eq!(a, b, "{name}: the families differ");
    }
}

macro_rules! both_families {
    ($($name:ident),* $(,)?) => {
        $(same_values(
            stringify!($name),
            |v| fixtures::$name::visit_samples(v),
            |v| zero_copy::$name::visit_samples(v),
        );)*
    };
}

#[test]
fn both_families_build_and_encode_the_same_values() {
    tl_tests::every_fixture!(both_families);
    same_values(
        "importers",
        tl_types::visit_samples,
        zero_copy::importers::visit_samples,
    );
}

type Owned = tl_types::enums::messages::ChatInviteImporters;
type Borrowed<'a> = zero_copy::importers::enums::messages::ChatInviteImporters<'a>;

/// A response with every conditional field present (one user, one importer).
fn response() -> (Owned, Vec<u8>) {
    sampled(Fill::Present, 3)
}

/// A sample response.
fn sampled(fill: Fill, seed: u64) -> (Owned, Vec<u8>) {
    let value = Owned::sample(&mut Sampler::new(seed).with_fill(fill).with_max_depth(6));
    let bytes = value.to_bytes();
    (value, bytes)
}

#[test]
fn the_importers_response_borrows_its_strings_from_the_input() {
    use zero_copy::importers::enums;

    let (owned, bytes) = response();
    let value = Borrowed::from_bytes_borrowed(&bytes).unwrap();
    assert_eq!(value.to_bytes(), bytes);
    assert_eq!(format!("{value:?}"), format!("{owned:?}"));

    let enums::messages::ChatInviteImporters::ChatInviteImporters(body) = &value;
    let mut strings = 0;
    let mut check = |text: &Option<Cow<'_, str>>| {
        if let Some(text) = text {
            assert!(
                matches!(text, Cow::Borrowed(s) if within(s.as_bytes(), &bytes)),
                "{text:?} is not a slice of the input"
            );
            strings += 1;
        }
    };
    for user in &body.users {
        if let enums::User::User(user) = user {
            check(&user.first_name);
            check(&user.username);
            check(&user.lang_code);
            if let Some(enums::UserProfilePhoto::UserProfilePhoto(photo)) = &user.photo {
                let thumb = photo.stripped_thumb.as_ref().unwrap();
                assert!(matches!(thumb, Cow::Borrowed(t) if within(t, &bytes)));
            }
        }
    }
    for importer in &body.importers {
        let enums::ChatInviteImporter::ChatInviteImporter(importer) = importer;
        check(&importer.about);
    }
    assert!(strings > 3, "the sample has too few strings: {strings}");

    // Detached: the owned decode of the same type, and the shipped types' value.
    let detached: Borrowed<'static> = value.into_owned();
    drop(bytes);
    let (owned, bytes) = response();
    assert_eq!(detached, Borrowed::from_bytes(&bytes).unwrap());
    assert_eq!(format!("{detached:?}"), format!("{owned:?}"));
    assert_eq!(detached.to_bytes(), bytes);
}

#[test]
fn requests_are_built_from_borrowed_or_owned_text() {
    use zero_copy::importers::{functions, types};

    let shipped = tl_types::functions::messages::GetChatInviteImporters::new(
        tl_types::types::InputPeerSelf {},
        7,
        tl_types::types::InputUserEmpty {},
        50,
    )
    .with_q("bob")
    .with_link(String::from("https://t.me/+abc"));
    let link = String::from("https://t.me/+abc");
    let request = functions::messages::GetChatInviteImporters::new(
        types::InputPeerSelf {},
        7,
        types::InputUserEmpty {},
        50,
    )
    .with_q("bob")
    .with_link(link.as_str());
    assert_eq!(request.to_bytes(), shipped.to_bytes());
    assert_eq!(
        request.clone().with_link(link.clone()).to_bytes(),
        shipped.to_bytes()
    );
    // The result type is the `'static` form, decoded owned.
    let (_, bytes) = response();
    let answer: Borrowed<'static> =
        <functions::messages::GetChatInviteImporters<'_> as RemoteCall>::Return::from_bytes(&bytes)
            .unwrap();
    assert_eq!(answer.to_bytes(), bytes);
}

/// Decodes `bytes` with the shipped (owned) types, the zero-copy types borrowing, and the
/// zero-copy types' owned decode: all three must give the same value or the same error.
fn decode_alike(bytes: &[u8]) -> bool {
    let shipped = Owned::from_bytes(bytes).map(|v| format!("{v:?}"));
    let borrowed = Borrowed::from_bytes_borrowed(bytes).map(|v| format!("{v:?}"));
    let owned = Borrowed::from_bytes(bytes).map(|v| format!("{v:?}"));
    assert_eq!(shipped, borrowed, "on {} bytes", bytes.len());
    assert_eq!(shipped, owned, "on {} bytes", bytes.len());
    shipped.is_ok()
}

#[test]
fn damaged_responses_fail_exactly_as_the_owned_decoder_fails() {
    let (mut accepted, mut refused) = (0, 0);
    for (fill, seed) in [(Fill::Present, 3), (Fill::Random, 1), (Fill::Random, 2)] {
        let (a, r) = damage(&sampled(fill, seed).1);
        accepted += a;
        refused += r;
    }
    eprintln!("{accepted} damaged inputs accepted, {refused} refused, alike");
    assert!(accepted > 0 && refused > 0);
}

/// Decodes every truncation and many one-byte changes of `bytes` all three ways: (accepted,
/// refused).
fn damage(bytes: &[u8]) -> (usize, usize) {
    assert!(decode_alike(bytes));
    let mut accepted = 0;
    let mut refused = 0;
    for cut in 0..bytes.len() {
        assert!(!decode_alike(&bytes[..cut]), "a {cut}-byte prefix decoded");
        refused += 1;
    }
    // Every byte replaced by a few values: lengths, counts, ids, flags and UTF-8 all get hit.
    let mut damaged = bytes.to_vec();
    for at in 0..bytes.len() {
        for byte in [0x00, 0xff, 0xfe, 0x80, bytes[at] ^ 1] {
            damaged[at] = byte;
            if decode_alike(&damaged) {
                accepted += 1;
            } else {
                refused += 1;
            }
        }
        damaged[at] = bytes[at];
    }
    // Trailing bytes.
    let mut longer = bytes.to_vec();
    longer.extend([0; 4]);
    assert!(!decode_alike(&longer));
    (accepted, refused + 1)
}

#[test]
fn generic_functions_decode_their_query_borrowing() {
    use zero_copy::borrowed::{functions, types};

    let query = functions::upload::GetFile::new("photos/1.jpg", 4096, 1024);
    let init = functions::InitConnection::new(7, "phone", query);
    let call = functions::InvokeWithLayer::new(228, init);
    let bytes = call.to_bytes();
    let back = functions::InvokeWithLayer::<
        functions::InitConnection<'_, functions::upload::GetFile<'_>>,
    >::from_bytes_borrowed(&bytes)
    .unwrap();
    assert_eq!(back, call);
    assert!(matches!(&back.query.device_model, Cow::Borrowed(s) if within(s.as_bytes(), &bytes)));
    assert!(matches!(&back.query.query.location, Cow::Borrowed(s) if within(s.as_bytes(), &bytes)));
    // Detached, generic parameters and all.
    let detached = back.into_owned();
    drop(bytes);
    assert_eq!(detached, call);
    // The same bytes as the owned family's.
    let owned = fixtures::borrowed::functions::InvokeWithLayer::new(
        228,
        fixtures::borrowed::functions::InitConnection::new(
            7,
            "phone",
            fixtures::borrowed::functions::upload::GetFile::new("photos/1.jpg", 4096, 1024),
        ),
    );
    assert_eq!(owned.to_bytes(), detached.to_bytes());

    // A file's bytes are not copied.
    let file = types::upload::File::new("jpeg", 1_700_000_000, vec![7u8; 512 * 1024]);
    let bytes = file.to_bytes();
    let back = types::upload::File::from_bytes_borrowed(&bytes).unwrap();
    assert!(matches!(&back.bytes, Cow::Borrowed(b) if b.len() == 512 * 1024 && within(b, &bytes)));
    assert_eq!(back, file);
}
