//! Plumbing shared by the test binaries of `tl-tests` that read the corpus or build a crate: where
//! the corpus is, the switch for the slow suite, and how a test builds a crate of its own. Each
//! binary uses a part of it.
#![allow(dead_code)]

pub(crate) mod corpus;
pub(crate) mod scratch;
pub(crate) mod slow;
