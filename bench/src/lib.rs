//! Shared pieces of the benches that compare this workspace with grammers (issue 6): where the
//! schema corpus is, the request and the 1000 + 1000 response built with equal field values for
//! both implementations, the importers types generated with `Config::borrowed` (zero-copy
//! decoding), and a quick interleaved timer that prints the ratio at the end of a run.
//!
//! The benches themselves are in `benches/`; `README.md` has the results and the commands.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// `schema/importers.tl` (the shipped types' schema) generated with `Config::borrowed(true)` by
/// build.rs: strings and byte strings are `Cow`s borrowed from the input.
pub mod zero_copy {
    include!(concat!(env!("OUT_DIR"), "/importers_zero_copy.rs"));
}

/// The schema file the parse and generate benches read, relative to the corpus root.
pub const API_FILE: &str = "telegram/api-L228.tl";

/// The corpus root: `schema/corpus/` of the repository, or the folder `TL_CORPUS` names (a relative
/// path is taken from the workspace root). `None` when that folder does not exist.
pub fn corpus_root() -> Option<PathBuf> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = match std::env::var_os("TL_CORPUS") {
        Some(value) => workspace.join(value),
        None => workspace.join("schema/corpus"),
    };
    root.is_dir().then_some(root)
}

/// The text of [`API_FILE`], or `None` after printing a skip line naming `bench`.
pub fn api_schema(bench: &str) -> Option<(String, String)> {
    let Some(root) = corpus_root() else {
        println!(
            "{bench}: skipped, no corpus (schema/corpus/, or TL_CORPUS naming the folder holding {API_FILE})"
        );
        return None;
    };
    let path = root.join(API_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some((path.display().to_string(), text)),
        Err(err) => {
            println!("{bench}: skipped, cannot read {}: {err}", path.display());
            None
        }
    }
}

/// True when the binary runs as a benchmark (`cargo bench`); false under `cargo test --benches`,
/// where criterion runs each function once, and with `--profile-time` (profiling one function):
/// the closing summary is skipped then.
pub fn benchmarking() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|arg| arg == "--bench") && !args.iter().any(|arg| arg == "--profile-time")
}

/// Time of one call of `ours` and of `grammers`: the fastest of alternating batches of about
/// 20 ms each (15 rounds; 5 when one call takes longer) so that both see the same machine load
/// (the CPU is shared and noisy).
pub fn interleaved<A, B>(
    mut ours: impl FnMut() -> A,
    mut grammers: impl FnMut() -> B,
) -> (Duration, Duration) {
    fn batch<T>(f: &mut impl FnMut() -> T, iters: u32) -> Duration {
        let start = Instant::now();
        for _ in 0..iters {
            std::hint::black_box(f());
        }
        start.elapsed() / iters
    }
    fn iters_for<T>(f: &mut impl FnMut() -> T) -> u32 {
        let one = batch(f, 1).max(Duration::from_nanos(1));
        (Duration::from_millis(20).as_nanos() / one.as_nanos()).clamp(1, 1_000_000) as u32
    }
    let (n_ours, n_grammers) = (iters_for(&mut ours), iters_for(&mut grammers));
    // Slow workloads (one call per batch) get fewer rounds to keep the run short.
    let rounds = if n_ours == 1 || n_grammers == 1 {
        5
    } else {
        15
    };
    let mut a = Vec::new();
    let mut b = Vec::new();
    for _ in 0..rounds {
        a.push(batch(&mut ours, n_ours));
        b.push(batch(&mut grammers, n_grammers));
    }
    // The fastest batch: on a shared machine the slow ones measure the other load, not the code.
    (a.into_iter().min().unwrap(), b.into_iter().min().unwrap())
}

/// One line of a bench's closing summary.
pub struct Row {
    /// The workload.
    pub name: String,
    /// Our time per call.
    pub ours: Duration,
    /// grammers' time per call.
    pub grammers: Duration,
    /// Bytes processed per call, for MB/s.
    pub bytes: Option<usize>,
    /// The target speed-up (grammers time / our time), if the issue sets one.
    pub target: Option<f64>,
}

