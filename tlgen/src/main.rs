//! `tlgen`: the command-line front end. (Placeholder: being written.)
fn main() {}
