//! Generates the shipped types from `schema/` into `$OUT_DIR/tl.rs`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    tl_codegen::Config::new()
        .runtime_path("crate")
        .select(["messages.getChatInviteImporters", "messages.ChatInviteImporters"])
        .compile(&["../schema/importers.tl"])?;
    Ok(())
}