impl Row {
    /// A row without throughput.
    pub fn new(name: &str, (ours, grammers): (Duration, Duration), target: Option<f64>) -> Self {
        Row {
            name: name.to_owned(),
            ours,
            grammers,
            bytes: None,
            target,
        }
    }

    /// The same row with a throughput in bytes per call.
    pub fn bytes(mut self, bytes: usize) -> Self {
        self.bytes = Some(bytes);
        self
    }
}

fn show(d: Duration) -> String {
    let ns = d.as_nanos() as f64;
    if ns < 1e3 {
        format!("{ns:.0} ns")
    } else if ns < 1e6 {
        format!("{:.2} µs", ns / 1e3)
    } else if ns < 1e9 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.2} s", ns / 1e9)
    }
}

fn mbps(bytes: usize, d: Duration) -> String {
    format!("{:.0} MB/s", bytes as f64 / d.as_secs_f64() / 1e6)
}

/// Prints the closing summary of a bench: per row our time, grammers' time, the speed-up
/// (grammers / ours, above 1 means we are faster) and whether the target is met.
pub fn print_summary(title: &str, rows: &[Row]) {
    println!();
    println!(
        "== {title}: ours vs grammers (interleaved quick measurement, best of alternating batches) =="
    );
    for row in rows {
        let speedup = row.grammers.as_secs_f64() / row.ours.as_secs_f64();
        let rate = match row.bytes {
            Some(n) => format!(" [{} vs {}]", mbps(n, row.ours), mbps(n, row.grammers)),
            None => String::new(),
        };
        let target = match row.target {
            Some(t) => format!(
                "target >= {t}x: {}",
                if speedup >= t { "met" } else { "MISSED" }
            ),
            None => "no target".to_owned(),
        };
        println!(
            "{:<40} ours {:>10}  grammers {:>10}  speed-up {:>5.2}x  {target}{rate}",
            row.name,
            show(row.ours),
            show(row.grammers),
            speedup
        );
    }
}

/// The request messages.getChatInviteImporters with every flag set, for both implementations.
pub mod request {
    /// Ours.
    pub fn ours() -> tl_types::functions::messages::GetChatInviteImporters {
        use tl_types::types;
        tl_types::functions::messages::GetChatInviteImporters {
            requested: true,
            subscription_expired: true,
            peer: types::InputPeerChannel {
                channel_id: 1_234_567_890_123,
                access_hash: -7_654_321_987_654_321,
            }
            .into(),
            link: Some("https://t.me/+AbCdEfGhIjKlMnOp".to_owned()),
            q: Some("alice".to_owned()),
            offset_date: 1_700_000_000,
            offset_user: types::InputUser {
                user_id: 987_654_321,
                access_hash: 1_122_334_455_667_788,
            }
            .into(),
            limit: 100,
        }
    }

    /// grammers', with the same values.
    pub fn grammers() -> grammers_tl_types::functions::messages::GetChatInviteImporters {
        use grammers_tl_types::{enums, types};
        grammers_tl_types::functions::messages::GetChatInviteImporters {
            requested: true,
            subscription_expired: true,
            peer: enums::InputPeer::Channel(types::InputPeerChannel {
                channel_id: 1_234_567_890_123,
                access_hash: -7_654_321_987_654_321,
            }),
            link: Some("https://t.me/+AbCdEfGhIjKlMnOp".to_owned()),
            q: Some("alice".to_owned()),
            offset_date: 1_700_000_000,
            offset_user: enums::InputUser::User(types::InputUser {
                user_id: 987_654_321,
                access_hash: 1_122_334_455_667_788,
            }),
            limit: 100,
        }
    }
}

