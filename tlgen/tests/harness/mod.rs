//! Plumbing shared by tlgen's test binaries: where the corpus is, and how a test builds a crate of
//! its own. Each binary uses a part of it. The files are tl-tests' own (both crates sit one folder
//! below the workspace root, which is all they need to know), so the rules live in one place.
#![allow(dead_code)]

#[path = "../../../tests/tests/harness/corpus.rs"]
pub(crate) mod corpus;
pub(crate) mod run;
#[path = "../../../tests/tests/harness/scratch.rs"]
pub(crate) mod scratch;
