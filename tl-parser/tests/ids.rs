//! Id normalization on real lines of the corpus (single lines copied as literals): canonical forms,
//! both rule sets, and every kind of intentional mismatch with its explanation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use tl_parser::ids::{canonical, crc32};
use tl_parser::{Definition, Severity};
use tl_parser::{IdMismatch, IdRule, IdStatus};

/// Parses `text` (undefined types are fine here) and returns the definition called `name`.
fn def(text: &str, name: &str) -> Definition {
    let (_, parsed) = tl_parser::parse_str("test.tl", text);
    let syntax: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == tl_parser::Code::Syntax)
        .collect();
    assert!(syntax.is_empty(), "{syntax:?}");
    parsed
        .schema
        .definitions()
        .iter()
        .find(|d| d.name.full == name)
        .unwrap_or_else(|| panic!("no definition {name} in {text}"))
        .clone()
}

/// The explanation of `name`'s mismatch; fails when the id verifies or nothing explains it.
fn explanation(text: &str, name: &str) -> String {
    match def(text, name).id_status {
        IdStatus::Mismatch(IdMismatch {
            explanation: Some(e),
        }) => e,
        other => panic!("{name}: expected an explained mismatch, got {other:?}"),
    }
}

fn status(text: &str, name: &str) -> IdStatus {
    def(text, name).id_status
}

const GET_CHAT_INVITE_IMPORTERS: &str = "---functions---\nmessages.getChatInviteImporters#df04dd4e flags:# \
    requested:flags.0?true subscription_expired:flags.3?true peer:InputPeer link:flags.1?string \
    q:flags.2?string offset_date:int offset_user:InputUser limit:int = messages.ChatInviteImporters;";

#[test]
fn telegram_rule_drops_true_flags() {
    let d = def(GET_CHAT_INVITE_IMPORTERS, "messages.getChatInviteImporters");
    assert_eq!(
        canonical(&d, IdRule::Telegram),
        "messages.getChatInviteImporters flags:# peer:InputPeer link:flags.1?string q:flags.2?string \
         offset_date:int offset_user:InputUser limit:int = messages.ChatInviteImporters"
    );
    assert_eq!(d.computed_ids.telegram, 0xdf04dd4e);
    assert_ne!(d.computed_ids.reference, 0xdf04dd4e);
    assert!(canonical(&d, IdRule::Reference).contains("requested:flags.0?true"));
    assert_eq!(d.id_status, IdStatus::Verified(IdRule::Telegram));
    assert_eq!(d.category, tl_parser::Category::Function);
}

#[test]
fn plain_lines_verify_with_the_reference_rule() {
    let text = "messages.chatInviteImporters#81b6b00a count:int importers:Vector<ChatInviteImporter> \
                users:Vector<User> = messages.ChatInviteImporters;";
    let d = def(text, "messages.chatInviteImporters");
    assert_eq!(
        canonical(&d, IdRule::Reference),
        "messages.chatInviteImporters count:int importers:Vector ChatInviteImporter users:Vector User = \
         messages.ChatInviteImporters"
    );
    assert_eq!(d.computed_ids.reference, 0x81b6b00a);
    assert_eq!(d.computed_ids.telegram, 0x81b6b00a);
    assert_eq!(d.id_status, IdStatus::Verified(IdRule::Reference));
}