/// A messages.chatInviteImporters response with `n` importers and `n` users, for both
/// implementations, with equal field values, as the boxed type `messages.ChatInviteImporters`
/// (what the request returns; grammers' `types::` structs encode bare, its `enums::` boxed). Users carry most optional fields, as a client sees
/// them: access hash, names, username, phone, photo with a stripped thumbnail, status, language,
/// emoji status, usernames, stories, colours; every 10th is a bot (bot fields set), every 50th is
/// restricted (one restriction reason).
pub mod response {
    /// The field values of user `i`, shared by both builders.
    struct Person {
        id: i64,
        access_hash: i64,
        first_name: String,
        last_name: String,
        username: String,
        phone: String,
        photo_id: i64,
        thumb: Vec<u8>,
        online_until: i32,
        bot: bool,
        restricted: bool,
        premium: bool,
        lang: &'static str,
    }

    fn person(i: usize) -> Person {
        let i64_ = i as i64;
        Person {
            id: 5_000_000_000 + i64_ * 7919,
            access_hash: (i64_ + 1).wrapping_mul(0x5DEE_CE66_D1CE_4E5B),
            first_name: format!("Firstname{i}"),
            last_name: format!("Lastname-{}", i * 31 % 997),
            username: format!("user_{i:05}"),
            phone: format!("1555{:07}", i * 13),
            photo_id: 6_000_000_000_000 + i64_,
            thumb: (0..36).map(|k| (k * 7 + i) as u8).collect(),
            online_until: 1_700_000_000 + i as i32,
            bot: i.is_multiple_of(10),
            restricted: i.is_multiple_of(50),
            premium: i.is_multiple_of(3),
            lang: ["en", "de", "pt-br", "ru", "es"][i % 5],
        }
    }

    fn about(i: usize) -> Option<String> {
        (i.is_multiple_of(4)).then(|| format!("Joined through the spring campaign, request #{i}"))
    }

    /// Ours.
    pub fn ours(n: usize) -> tl_types::enums::messages::ChatInviteImporters {
        use tl_types::{enums, types};
        let importers = (0..n)
            .map(|i| {
                let p = person(i);
                enums::ChatInviteImporter::from(types::ChatInviteImporter {
                    requested: i.is_multiple_of(2),
                    via_chatlist: i.is_multiple_of(7),
                    user_id: p.id,
                    date: 1_690_000_000 + i as i32,
                    about: about(i),
                    approved_by: (!i.is_multiple_of(2)).then_some(777_000),
                })
            })
            .collect();
        let users = (0..n)
            .map(|i| {
                let p = person(i);
                let user = types::User {
                    self_: false,
                    contact: i.is_multiple_of(5),
                    mutual_contact: i.is_multiple_of(10),
                    deleted: false,
                    bot_chat_history: false,
                    bot_nochats: p.bot,
                    verified: false,
                    min: false,
                    bot_inline_geo: false,
                    support: false,
                    scam: false,
                    apply_min_photo: true,
                    fake: false,
                    bot_attach_menu: false,
                    premium: p.premium,
                    attach_menu_enabled: false,
                    bot_can_edit: false,
                    close_friend: false,
                    stories_hidden: false,
                    stories_unavailable: true,
                    contact_require_premium: false,
                    bot_business: false,
                    bot_has_main_app: false,
                    bot_forum_view: false,
                    bot_forum_can_manage_topics: false,
                    bot_can_manage_bots: false,
                    bot_guestchat: false,
                    bot_guard: false,
                    id: p.id,
                    access_hash: Some(p.access_hash),
                    first_name: Some(p.first_name),
                    last_name: Some(p.last_name),
                    username: Some(p.username.clone()),
                    phone: Some(p.phone),
                    photo: Some(
                        types::UserProfilePhoto {
                            has_video: false,
                            personal: false,
                            photo_id: p.photo_id,
                            stripped_thumb: Some(p.thumb),
                            dc_id: 2,
                        }
                        .into(),
                    ),
                    status: Some(
                        types::UserStatusOnline {
                            expires: p.online_until,
                        }
                        .into(),
                    ),
                    bot_info_version: p.bot.then_some(3),
                    restriction_reason: p.restricted.then(|| {
                        vec![
                            types::RestrictionReason {
                                platform: "ios".to_owned(),
                                reason: "porn".to_owned(),
                                text: "This account is unavailable on iOS.".to_owned(),
                            }
                            .into(),
                        ]
                    }),
                    bot_inline_placeholder: p.bot.then(|| "Search...".to_owned()),
                    lang_code: Some(p.lang.to_owned()),
                    emoji_status: p.premium.then(|| {
                        types::EmojiStatus {
                            document_id: 5_368_324_170_671_202_286,
                            until: None,
                        }
                        .into()
                    }),
                    usernames: Some(vec![
                        types::Username {
                            editable: true,
                            active: true,
                            username: p.username,
                        }
                        .into(),
                    ]),
                    stories_max_id: Some(
                        types::RecentStory {
                            live: false,
                            max_id: Some(12),
                        }
                        .into(),
                    ),
                    color: Some(
                        types::PeerColor {
                            color: Some(5),
                            background_emoji_id: None,
                        }
                        .into(),
                    ),
                    profile_color: Some(
                        types::PeerColor {
                            color: Some(2),
                            background_emoji_id: Some(5_433_614_043_006_903_194),
                        }
                        .into(),
                    ),
                    bot_active_users: p.bot.then_some(12_345),
                    bot_verification_icon: None,
                    send_paid_messages_stars: None,
                    linked_community_id: None,
                };
                enums::User::from(user)
            })
            .collect();
        types::messages::ChatInviteImporters {
            count: n as i32,
            importers,
            users,
        }
        .into()
    }

