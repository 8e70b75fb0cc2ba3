//! `Config`: the builder a `build.rs` (or the CLI) uses to generate Rust from TL schemas, modeled on
//! prost-build's `Config`.

use std::path::{Path, PathBuf};

use tl_parser::{CheckOptions, Severity, SourceSet};

use crate::Error;

/// How to generate Rust from TL schemas.
///
/// ```no_run
/// // build.rs
/// fn main() -> Result<(), Box<dyn std::error::Error>> {
///     tl_codegen::Config::new()
///         .select(["messages.getChatInviteImporters"])
///         .compile(&["schema/api.tl"])?;
///     Ok(())
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Config {
    select: Vec<String>,
    runtime_path: String,
    format: bool,
    out_dir: Option<PathBuf>,
    file_name: String,
    check: CheckOptions,
    samples: bool,
    samples_cfg: Option<String>,
    layer: Option<u32>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            select: Vec::new(),
            runtime_path: "::tl_types".to_owned(),
            format: true,
            out_dir: None,
            file_name: "tl.rs".to_owned(),
            check: CheckOptions::default(),
            samples: false,
            samples_cfg: None,
            layer: None,
        }
    }
}

impl Config {
    /// The default configuration: everything generated, runtime at `::tl_types`, formatted, written
    /// to `$OUT_DIR/tl.rs`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Generates only what these definitions need: the named functions, constructors or boxed
    /// types, every constructor of every boxed type reachable through their fields, and the return
    /// types of functions. Calls add up; without any, everything is generated.
    ///
    /// ```
    /// let mut config = tl_codegen::Config::new();
    /// config.select(["messages.getChatInviteImporters"]);
    /// ```
    pub fn select<I, S>(&mut self, names: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.select.extend(names.into_iter().map(Into::into));
        self
    }

    /// The path through which generated code names the runtime crate (`::tl_types` by default;
    /// `crate` when generating into `tl-types` itself, or a re-export such as `::my_client::tl`).
    ///
    /// ```
    /// tl_codegen::Config::new().runtime_path("crate");
    /// ```
    pub fn runtime_path(&mut self, path: impl Into<String>) -> &mut Self {
        self.runtime_path = path.into();
        self
    }

    /// Whether to pretty-print the output with prettyplease (on by default). Off, the code is one
    /// long line: faster to produce, for machines only.
    ///
    /// ```
    /// tl_codegen::Config::new().format(false);
    /// ```
    pub fn format(&mut self, on: bool) -> &mut Self {
        self.format = on;
        self
    }

