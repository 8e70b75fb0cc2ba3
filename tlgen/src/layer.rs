//! Naming a schema file by its layer, for messages that compare several files.

use std::path::Path;

use tl_parser::Schema;

/// The layer of a schema: its `// LAYER N` line, or else a `L<digits>` or `layer<digits>` part of
/// the file name (`api-L228.tl`, `api_layer_227.tl`), since TDLib's telegram_api.tl has no layer line.
pub fn layer_of(schema: &Schema, path: &Path) -> Option<u32> {
    schema.layer().or_else(|| layer_from_name(path))
}

/// A layer number written in a file name: the digits after the last `L` or `layer` (any case)
/// that is not preceded by a letter, followed by a non-digit.
pub fn layer_from_name(path: &Path) -> Option<u32> {
    let stem = path.file_stem()?.to_str()?;
    let lower = stem.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut found = None;
    for (i, _) in lower.match_indices('l') {
        if i > 0 && bytes[i - 1].is_ascii_alphabetic() {
            continue;
        }
        let rest = &lower[i + 1..];
        let rest = rest.strip_prefix("ayer").unwrap_or(rest);
        let rest = rest.trim_start_matches(['_', '-']);
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse() {
            found = Some(n);
        }
    }
    found
}

/// A short label for a file: `L228` when its layer is known, else the file name.
pub fn label(layer: Option<u32>, path: &Path) -> String {
    match layer {
        Some(n) => format!("L{n}"),
        None => path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_from_file_names() {
        assert_eq!(layer_from_name(Path::new("x/api-L228.tl")), Some(228));
        assert_eq!(layer_from_name(Path::new("api_layer_227.tl")), Some(227));
        assert_eq!(layer_from_name(Path::new("api-layer208.tl")), Some(208));
        assert_eq!(layer_from_name(Path::new("mtproto.tl")), None);
        assert_eq!(layer_from_name(Path::new("telegram_api.tl")), None);
        assert_eq!(
            layer_from_name(Path::new("grammers-api-L222.tl")),
            Some(222)
        );
    }
}
