//! Temporary scaffolding until tl-codegen lands: an empty generated module.
fn main() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("tl.rs"), "/// Layer.\npub const LAYER: i32 = 228;\n/// Types.\npub mod types {}\n/// Enums.\npub mod enums {}\n/// Functions.\npub mod functions {}\n/// Name.\npub fn name_for_id(_id: u32) -> Option<&'static str> { None }\n").unwrap();
}