    /// The directory [`Config::compile`] writes to, instead of `$OUT_DIR`.
    ///
    /// ```
    /// tl_codegen::Config::new().out_dir("src/generated");
    /// ```
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The name of the file [`Config::compile`] writes (`tl.rs` by default).
    ///
    /// ```
    /// tl_codegen::Config::new().file_name("api.rs");
    /// ```
    pub fn file_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.file_name = name.into();
        self
    }

    /// How declared ids that do not match are treated (see [`CheckOptions`]): by default an
    /// explained mismatch is a warning and an unexplained one an error.
    ///
    /// ```
    /// use tl_parser::{CheckOptions, Severity};
    /// tl_codegen::Config::new().check_options(CheckOptions {
    ///     explained_mismatch: Severity::Error,
    ///     ..CheckOptions::default()
    /// });
    /// ```
    pub fn check_options(&mut self, options: CheckOptions) -> &mut Self {
        self.check = options;
        self
    }

    /// Also generates sample values: an impl of the runtime's `sample::Sample` for every struct
    /// and enum, and `visit_samples`, which lists every constructor and function type (for
    /// round-trip tests and fuzzing). Off by default. The code needs tl-types' `samples` feature.
    ///
    /// ```
    /// tl_codegen::Config::new().samples(true);
    /// ```
    pub fn samples(&mut self, on: bool) -> &mut Self {
        self.samples = on;
        self
    }

    /// Generates sample values as [`Config::samples`] does, each item behind `#[cfg(predicate)]`,
    /// so that a crate shipping generated code can offer them as a feature without making every
    /// user compile them.
    ///
    /// ```
    /// tl_codegen::Config::new().samples_cfg(r#"feature = "samples""#);
    /// ```
    pub fn samples_cfg(&mut self, predicate: impl Into<String>) -> &mut Self {
        self.samples = true;
        self.samples_cfg = Some(predicate.into());
        self
    }

    /// The layer to put in `LAYER` when the schema has no `// LAYER N` line (TDLib's
    /// telegram_api.tl takes its layer from elsewhere). A layer the schema states wins.
    ///
    /// ```
    /// tl_codegen::Config::new().layer(228);
    /// ```
    pub fn layer(&mut self, layer: u32) -> &mut Self {
        self.layer = Some(layer);
        self
    }

    /// Reads, checks and generates, returning the formatted Rust source.
    pub fn generate(&self, files: &[impl AsRef<Path>]) -> Result<String, Error> {
        self.generate_from(&read_sources(files)?)
            .map(|(code, _)| code)
    }

    /// Like [`Config::generate`], for schema text already in memory. Also returns the warnings, rendered.
    pub fn generate_from(&self, sources: &SourceSet) -> Result<(String, Vec<String>), Error> {
        let parsed = tl_parser::parse(sources, &self.check);
        let warnings: Vec<String> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Error)
            .map(|d| tl_parser::diagnostic::render(std::slice::from_ref(d), sources, false))
            .collect();
        if parsed.has_errors() {
            let errors = parsed
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let rendered = tl_parser::diagnostic::render(&parsed.diagnostics, sources, false);
            return Err(Error::Schema { rendered, errors });
        }
        let mut model = crate::lower::lower(&parsed.schema, &self.select)?;
        model.layer = model.layer.or(self.layer);
        let rt: proc_macro2::TokenStream =
            self.runtime_path.parse().map_err(|_| Error::Unsupported {
                definition: "runtime_path".to_owned(),
                reason: format!("`{}` is not a Rust path", self.runtime_path),
            })?;
        let samples_cfg = match &self.samples_cfg {
            Some(predicate) => Some(
                syn::parse_str::<syn::Meta>(predicate)
                    .map(quote::ToTokens::into_token_stream)
                    .map_err(|_| Error::Unsupported {
                        definition: "samples_cfg".to_owned(),
                        reason: format!("`{predicate}` is not a cfg predicate"),
                    })?,
            ),
            None => None,
        };
        let tokens = crate::emit::generate(
            rt,
            &model,
            crate::emit::Options {
                samples: self.samples,
                samples_cfg,
            },
        );
        let names: Vec<&str> = sources.iter().map(|(_, f)| f.name.as_str()).collect();
        let layer = model
            .layer
            .map(|l| format!(" (layer {l})"))
            .unwrap_or_default();
        let header = format!(
            "// @generated by tl-codegen from {}{layer}. Do not edit.",
            names.join(", ")
        );
        let code = crate::format::format(tokens, &header, self.format)?;
        Ok((code, warnings))
    }

    /// Generates and writes `$OUT_DIR/tl.rs` (or the configured directory and name), only when its
    /// contents change. Prints `cargo:rerun-if-changed` for every schema file and each warning as a
    /// `cargo:warning`. Schema errors fail with the rendered diagnostics.
    pub fn compile(&self, files: &[impl AsRef<Path>]) -> Result<(), Error> {
        for file in files {
            println!("cargo:rerun-if-changed={}", file.as_ref().display());
        }
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Error::NoOutDir)?,
        };
        let (code, warnings) = self.generate_from(&read_sources(files)?)?;
        for warning in warnings {
            println!("cargo:warning={}", one_line(&warning));
        }
        crate::write::write_if_changed(&out_dir.join(&self.file_name), &code)?;
        Ok(())
    }
}

/// A rendered diagnostic in one line for `cargo:warning`: its headline, where, and its notes.
fn one_line(rendered: &str) -> String {
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut out = lines.next().unwrap_or_default().to_owned();
    for line in lines {
        if let Some(location) = line.strip_prefix("┌─ ") {
            out.push_str(&format!(" (at {location})"));
        } else if let Some(note) = line.strip_prefix("= ") {
            out.push_str("; ");
            out.push_str(note);
        }
    }
    out
}

/// Reads schema files as bytes into a source set; invalid UTF-8 is a located error.
fn read_sources(files: &[impl AsRef<Path>]) -> Result<SourceSet, Error> {
    let mut sources = SourceSet::new();
    for file in files {
        let path = file.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        sources.add_bytes(path.display().to_string(), bytes)?;
    }
    Ok(sources)
}