    /// Ours with every optional field of every user and importer present (the bench's second
    /// shape): the fields [`ours`] leaves to bots, premium users and the restricted, and the rest.
    /// grammers' value of it is decoded from its bytes (and checked to encode them again).
    pub fn ours_full(n: usize) -> tl_types::enums::messages::ChatInviteImporters {
        use tl_types::{enums, types};
        let enums::messages::ChatInviteImporters::ChatInviteImporters(mut body) = ours(n);
        for (i, importer) in body.importers.iter_mut().enumerate() {
            let enums::ChatInviteImporter::ChatInviteImporter(importer) = importer;
            importer.requested = true;
            importer.via_chatlist = true;
            importer.about = Some(format!("Joined through the spring campaign, request #{i}"));
            importer.approved_by = Some(777_000);
        }
        for user in &mut body.users {
            let enums::User::User(user) = user else {
                continue;
            };
            user.bot_info_version = Some(3);
            user.restriction_reason = Some(vec![
                types::RestrictionReason {
                    platform: "ios".to_owned(),
                    reason: "porn".to_owned(),
                    text: "This account is unavailable on iOS.".to_owned(),
                }
                .into(),
            ]);
            user.bot_inline_placeholder = Some("Search...".to_owned());
            user.emoji_status = Some(
                types::EmojiStatus {
                    document_id: 5_368_324_170_671_202_286,
                    until: Some(1_800_000_000),
                }
                .into(),
            );
            user.bot_active_users = Some(12_345);
            user.bot_verification_icon = Some(5_000_000_000_001);
            user.send_paid_messages_stars = Some(250);
            user.linked_community_id = Some(-1_002_000_000_000);
        }
        body.into()
    }