#[test]
fn bytes_is_read_as_string_only_at_the_top_of_a_field_type() {
    // `?bytes` is read as `string` ...
    let text = "userProfilePhoto#82d1f706 flags:# has_video:flags.0?true personal:flags.2?true photo_id:long \
                stripped_thumb:flags.1?bytes dc_id:int = UserProfilePhoto;";
    let d = def(text, "userProfilePhoto");
    assert_eq!(
        canonical(&d, IdRule::Telegram),
        "userProfilePhoto flags:# photo_id:long stripped_thumb:flags.1?string dc_id:int = UserProfilePhoto"
    );
    assert_eq!(d.id_status, IdStatus::Verified(IdRule::Telegram));
    // ... and so is `:bytes` ...
    let text = "inputMediaStakeDice#f3a9244a game_hash:string ton_amount:long client_seed:bytes = InputMedia;";
    let d = def(text, "inputMediaStakeDice");
    assert!(canonical(&d, IdRule::Telegram).ends_with("client_seed:string = InputMedia"));
    assert_eq!(d.id_status, IdStatus::Verified(IdRule::Telegram));
    // ... but not inside `Vector<bytes>`.
    let text = "updateMessagePollVote#7699f014 poll_id:long peer:Peer options:Vector<bytes> positions:Vector<int> \
                qts:int = Update;";
    let d = def(text, "updateMessagePollVote");
    assert_eq!(
        canonical(&d, IdRule::Telegram),
        "updateMessagePollVote poll_id:long peer:Peer options:Vector bytes positions:Vector int qts:int = Update"
    );
    assert_eq!(d.id_status, IdStatus::Verified(IdRule::Reference));
}

#[test]
fn reference_ids_of_tdlib_and_ton_lines() {
    let d = def(
        "minithumbnail width:int32 height:int32 data:bytes = Minithumbnail;",
        "minithumbnail",
    );
    assert_eq!(d.computed_ids.reference, 0xec6addaa);
    assert_eq!(d.id, 0xec6addaa);
    assert_eq!(d.id_status, IdStatus::Undeclared);

    let d = def(
        "adnl.nodes nodes:(vector adnl.node) = adnl.Nodes;",
        "adnl.nodes",
    );
    assert_eq!(
        canonical(&d, IdRule::Reference),
        "adnl.nodes nodes:vector adnl.node = adnl.Nodes"
    );
    assert_eq!(d.computed_ids.reference, 0xa209db56);

    let text = "---functions---\nliteServer.getBlockOutMsgQueueSize mode:# id:tonNode.blockIdExt \
                want_proof:mode.0?true = liteServer.BlockOutMsgQueueSize;";
    let d = def(text, "liteServer.getBlockOutMsgQueueSize");
    assert_eq!(d.computed_ids.reference, 0x8f6c7779);
    assert_ne!(
        d.computed_ids.telegram, 0x8f6c7779,
        "the reference rule keeps ?true fields"
    );
    assert_eq!(d.id, 0x8f6c7779);
}

#[test]
fn builtins() {
    let d = def("vector#1cb5c415 {t:Type} # [ t ] = Vector t;", "vector");
    assert_eq!(
        canonical(&d, IdRule::Reference),
        "vector t:Type # [ t ] = Vector t"
    );
    assert_eq!(d.id_status, IdStatus::Verified(IdRule::Reference));
    // TON and TDLib write it without the id; the computed one is the same.
    let d = def("vector {t:Type} # [ t ] = Vector t;", "vector");
    assert_eq!(d.id, 0x1cb5c415);

    let d = def("int128 4*[ int ] = Int128;", "int128");
    assert_eq!(
        canonical(&d, IdRule::Reference),
        "int128 4*[ int ] = Int128"
    );
    assert_eq!(d.computed_ids.reference, crc32("int128 4*[ int ] = Int128"));

    let d = def("int ? = Int;", "int");
    assert_eq!(canonical(&d, IdRule::Reference), "int ? = Int");
    assert_eq!(d.computed_ids.reference, crc32("int ? = Int"));
    assert_eq!(d.id_status, IdStatus::Undeclared);

    let d = def("true#3fedd339 = True;", "true");
    assert_eq!(canonical(&d, IdRule::Reference), "true = True");
    assert_eq!(d.id_status, IdStatus::Verified(IdRule::Reference));
}

