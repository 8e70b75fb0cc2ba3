//! Borrowed decoding allocates nothing for strings and byte strings: they are slices of the input
//! (measured by a counting global allocator, peak_alloc, in one test so that no other test of this
//! binary allocates beside it); `into_owned` copies.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::borrow::Cow;

use common::*;
use tl_types::IntoOwned;
use tl_types::codec::{Bytes, CowBytes, CowStr, Str, Vector};

#[global_allocator]
static ALLOCATOR: peak_alloc::PeakAlloc = peak_alloc::PeakAlloc;

/// Runs `f` and returns its result with the peak number of bytes allocated above what was in use
/// before (what `f` returns is still alive at the end, so it counts).
fn allocated<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let value = f();
    (value, ALLOCATOR.peak_usage().saturating_sub(before))
}

#[test]
fn strings_and_byte_strings_are_slices_of_the_input_and_allocate_nothing() {
    let short = hex("05 68656c6c6f 0000");
    let (text, bytes) = allocated(|| borrowed::<CowStr>(&short).unwrap());
    assert_eq!(bytes, 0, "a borrowed string allocated");
    assert!(matches!(&text, Cow::Borrowed("hello")));
    assert!(within(text.as_bytes(), &short));

    // 300 bytes in the long form, as bytes and as a string.
    let long = enc::<Bytes>(&vec![b'x'; 300]);
    let (data, bytes) = allocated(|| borrowed::<CowBytes>(&long).unwrap());
    assert_eq!(bytes, 0, "borrowed bytes allocated");
    assert!(matches!(&data, Cow::Borrowed(d) if d.len() == 300 && within(d, &long)));
    let (text, bytes) = allocated(|| borrowed::<CowStr>(&long).unwrap());
    assert_eq!(bytes, 0);
    assert_eq!(text.len(), 300);

    // A vector of three strings: the vector's buffer and nothing else.
    let list = enc::<Vector<Str>>(&vec!["a".into(), "bcdef".into(), "é".repeat(200)]);
    let (texts, bytes) = allocated(|| borrowed::<Vector<CowStr>>(&list).unwrap());
    assert_eq!(bytes, 3 * std::mem::size_of::<Cow<'_, str>>());
    assert!(
        texts
            .iter()
            .all(|t| matches!(t, Cow::Borrowed(s) if within(s.as_bytes(), &list)))
    );
    assert_eq!(texts[2], "é".repeat(200));

    // The owned decoder of the same codec copies, and so does `into_owned`.
    assert!(matches!(owned::<CowStr>(&short).unwrap(), Cow::Owned(s) if s == "hello"));
    let (detached, bytes) = allocated(|| IntoOwned::into_owned(text));
    assert!(matches!(&detached, Cow::Owned(s) if s.len() == 300));
    assert!(bytes >= 300);
    assert!(matches!(
        IntoOwned::into_owned(borrowed::<CowBytes>(&long).unwrap()),
        Cow::Owned(d) if d == vec![b'x'; 300]
    ));
}
