//! Borrowed decoding (`CowStr`, `CowBytes`, `CodecBorrowed`): every input fails with exactly the
//! error the owned codecs report, non-canonical forms are accepted alike, and `Cow` values encode
//! as their owned twins. (`borrowed_alloc.rs` shows that nothing is copied or allocated.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::borrow::Cow;

use common::*;
use tl_types::codec::{Bytes, Codec, CodecBorrowed, CowBytes, CowStr, Str, Vector};
use tl_types::{DecodeError, DecodeErrorKind};

/// Both decoders of `C` and of `Owned` (its owned-value twin) fail alike on `bytes`.
fn same_failure<'a, C: CodecBorrowed<'a>, Owned: Codec>(bytes: &'a [u8]) -> DecodeError {
    let theirs = owned::<Owned>(bytes)
        .err()
        .expect("the owned codec must fail");
    let ours = borrowed::<C>(bytes)
        .err()
        .expect("the borrowed codec must fail");
    let plain = owned::<C>(bytes)
        .err()
        .expect("the codec's owned decode must fail");
    assert_eq!(ours, theirs, "on {bytes:02x?}");
    assert_eq!(plain, theirs, "on {bytes:02x?}");
    ours
}

#[test]
fn borrowed_strings_fail_exactly_as_owned_ones() {
    let eof = |needed, remaining| DecodeErrorKind::UnexpectedEof { needed, remaining };
    // Truncated at every offset, short and long form.
    for value in [b"ab".to_vec(), vec![b'x'; 300]] {
        let bytes = enc::<Bytes>(&value);
        for cut in 0..bytes.len() {
            same_failure::<CowBytes, Bytes>(&bytes[..cut]);
            same_failure::<CowStr, Str>(&bytes[..cut]);
        }
    }
    assert_eq!(same_failure::<CowStr, Str>(&[]).kind(), &eof(1, 0));
    // The length prefix 0xff, at its offset.
    let err = same_failure::<CowBytes, Bytes>(&hex("ff000000"));
    assert_eq!(
        (err.kind(), err.offset()),
        (&DecodeErrorKind::BadLengthPrefix, 0)
    );
    // Invalid UTF-8 at the length header, inside a vector with the index in the path; the same
    // bytes are fine as `bytes`.
    for bad in ["01 80 0000", "02 c080 00", "03 eda080", "03 61e282"] {
        let err = same_failure::<CowStr, Str>(&hex(bad));
        assert_eq!(
            (err.kind(), err.offset()),
            (&DecodeErrorKind::InvalidUtf8, 0)
        );
        assert!(borrowed::<CowBytes>(&hex(bad)).is_ok());
    }
    let bytes = hex("15c4b51c 02000000 01610000 0380ffff");
    let err = same_failure::<Vector<CowStr>, Vector<Str>>(&bytes);
    assert_eq!(
        (err.kind(), err.offset(), err.path_string().as_str()),
        (&DecodeErrorKind::InvalidUtf8, 12, "[1]")
    );
    // A count the input cannot hold, before anything is reserved.
    let err = same_failure::<Vector<CowStr>, Vector<Str>>(&hex("15c4b51c ffffffff 00000000"));
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::VectorTooLong {
            count: u32::MAX,
            max: 1
        }
    );
    // Trailing bytes.
    let err = same_failure::<CowStr, Str>(&hex("01 61 0000 00"));
    assert_eq!(
        (err.kind(), err.offset()),
        (&DecodeErrorKind::TrailingBytes { count: 1 }, 4)
    );
}

#[test]
fn non_canonical_forms_are_accepted_alike() {
    // A long-form length for a short string, and padding that is not zero.
    for input in ["fe030000 616263 00", "03 616263", "01 61 ffff"] {
        let bytes = hex(input);
        let text = borrowed::<CowStr>(&bytes).unwrap();
        assert_eq!(text, owned::<Str>(&bytes).unwrap());
        assert!(within(text.as_bytes(), &bytes));
    }
}

#[test]
fn cow_values_encode_as_their_owned_twins() {
    for text in ["", "a", "abc", "abcd", &"é".repeat(200)] {
        let cow: Cow<'_, str> = Cow::Borrowed(text);
        assert_eq!(enc::<CowStr>(&cow), enc::<Str>(&text.to_owned()));
        assert_eq!(
            enc::<CowBytes>(&Cow::Borrowed(text.as_bytes())),
            enc::<Bytes>(&text.as_bytes().to_vec())
        );
    }
    let too_long: Cow<'_, [u8]> = Cow::Owned(vec![0; tl_types::codec::MAX_TL_BYTES_LEN + 1]);
    assert!(CowBytes::check_limits(&too_long).is_err());
    assert!(CowBytes::check_limits(&Cow::Borrowed(&[0u8; 4][..])).is_ok());
}