#[test]
fn type_parameters_nested_vectors_and_percent() {
    let text = "---functions---\ninvokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;";
    let d = def(text, "invokeWithLayer");
    assert_eq!(
        canonical(&d, IdRule::Telegram),
        "invokeWithLayer X:Type layer:int query:!X = X"
    );
    assert_eq!(d.id_status, IdStatus::Verified(IdRule::Reference));

    let d = def(
        "tlsBlockPermutation entries:Vector<Vector<TlsBlock>> = TlsBlock;",
        "tlsBlockPermutation",
    );
    assert_eq!(
        canonical(&d, IdRule::Reference),
        "tlsBlockPermutation entries:Vector Vector TlsBlock = TlsBlock"
    );

    // mtproto_api's commented-out msg_container: `%Message` is kept as written, and that is not what
    // the declared id was computed from (it was `message`), so it does not verify.
    let text = "msg_container#73f1f8dc messages:vector<%Message> = MessageContainer;";
    let d = def(text, "msg_container");
    assert_eq!(
        canonical(&d, IdRule::Reference),
        "msg_container messages:vector %Message = MessageContainer"
    );
    assert_eq!(
        crc32("msg_container messages:vector message = MessageContainer"),
        0x73f1f8dc
    );
    assert_eq!(
        d.id_status,
        IdStatus::Mismatch(IdMismatch { explanation: None })
    );
}

#[test]
fn spacing_and_line_breaks_do_not_change_ids() {
    let one = def(
        "resPQ#05162463 nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector<long> = ResPQ;",
        "resPQ",
    );
    let spread = def(
        "resPQ#05162463\n  nonce:int128   server_nonce:int128\n\tpq:string // comment\n  server_public_key_fingerprints:Vector<long>\n  = ResPQ ;",
        "resPQ",
    );
    assert_eq!(one.computed_ids, spread.computed_ids);
    assert_eq!(one.id_status, IdStatus::Verified(IdRule::Reference));
    assert_eq!(one.declared_id, Some(0x05162463));
    // Short ids are fine too.
    let text = "inputStickerSetThumbLegacy#dbaeae9 stickerset:InputStickerSet volume_id:long local_id:int = InputFileLocation;";
    assert_eq!(
        def(text, "inputStickerSetThumbLegacy").declared_id,
        Some(0xdbaeae9)
    );
}

#[test]
fn mismatch_layer_suffix() {
    let text = "decryptedMessage8#1f814f1f random_id:long random_bytes:bytes message:string \
                media:DecryptedMessageMedia = DecryptedMessage;";
    assert_eq!(
        explanation(text, "decryptedMessage8"),
        "matches the name decryptedMessage"
    );
    let text = "documentAttributeAudio23#51448e5 duration:int = DocumentAttribute;";
    assert_eq!(
        explanation(text, "documentAttributeAudio23"),
        "matches the name documentAttributeAudio"
    );
}

#[test]
fn mismatch_legacy_suffix() {
    let text = "inputPeerPhotoFileLocationLegacy#27d69997 flags:# big:flags.0?true peer:InputPeer volume_id:long \
                local_id:int = InputFileLocation;";
    assert_eq!(
        explanation(text, "inputPeerPhotoFileLocationLegacy"),
        "matches the name inputPeerPhotoFileLocation"
    );
    let text = "inputStickerSetThumbLegacy#dbaeae9 stickerset:InputStickerSet volume_id:long local_id:int = \
                InputFileLocation;";
    assert_eq!(
        explanation(text, "inputStickerSetThumbLegacy"),
        "matches the name inputStickerSetThumb"
    );
}

#[test]
fn bytes_kept_as_written_verifies_with_the_reference_rule() {
    // The corpus README says these verify only "without the bytes rule". Neither has a `?true` field,
    // so Telegram's rule without the bytes rule is the reference rule, and a declared id matching
    // either rule set verifies: they are verified, by the reference rule, not mismatches.
    let text = "ipPortSecret#37982646 ipv4:int port:int secret:bytes = IpPort;";
    assert_eq!(
        status(text, "ipPortSecret"),
        IdStatus::Verified(IdRule::Reference)
    );
    let text = "decryptedMessageMediaDocument#6abd9782 thumb:bytes thumb_w:int thumb_h:int mime_type:string \
                size:long key:bytes iv:bytes attributes:Vector<DocumentAttribute> caption:string = \
                DecryptedMessageMedia;";
    let d = def(text, "decryptedMessageMediaDocument");
    assert_eq!(d.id_status, IdStatus::Verified(IdRule::Reference));
    assert_ne!(d.computed_ids.telegram, 0x6abd9782);
}

