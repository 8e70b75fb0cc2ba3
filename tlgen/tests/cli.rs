//! Runs the `tlgen` binary on small temporary schemas, and on every schema of the corpus.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod harness;

use harness::run::{stderr, stdout};

/// A temporary folder removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("tlgen-cli-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tlgen(args: &[&str], files: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tlgen"))
        .args(args)
        .args(files)
        .output()
        .unwrap()
}

const CLEAN: &str = "int ? = Int;\nuserStatusOnline#edb93949 expires:int = UserStatus;\n";

#[test]
fn check_clean_file_exits_0_with_a_summary() {
    let dir = TempDir::new("clean");
    let path = dir.file("clean.tl", CLEAN);
    let out = tlgen(&["check"], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("{}: ok\n", path.display())),
        "{text}"
    );
    assert!(
        text.contains("definitions: 2 (1 constructors, 0 functions, 1 built-in primitives)"),
        "{text}"
    );
    assert!(text.contains("types:       1\n"), "{text}");
    assert!(
        text.contains(
            "1 declared: 1 verified (1 by the reference rule, 0 by Telegram's rule); 1 computed"
        ),
        "{text}"
    );
    assert!(
        text.contains("mismatches:  0 explained, 0 unexplained"),
        "{text}"
    );
    assert!(
        text.contains("diagnostics: 0 errors, 0 warnings, 0 notes"),
        "{text}"
    );
    assert!(stderr(&out).is_empty());
}

