//! Plumbing shared by tlgen's test binaries: where the corpus is, and how a test builds a crate of
//! its own. Each binary uses a part of it.
#![allow(dead_code)]

pub(crate) mod corpus;
pub(crate) mod scratch;