#[test]
fn mismatch_without_the_bytes_rule() {
    // With a `?true` field as well, only Telegram's rule minus the bytes rule gives the id.
    let text = "inputSecretFile#ebf997c9 flags:# big:flags.0?true data:bytes = InputSecretFile;";
    let d = def(text, "inputSecretFile");
    assert_eq!(d.computed_ids.reference, 0x8b30b709);
    assert_eq!(d.computed_ids.telegram, 0xefbb8593);
    assert_eq!(
        explanation(text, "inputSecretFile"),
        "matches without the bytes rule"
    );
}

#[test]
fn mismatch_trailing_fields_appended_later() {
    let cases = [
        (
            "liteServer.transactionId#b12f65af mode:# account:mode.0?int256 lt:mode.1?long hash:mode.2?int256 \
             metadata:mode.8?liteServer.transactionMetadata = liteServer.TransactionId;",
            "liteServer.transactionId",
            "metadata",
        ),
        (
            "---functions---\nliteServer.getValidatorStats#091a58bc mode:# id:tonNode.blockIdExt limit:int \
             start_after:mode.0?int256 modified_after:mode.2?int = liteServer.ValidatorStats;",
            "liteServer.getValidatorStats",
            "modified_after",
        ),
        (
            // ton_api's db.block.info spans several lines.
            "db.block.info#4ac6e727 id:tonNode.blockIdExt flags:# prev_left:flags.1?tonNode.blockIdExt\n\
             \x20                                           prev_right:flags.2?tonNode.blockIdExt\n\
             \x20                                           next_left:flags.3?tonNode.blockIdExt\n\
             \x20                                           next_right:flags.4?tonNode.blockIdExt\n\
             \x20                                           lt:flags.13?long\n\
             \x20                                           ts:flags.14?int\n\
             \x20                                           state:flags.17?int256\n\
             \x20                                           masterchain_ref_seqno:flags.23?int = db.block.Info;",
            "db.block.info",
            "masterchain_ref_seqno",
        ),
        (
            "collatorNode.pong#5bbf0521 flags:# version:flags.0?int = collatorNode.Pong;",
            "collatorNode.pong",
            "version",
        ),
    ];
    for (text, name, field) in cases {
        assert_eq!(
            explanation(text, name),
            format!("matches without the trailing field `{field}` (appended later)")
        );
    }
}

#[test]
fn mismatch_result_type_object() {
    let text = "gzip_packed#3072cfa1 packed_data:string = GzipPacked;";
    assert_eq!(
        explanation(text, "gzip_packed"),
        "matches with the result type Object"
    );
}

#[test]
fn mismatch_dotted_name() {
    let text = "liteServer.signatureSet.ordinary#f644a6e6 validator_set_hash:int catchain_seqno:int \
                signatures:(vector liteServer.signature) = liteServer.SignatureSet;";
    assert_eq!(
        explanation(text, "liteServer.signatureSet.ordinary"),
        "matches the name liteServer.signatureSet"
    );
}