#[test]
fn check_reports_located_errors_without_colour_and_exits_1() {
    let dir = TempDir::new("errors");
    let path = dir.file(
        "bad.tl",
        "int ? = Int;\nuser id:int status:UserStatus = User;\n",
    );
    let out = tlgen(&["check"], &[&path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error[undefined-type]: cannot find type `UserStatus` of field `status`"),
        "{err}"
    );
    assert!(err.contains(&format!("{}:2:20", path.display())), "{err}");
    assert!(err.contains("^^^^^^^^^^"), "{err}");
    assert!(
        !err.contains('\x1b'),
        "stderr is not a terminal here: no colour"
    );
    assert!(stdout(&out).contains(": FAILED\n"));
}

#[test]
fn deny_mismatches_turns_explained_mismatches_into_errors() {
    let dir = TempDir::new("deny");
    let path = dir.file(
        "legacy.tl",
        "inputStickerSetEmpty#ffb62b95 = InputStickerSet;\n\
         inputStickerSetThumbLegacy#dbaeae9 stickerset:InputStickerSet volume_id:long local_id:int = InputFileLocation;\n",
    );
    let lenient = tlgen(&["check"], &[&path]);
    assert_eq!(lenient.status.code(), Some(0), "{}", stderr(&lenient));
    let err = stderr(&lenient);
    assert!(err.contains("warning[id-mismatch]"), "{err}");
    assert!(stdout(&lenient).contains("mismatches:  1 explained, 0 unexplained"));
    let strict = tlgen(&["check", "--deny-mismatches"], &[&path]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stderr(&strict).contains("error[id-mismatch]"));
}

#[test]
fn unexplained_mismatch_exits_1() {
    let dir = TempDir::new("mismatch");
    let path = dir.file(
        "m.tl",
        "userStatusOnline#deadbeef expires:int = UserStatus;\n",
    );
    let out = tlgen(&["check"], &[&path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("mismatches:  0 explained, 1 unexplained"));
    assert!(stderr(&out).contains("0xdeadbeef"));
}

#[test]
fn invalid_utf8_is_a_located_error() {
    let dir = TempDir::new("utf8");
    let path = dir.file("bin.tl", b"int ? = Int;\nabc \xff\xfe = X;\n");
    let out = tlgen(&["check"], &[&path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error[invalid-utf8]"), "{err}");
    assert!(err.contains(&format!("{}:2:5", path.display())), "{err}");
    let ids = tlgen(&["ids"], &[&path]);
    assert_eq!(ids.status.code(), Some(1));
    assert!(stdout(&ids).is_empty());
}

#[test]
fn unreadable_files_and_usage_errors_exit_2() {
    let dir = TempDir::new("missing");
    let clean = dir.file("clean.tl", CLEAN);
    let missing = dir.0.join("missing.tl");
    let out = tlgen(&["check"], &[&clean, &missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(": ok\n"),
        "the readable file is still checked"
    );
    assert_eq!(tlgen(&["check"], &[]).status.code(), Some(2));
    assert_eq!(tlgen(&["frobnicate"], &[]).status.code(), Some(2));
    assert_eq!(tlgen(&["ids", "--nope"], &[&clean]).status.code(), Some(2));
}

#[test]
fn ids_lists_every_definition() {
    let dir = TempDir::new("ids");
    let text = "int ? = Int;\nlong ? = Long;\nstring ? = String;\ntrue#3fedd339 = True;\n\
        vector#1cb5c415 {t:Type} # [ t ] = Vector t;\n\
        inputPeerEmpty#7f3b18ea = InputPeer;\nuser#deadbeef id:long = User;\n\
        minithumbnail width:int height:int data:bytes = Minithumbnail;\n\
        messages.chatInviteImporters#81b6b00a count:int importers:Vector<ChatInviteImporter> users:Vector<User> = messages.ChatInviteImporters;\n\
        ---functions---\n\
        messages.getChatInviteImporters#df04dd4e flags:# requested:flags.0?true subscription_expired:flags.3?true \
        peer:InputPeer link:flags.1?string q:flags.2?string offset_date:int offset_user:InputUser limit:int = messages.ChatInviteImporters;\n";
    let path = dir.file("ids.tl", text);
    let out = tlgen(&["ids"], &[&path]);
    // user#deadbeef is an unexplained mismatch and ChatInviteImporter and InputUser are not defined:
    // errors, but the ids are listed all the same.
    assert_eq!(out.status.code(), Some(1));
    let int = format!("{:08x}", crc32("int ? = Int"));
    let long = format!("{:08x}", crc32("long ? = Long"));
    let string = format!("{:08x}", crc32("string ? = String"));
    let user = format!("{:08x}", crc32("user id:long = User"));
    let expected = format!(
        "int\t0x{int}\t-\tconstructor\n\
         long\t0x{long}\t-\tconstructor\n\
         string\t0x{string}\t-\tconstructor\n\
         true\t0x3fedd339\t0x3fedd339\tconstructor\n\
         vector\t0x1cb5c415\t0x1cb5c415\tconstructor\n\
         inputPeerEmpty\t0x7f3b18ea\t0x7f3b18ea\tconstructor\n\
         user\t0x{user}\t0xdeadbeef\tconstructor\n\
         minithumbnail\t0x{mini:08x}\t-\tconstructor\n\
         messages.chatInviteImporters\t0x81b6b00a\t0x81b6b00a\tconstructor\n\
         messages.getChatInviteImporters\t0xdf04dd4e\t0xdf04dd4e\tfunction\n",
        mini = crc32("minithumbnail width:int height:int data:bytes = Minithumbnail"),
    );
    assert_eq!(stdout(&out), expected);
    assert!(stderr(&out).contains("0xdeadbeef"));
}

#[test]
fn help_documents_the_ids_format() {
    let out = Command::new(env!("CARGO_BIN_EXE_tlgen"))
        .args(["ids", "--help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    assert!(
        help.contains("NAME<TAB>0xCOMPUTED<TAB>0xDECLARED<TAB>constructor|function"),
        "{help}"
    );
    assert!(help.contains("reference rule's id"), "{help}");
}

/// CRC32 (IEEE), bit by bit, to check the binary's ids independently of the library.
fn crc32(text: &str) -> u32 {
    let mut crc = !0u32;
    for &byte in text.as_bytes() {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn corpus_check_exits_0_except_on_test_schema() {
    let root = harness::corpus::dir();
    let mut files = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "tl") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(
        !files.is_empty(),
        "the corpus {} holds no .tl file",
        root.display()
    );
    for path in &files {
        let out = tlgen(&["check"], &[path]);
        let expected = if path.ends_with("ton/test_schema.tl") {
            1
        } else {
            0
        };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "{}:\n{}",
            path.display(),
            stderr(&out)
        );
        let ids = tlgen(&["ids"], &[path]);
        assert_eq!(ids.status.code(), Some(expected), "{}", path.display());
        for line in stdout(&ids).lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "{line}");
            assert!(
                fields[1].len() == 10 && fields[1].starts_with("0x"),
                "{line}"
            );
            assert!(
                fields[2] == "-" || (fields[2].len() == 10 && fields[2].starts_with("0x")),
                "{line}"
            );
            assert!(
                fields[3] == "constructor" || fields[3] == "function",
                "{line}"
            );
        }
        if path.ends_with("telegram/api-L228.tl") {
            assert_eq!(stdout(&ids).lines().count(), 2468);
        }
    }
}
