//! Rust code generation for TL schemas. (Placeholder: being written.)