#[test]
fn mismatch_shared_id_of_a_longer_definition() {
    let text = "---functions---\n\
        invokeWithBusinessConnectionPrefix#dd289f8e connection_id:string = Error;\n\
        invokeWithGooglePlayIntegrityPrefix#1df92984 nonce:string token:string = Error;\n\
        invokeWithApnsSecretPrefix#0dae54f8 nonce:string secret:string = Error;\n\
        invokeWithReCaptchaPrefix#adbb0f94 token:string = Error;\n\
        invokeWithBusinessConnection#dd289f8e {X:Type} connection_id:string query:!X = X;\n\
        invokeWithGooglePlayIntegrity#1df92984 {X:Type} nonce:string token:string query:!X = X;\n\
        invokeWithApnsSecret#0dae54f8 {X:Type} nonce:string secret:string query:!X = X;\n\
        invokeWithReCaptcha#adbb0f94 {X:Type} token:string query:!X = X;\n";
    for generic in [
        "invokeWithBusinessConnection",
        "invokeWithGooglePlayIntegrity",
        "invokeWithApnsSecret",
        "invokeWithReCaptcha",
    ] {
        assert_eq!(
            explanation(text, &format!("{generic}Prefix")),
            format!("shares the id of {generic}, whose leading parameters it repeats")
        );
        assert_eq!(status(text, generic), IdStatus::Verified(IdRule::Reference));
    }
    // The shared ids are a note, not an error.
    let (_, parsed) = tl_parser::parse_str(
        "test.tl",
        &format!("error#c4b9f9bb code:int text:string = Error;\n{text}"),
    );
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let shared: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == tl_parser::Code::SharedId)
        .collect();
    assert_eq!(shared.len(), 4);
    assert!(shared.iter().all(|d| d.severity == Severity::Note));

    // Without the longer definition, nothing explains the id.
    let alone = "---functions---\ninvokeWithReCaptchaPrefix#adbb0f94 token:string = Error;";
    assert_eq!(
        status(alone, "invokeWithReCaptchaPrefix"),
        IdStatus::Mismatch(IdMismatch { explanation: None })
    );
}

#[test]
fn mismatch_known_historical_ids() {
    let text = "accessPointRule#4679b65f phone_prefix_rules:string dc_id:int ips:vector<IpPort> = AccessPointRule;";
    assert!(explanation(text, "accessPointRule").contains("tdesktop's generator whitelists"));
    // grammers spells the field `bytes`: still the same whitelisted id.
    let text = "accessPointRule#4679b65f phone_prefix_rules:bytes dc_id:int ips:vector<IpPort> = AccessPointRule;";
    assert!(explanation(text, "accessPointRule").contains("typeIdExceptions"));
    let text = "help.configSimple#5a592a6c date:int expires:int rules:vector<AccessPointRule> = help.ConfigSimple;";
    assert!(explanation(text, "help.configSimple").contains("whitelists"));
    let text = "tonNode.capabilities#f5bf60c0 version_major:int version_minor:int flags:# = tonNode.Capabilities;";
    assert_eq!(
        explanation(text, "tonNode.capabilities"),
        "is the id of its older definition `tonNode.capabilities version:int capabilities:long = tonNode.Capabilities`"
    );
    // The table applies to that name and id only.
    let text = "accessPointRule#4679b65e phone_prefix_rules:string dc_id:int ips:vector<IpPort> = AccessPointRule;";
    assert_eq!(
        status(text, "accessPointRule"),
        IdStatus::Mismatch(IdMismatch { explanation: None })
    );
}

#[test]
fn unexplained_mismatch_is_an_error_with_both_ids() {
    let (_, parsed) = tl_parser::parse_str(
        "test.tl",
        "userStatusOnline#deadbeef expires:int = UserStatus;",
    );
    let d = parsed.schema.definitions().first().unwrap();
    assert_eq!(
        d.id_status,
        IdStatus::Mismatch(IdMismatch { explanation: None })
    );
    assert_eq!(d.id, 0xdeadbeef, "the declared id is still the one used");
    let diag = parsed
        .diagnostics
        .iter()
        .find(|d| d.code == tl_parser::Code::IdMismatch)
        .unwrap();
    assert_eq!(diag.severity, Severity::Error);
    assert!(diag.message.contains("0xdeadbeef"), "{}", diag.message);
    assert!(
        diag.message
            .contains(&format!("0x{:08x}", d.computed_ids.reference)),
        "{}",
        diag.message
    );
    assert!(
        diag.message
            .contains(&format!("0x{:08x}", d.computed_ids.telegram)),
        "{}",
        diag.message
    );
    assert_eq!(d.computed_ids.reference, 0xedb93949);
}
