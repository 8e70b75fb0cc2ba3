//! Writing the output: only when the contents change, so that Cargo does not rebuild needlessly.

use std::path::Path;

use crate::Error;

/// Writes `contents` to `path` unless the file already holds exactly that.
pub(crate) fn write_if_changed(path: &Path, contents: &str) -> Result<bool, Error> {
    if std::fs::read(path).is_ok_and(|old| old == contents.as_bytes()) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    std::fs::write(path, contents).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::write_if_changed;

    #[test]
    fn writes_only_when_the_contents_differ() {
        let dir = std::env::temp_dir().join(format!("tl-codegen-write-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        // The parent folders do not exist yet: they are created.
        let path = dir.join("nested/out.rs");

        assert!(write_if_changed(&path, "a").unwrap(), "new file");
        assert!(!write_if_changed(&path, "a").unwrap(), "same contents");
        assert!(write_if_changed(&path, "b").unwrap(), "changed contents");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "b");
        assert!(
            !write_if_changed(&path, "b").unwrap(),
            "same contents again"
        );

        // A file that cannot be written is an error naming it.
        let err = write_if_changed(&dir.join("nested/out.rs/below"), "c").unwrap_err();
        assert!(err.to_string().contains("out.rs"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
