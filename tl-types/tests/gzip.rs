//! `tl_types::gzip` (the `gzip` feature): a value wrapped in `gzip_packed` decodes equal to the
//! value itself, plain bytes decode as `from_bytes` decodes them, a decompression bomb is refused
//! within the limit, and errors inside the packed data name `gzip_packed.packed_data`.
#![cfg(feature = "gzip")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use tl_types::gzip::{self, DEFAULT_MAX_UNPACKED, GZIP_PACKED_ID};
use tl_types::{DecodeErrorKind, Deserializable, Reader, Serializable, enums, types};

fn response() -> enums::messages::ChatInviteImporters {
    types::messages::ChatInviteImporters {
        count: 2,
        importers: vec![
            types::ChatInviteImporter {
                requested: true,
                via_chatlist: false,
                user_id: 42,
                date: 1_700_000_000,
                about: Some("let me in".repeat(40)),
                approved_by: None,
            }
            .into(),
        ],
        users: vec![types::UserEmpty { id: 42 }.into()],
    }
    .into()
}

#[test]
fn a_packed_response_decodes_equal_to_the_plain_one() {
    let value = response();
    let plain = value.to_bytes();
    let packed = gzip::pack(&plain).unwrap();
    assert_eq!(&packed[..4], &GZIP_PACKED_ID.to_le_bytes());
    assert!(
        packed.len() < plain.len(),
        "{} vs {}",
        packed.len(),
        plain.len()
    );
    let unpacked: enums::messages::ChatInviteImporters = gzip::unpacked(&packed).unwrap();
    assert_eq!(unpacked, value);
    assert_eq!(
        gzip::unpacked::<enums::messages::ChatInviteImporters>(&plain).unwrap(),
        value
    );
    // The generated decoder itself knows nothing of gzip.
    let err = enums::messages::ChatInviteImporters::from_bytes(&packed).unwrap_err();
    assert!(matches!(
        err.kind(),
        DecodeErrorKind::UnknownConstructor {
            id: GZIP_PACKED_ID,
            ..
        }
    ));
}

#[test]
fn reading_from_a_reader_leaves_it_after_the_packed_value() {
    let value = response();
    let mut bytes = gzip::pack(&value.to_bytes()).unwrap();
    let end = bytes.len();
    bytes.extend_from_slice(&[1, 2, 3, 4]);
    let mut reader = Reader::new(&bytes);
    let read: enums::messages::ChatInviteImporters =
        gzip::deserialize(&mut reader, DEFAULT_MAX_UNPACKED).unwrap();
    assert_eq!(read, value);
    assert_eq!(reader.position(), end);
}

#[test]
fn a_bomb_is_refused_at_the_limit() {
    // 64 MiB of zeros in a string value: about 64 KiB packed.
    let huge = types::RestrictionReason {
        platform: "\0".repeat(16 * 1024 * 1024 - 1),
        reason: String::new(),
        text: String::new(),
    };
    let packed = gzip::pack(&huge.to_bytes()).unwrap();
    assert!(packed.len() < 100_000, "{}", packed.len());
    let err = gzip::unpacked_with_limit::<types::RestrictionReason>(&packed, 1 << 20).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnpackedTooLarge { limit: 1 << 20 }
    );
    assert_eq!(err.offset(), 4);
    assert_eq!(err.path_string(), "gzip_packed.packed_data");
    // Just at the limit, it decodes.
    let exact = huge.to_bytes().len();
    let back = gzip::unpacked_with_limit::<types::RestrictionReason>(&packed, exact).unwrap();
    assert_eq!(back, huge);
    let err =
        gzip::unpacked_with_limit::<types::RestrictionReason>(&packed, exact - 1).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnpackedTooLarge { limit: exact - 1 }
    );
}

#[test]
fn corrupt_data_and_errors_inside() {
    let value = response();
    let mut packed = gzip::pack(&value.to_bytes()).unwrap();
    // Not gzip at all.
    let not_gzip = [&GZIP_PACKED_ID.to_le_bytes()[..], &[4, 1, 2, 3, 4, 0, 0, 0]].concat();
    let err = gzip::unpacked::<enums::messages::ChatInviteImporters>(&not_gzip).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::BadGzip);
    assert_eq!(
        err.to_string(),
        "failed to decode gzip_packed.packed_data at byte 4: gzip_packed data is not a valid gzip stream"
    );
    // A flipped byte in the deflate data fails (CRC or stream).
    let mid = packed.len() / 2;
    packed[mid] ^= 0x55;
    assert!(gzip::unpacked::<enums::messages::ChatInviteImporters>(&packed).is_err());
    // Packed bytes that are not the type: the error is inside, offset in the unpacked bytes.
    let user = enums::User::from(types::UserEmpty { id: 1 });
    let packed = gzip::pack(&user.to_bytes()).unwrap();
    let err = gzip::unpacked::<enums::messages::ChatInviteImporters>(&packed).unwrap_err();
    assert!(matches!(
        err.kind(),
        DecodeErrorKind::UnknownConstructor { .. }
    ));
    assert_eq!(
        (err.offset(), err.path_string().as_str()),
        (0, "gzip_packed.packed_data")
    );
    // Trailing bytes inside the packed data.
    let mut inner = user.to_bytes();
    inner.extend_from_slice(&[0; 4]);
    let packed = gzip::pack(&inner).unwrap();
    let err = gzip::unpacked::<enums::User>(&packed).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::TrailingBytes { count: 4 });
    assert_eq!(err.offset(), 12);
    // The packed data cut short.
    let packed = gzip::pack(&user.to_bytes()).unwrap();
    let err = gzip::unpacked::<enums::User>(&packed[..packed.len() - 4]).unwrap_err();
    assert!(
        matches!(err.kind(), DecodeErrorKind::UnexpectedEof { .. }),
        "{err}"
    );
}
