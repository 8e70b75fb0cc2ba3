//! Plumbing shared by tl-parser's test binaries and its bench.

pub(crate) mod corpus;