    /// grammers', with the same values.
    pub fn grammers(n: usize) -> grammers_tl_types::enums::messages::ChatInviteImporters {
        use grammers_tl_types::{enums, types};
        let importers = (0..n)
            .map(|i| {
                let p = person(i);
                enums::ChatInviteImporter::Importer(types::ChatInviteImporter {
                    requested: i.is_multiple_of(2),
                    via_chatlist: i.is_multiple_of(7),
                    user_id: p.id,
                    date: 1_690_000_000 + i as i32,
                    about: about(i),
                    approved_by: (!i.is_multiple_of(2)).then_some(777_000),
                })
            })
            .collect();
        let users = (0..n)
            .map(|i| {
                let p = person(i);
                enums::User::User(types::User {
                    is_self: false,
                    contact: i.is_multiple_of(5),
                    mutual_contact: i.is_multiple_of(10),
                    deleted: false,
                    bot: p.bot,
                    bot_chat_history: false,
                    bot_nochats: p.bot,
                    verified: false,
                    restricted: p.restricted,
                    min: false,
                    bot_inline_geo: false,
                    support: false,
                    scam: false,
                    apply_min_photo: true,
                    fake: false,
                    bot_attach_menu: false,
                    premium: p.premium,
                    attach_menu_enabled: false,
                    bot_can_edit: false,
                    close_friend: false,
                    stories_hidden: false,
                    stories_unavailable: true,
                    contact_require_premium: false,
                    bot_business: false,
                    bot_has_main_app: false,
                    bot_forum_view: false,
                    bot_forum_can_manage_topics: false,
                    bot_can_manage_bots: false,
                    bot_guestchat: false,
                    bot_guard: false,
                    id: p.id,
                    access_hash: Some(p.access_hash),
                    first_name: Some(p.first_name),
                    last_name: Some(p.last_name),
                    username: Some(p.username.clone()),
                    phone: Some(p.phone),
                    photo: Some(enums::UserProfilePhoto::Photo(types::UserProfilePhoto {
                        has_video: false,
                        personal: false,
                        photo_id: p.photo_id,
                        stripped_thumb: Some(p.thumb),
                        dc_id: 2,
                    })),
                    status: Some(enums::UserStatus::Online(types::UserStatusOnline {
                        expires: p.online_until,
                    })),
                    bot_info_version: p.bot.then_some(3),
                    restriction_reason: p.restricted.then(|| {
                        vec![enums::RestrictionReason::Reason(types::RestrictionReason {
                            platform: "ios".to_owned(),
                            reason: "porn".to_owned(),
                            text: "This account is unavailable on iOS.".to_owned(),
                        })]
                    }),
                    bot_inline_placeholder: p.bot.then(|| "Search...".to_owned()),
                    lang_code: Some(p.lang.to_owned()),
                    emoji_status: p.premium.then_some(enums::EmojiStatus::Status(
                        types::EmojiStatus {
                            document_id: 5_368_324_170_671_202_286,
                            until: None,
                        },
                    )),
                    usernames: Some(vec![enums::Username::Username(types::Username {
                        editable: true,
                        active: true,
                        // Layer 230 (grammers 0.11) added these two `?true` flags; false keeps the
                        // bytes equal to layer 228's and the constructor id is unchanged.
                        deletable: false,
                        expired: false,
                        username: p.username,
                    })]),
                    stories_max_id: Some(enums::RecentStory::Story(types::RecentStory {
                        live: false,
                        max_id: Some(12),
                    })),
                    color: Some(enums::PeerColor::Color(types::PeerColor {
                        color: Some(5),
                        background_emoji_id: None,
                    })),
                    profile_color: Some(enums::PeerColor::Color(types::PeerColor {
                        color: Some(2),
                        background_emoji_id: Some(5_433_614_043_006_903_194),
                    })),
                    bot_active_users: p.bot.then_some(12_345),
                    bot_verification_icon: None,
                    send_paid_messages_stars: None,
                    linked_community_id: None,
                })
            })
            .collect();
        enums::messages::ChatInviteImporters::Importers(types::messages::ChatInviteImporters {
            count: n as i32,
            importers,
            users,
        })
    }
}

/// Panics with the first differing offset when the two encodings are not byte-for-byte equal.
pub fn assert_same_bytes(what: &str, ours: &[u8], grammers: &[u8]) {
    if ours == grammers {
        return;
    }
    let at = ours
        .iter()
        .zip(grammers)
        .position(|(a, b)| a != b)
        .unwrap_or(ours.len().min(grammers.len()));
    let window = |b: &[u8]| b[at.saturating_sub(8)..(at + 8).min(b.len())].to_vec();
    panic!(
        "{what}: our bytes differ from grammers' ({} vs {} bytes), first at offset {at}: ours {:02x?}, grammers {:02x?}",
        ours.len(),
        grammers.len(),
        window(ours),
        window(grammers)
    );
}
