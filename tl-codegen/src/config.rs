//! `Config`: the builder a `build.rs` (or the CLI) uses to generate Rust from TL schemas, modeled on
//! prost-build's `Config`.

use std::path::{Path, PathBuf};

use tl_parser::{CheckOptions, Diagnostic, Schema, SourceSet};

use crate::Error;
use crate::lower::{Docs, LowerError};
use crate::model::Model;

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
    api: crate::lower::Api,
    out_dir: Option<PathBuf>,
    file_name: String,
    check: CheckOptions,
    samples: bool,
    samples_cfg: Option<String>,
    serde: bool,
    serde_cfg: Option<String>,
    layer: Option<i32>,
    hooks: crate::lower::Hooks,
    eq_hash: bool,
    borrowed: bool,
    docs: Option<PathBuf>,
    /// Telethon's `errors.csv` and `methods.csv`, merged after `docs`.
    telethon: Option<(PathBuf, PathBuf)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            select: Vec::new(),
            runtime_path: "::tl_types".to_owned(),
            format: true,
            api: crate::lower::Api::default(),
            out_dir: None,
            file_name: "tl.rs".to_owned(),
            check: CheckOptions::default(),
            samples: false,
            samples_cfg: None,
            serde: false,
            serde_cfg: None,
            layer: None,
            hooks: crate::lower::Hooks::default(),
            eq_hash: false,
            borrowed: false,
            docs: None,
            telethon: None,
        }
    }
}

impl Config {
    /// The default configuration: every definition generated, runtime at `::tl_types`, formatted,
    /// written to `$OUT_DIR/tl.rs`; no optional items (samples, JSON, `Eq`/`Hash`, builders, enum
    /// helpers).
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

    /// Also generates the JSON form of every type: `serde::Serialize` and `serde::Deserialize` for
    /// every struct and enum, in TDLib's conventions (`"@type"` with the TL name, fields under their
    /// TL names, `long` as a decimal string, bytes as base64, flags words never written, absent
    /// optional fields left out; docs/TL-JSON.md). Off by default: without it no serde code is
    /// generated and none is compiled. The code needs tl-types' `serde` feature, and no other
    /// dependency (the runtime re-exports serde); read and write it with `tl_types::json`. With
    /// [`Config::samples`] too, `visit_json_samples` lists every type for JSON round-trip tests.
    ///
    /// ```
    /// tl_codegen::Config::new().serde(true);
    /// ```
    pub fn serde(&mut self, on: bool) -> &mut Self {
        self.serde = on;
        self
    }

    /// Generates the JSON form as [`Config::serde`] does, each item behind `#[cfg(predicate)]`
    /// (tl-types ships its own types this way, behind its `serde` feature).
    ///
    /// ```
    /// tl_codegen::Config::new().serde_cfg(r#"feature = "serde""#);
    /// ```
    pub fn serde_cfg(&mut self, predicate: impl Into<String>) -> &mut Self {
        self.serde = true;
        self.serde_cfg = Some(predicate.into());
        self
    }

    /// Adds an attribute to the generated items that `path` matches (prost-build's rule): a TL
    /// name (`"messages.getChatInviteImporters"`, `"User"` for a boxed type's enum), a namespace
    /// (`"messages"`: every item in it), or `"."` for every struct and enum. Attributes are
    /// written as in source; one that does not parse fails generation ([`Error::Attribute`]).
    ///
    /// ```
    /// tl_codegen::Config::new()
    ///     .type_attribute(".", "#[derive(PartialOrd)]")
    ///     .type_attribute("messages.getChatInviteImporters", "#[doc(alias = \"importers\")]");
    /// ```
    pub fn type_attribute(
        &mut self,
        path: impl Into<String>,
        attribute: impl Into<String>,
    ) -> &mut Self {
        self.hooks
            .type_attributes
            .push((path.into(), attribute.into()));
        self
    }

    /// Adds an attribute to the generated fields that `path` matches: `"user.username"` (a
    /// constructor or function, and the TL field), a whole definition (`"user"`: all its fields), a
    /// namespace (`"messages"`), or `"."` for every field.
    ///
    /// ```
    /// tl_codegen::Config::new().field_attribute("user.phone", "#[doc(alias = \"phone_number\")]");
    /// ```
    pub fn field_attribute(
        &mut self,
        path: impl Into<String>,
        attribute: impl Into<String>,
    ) -> &mut Self {
        self.hooks
            .field_attributes
            .push((path.into(), attribute.into()));
        self
    }

    /// Marks every generated enum `#[non_exhaustive]`, so that a new layer adding a constructor is
    /// not a breaking change for crates that match on the enums (they need a `_` arm). Off by
    /// default. `tlgen diff --non-exhaustive` judges changes accordingly.
    ///
    /// ```
    /// tl_codegen::Config::new().non_exhaustive(true);
    /// ```
    pub fn non_exhaustive(&mut self, on: bool) -> &mut Self {
        self.hooks.non_exhaustive = on;
        self
    }

    /// Holds the fields that `path` matches (as in [`Config::field_attribute`]) in a `Box`, when
    /// they hold a boxed type or a bare constructor. Otherwise the generator decides: a value goes
    /// on the heap when it would make a recursive type infinitely large, and an enum variant when
    /// its struct is estimated at more than 96 bytes (so that every enum stays small). A path that
    /// matches no such field fails generation ([`Error::UnknownPath`]).
    ///
    /// ```
    /// tl_codegen::Config::new().boxed("user.photo");
    /// ```
    pub fn boxed(&mut self, path: impl Into<String>) -> &mut Self {
        self.hooks.boxed.push(path.into());
        self
    }

    /// Generates `new(...)` on every struct, taking its required fields in schema order (`impl
    /// Into<T>` where a conversion helps), and a consuming `with_<field>(value)` setter for every
    /// field that may be left out, which `new` leaves absent; and `Default` on every struct whose
    /// fields all have a default (no required boxed-type field). Off by default: on full api-L228
    /// they cost more than 5% of the generated crate's build time (bench/README.md).
    ///
    /// ```
    /// tl_codegen::Config::new().builders(true);
    /// ```
    pub fn builders(&mut self, on: bool) -> &mut Self {
        self.api.builders = on;
        self
    }

    /// Generates on every enum `constructor_id()` and `tl_name()` (of the constructor the value
    /// holds), the way back to each constructor's struct (`TryFrom<enums::X> for types::Y`, whose
    /// error gives the enum back; `From` when the type has one constructor), and a getter for each
    /// field that every constructor of the type has alike (`enums::User::id()`; the rule is in
    /// ARCHITECTURE.md). Off by default: on full api-L228 they cost more than 5% of the generated
    /// crate's build time (bench/README.md).
    ///
    /// ```
    /// tl_codegen::Config::new().enum_helpers(true);
    /// ```
    pub fn enum_helpers(&mut self, on: bool) -> &mut Self {
        self.api.enum_helpers = on;
        self
    }

    /// Derives `Eq` and `Hash` on every struct and enum whose fields all allow them: no `f64`
    /// (TL's `double`) is reachable from it, through the structs and enums it holds. Off by
    /// default: on full api-L228 the derives cost 7% of the generated crate's build time
    /// (`bench/compile-time.sh`; bench/README.md). Off, the generated types derive `Debug`,
    /// `Clone` and `PartialEq` (and `Default` where they can, with [`Config::builders`]) only;
    /// add your own derives with [`Config::type_attribute`], which must then not repeat these
    /// while this is on.
    ///
    /// ```
    /// tl_codegen::Config::new().eq_hash(true);
    /// ```
    pub fn eq_hash(&mut self, on: bool) -> &mut Self {
        self.eq_hash = on;
        self
    }

    /// Generates types that borrow from the bytes they are decoded from (zero-copy decoding):
    /// `string` fields are `Cow<'a, str>`, `bytes` fields `Cow<'a, [u8]>`, and the structs and
    /// enums that reach one take the lifetime parameter `'a` (`types::User<'a>`; the others are
    /// generated as without this). Decode with the runtime's `DeserializableBorrowed`
    /// (`from_bytes_borrowed(&buf)`: strings and byte strings are slices of `buf`, so decoding
    /// allocates only for vectors and `Box`es), detach a value with `IntoOwned::into_owned`
    /// (`User<'static>`), build one from `&str`s or `String`s (`new` and the `with_` setters take
    /// `impl Into<Cow<'a, str>>`). `Deserializable` and `Serializable` work as without it (an owned
    /// decode gives `Cow::Owned` strings), and `RemoteCall::Return` is the result's `'static` form.
    /// Off by default; without it the generated code is exactly what it was.
    ///
    /// Not available together with [`Config::serde`] yet: [`Config::generate`] fails with
    /// [`Error::Unsupported`].
    ///
    /// ```
    /// tl_codegen::Config::new().borrowed(true);
    /// ```
    pub fn borrowed(&mut self, on: bool) -> &mut Self {
        self.borrowed = on;
        self
    }

    /// Documents the generated code with Telegram's API documentation: a JSON file in the format
    /// of gotd's getdoc dump (`schema/docs/getdoc-L223.json`; `tlgen docs extract` writes one from
    /// saved core.telegram.org pages). Each struct, enum, function and field gets its description
    /// (links as Markdown links), a constructor links its enum and an enum lists its
    /// constructors, a function's docs give its result type, who may call it where the
    /// documentation says, and a table of its possible errors, and its `RemoteCall` impl lists
    /// their names in `POSSIBLE_ERRORS`. The module `errors` gets one `ErrorDoc` constant per
    /// error the file describes (all of them, whatever [`Config::select`] keeps), the table
    /// `errors::ALL` and `errors::lookup` for an `RpcError`. Definitions the file does not know
    /// keep the schema's own documentation and their TL line.
    ///
    /// The file is read by every generation; [`Config::compile`] prints
    /// `cargo:rerun-if-changed` for it. A file that is not JSON of that form is an
    /// [`Error::Docs`] naming the file and the JSON path; members the format does not have are
    /// accepted. Without this setting nothing of it is generated.
    ///
    /// ```
    /// tl_codegen::Config::new().docs("schema/docs/getdoc-L223.json");
    /// ```
    ///
    /// Needs the crate's `docs` feature (a JSON reader that build scripts without docs do not
    /// compile).
    #[cfg(feature = "docs")]
    pub fn docs(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.docs = Some(path.into());
        self
    }

    /// Adds Telethon's curated lists (`errors.csv`, `methods.csv`; `schema/docs/telethon-*.csv`)
    /// as a second source after [`Config::docs`], by `tl_docs::Docs::merge_telethon`'s rules:
    /// errors the getdoc file lacks are added, a method without possible errors there gets
    /// Telethon's, and Telethon's user/bot/both says who may call a method where the getdoc file
    /// does not. Without a getdoc file the lists alone document errors and usability. Both files
    /// are build inputs like the getdoc file; one that does not parse is an [`Error::DocsCsv`].
    ///
    /// ```
    /// tl_codegen::Config::new()
    ///     .docs("schema/docs/getdoc-L223.json")
    ///     .docs_telethon("schema/docs/telethon-errors.csv", "schema/docs/telethon-methods.csv");
    /// ```
    #[cfg(feature = "docs")]
    pub fn docs_telethon(
        &mut self,
        errors_csv: impl Into<PathBuf>,
        methods_csv: impl Into<PathBuf>,
    ) -> &mut Self {
        self.telethon = Some((errors_csv.into(), methods_csv.into()));
        self
    }

    /// The layer to put in `LAYER` (an `i32`, like `LAYER` itself and `invokeWithLayer`'s `layer`)
    /// when the schema has no `// LAYER N` line (TDLib's telegram_api.tl takes its layer from
    /// elsewhere). A layer the schema states wins.
    ///
    /// ```
    /// tl_codegen::Config::new().layer(228);
    /// ```
    pub fn layer(&mut self, layer: i32) -> &mut Self {
        self.layer = Some(layer);
        self
    }

    /// Reads, checks and generates: the formatted Rust source, and the warnings.
    pub fn generate(&self, files: &[impl AsRef<Path>]) -> Result<Generated, Error> {
        self.generate_from(&read_sources(files)?)
    }

    /// Like [`Config::generate`], for schema text already in memory.
    pub fn generate_from(&self, sources: &SourceSet) -> Result<Generated, Error> {
        let parsed = tl_parser::parse(sources, &self.check);
        let schema_error = |diagnostics: Vec<Diagnostic>| Error::Schema {
            diagnostics,
            sources: sources.clone(),
        };
        if parsed.has_errors() {
            return Err(schema_error(parsed.diagnostics));
        }
        let docs = self.load_docs()?;
        #[cfg(feature = "docs")]
        let docs_coverage = docs.as_ref().map(|docs| docs.coverage(&parsed.schema));
        let model = match self.lower(&parsed.schema, docs.as_ref()) {
            Err(Error::Schema { diagnostics, .. }) => return Err(schema_error(diagnostics)),
            other => other?,
        };
        let spec = |on: bool, cfg: &Option<String>| crate::emit::ExtraSpec {
            on,
            cfg: cfg.clone(),
        };
        let emitter = crate::emit::Emitter::new(
            &model,
            &self.runtime_path,
            spec(self.samples, &self.samples_cfg),
            spec(self.serde, &self.serde_cfg),
        )?;
        let names: Vec<&str> = sources.iter().map(|(_, f)| f.name.as_str()).collect();
        let layer = model
            .layer
            .map(|l| format!(" (layer {l})"))
            .unwrap_or_default();
        let header = format!(
            "// @generated by tl-codegen from {}{layer}. Do not edit.",
            names.join(", ")
        );
        Ok(Generated {
            code: crate::format::format(&emitter, &header, self.format)?,
            warnings: parsed.diagnostics,
            sources: sources.clone(),
            #[cfg(feature = "docs")]
            docs_coverage,
        })
    }

    /// The Rust model of a checked schema (see [`tl_parser::Parsed::into_result`]): what each TL
    /// definition and field becomes in the code [`Config::generate`] writes with these settings
    /// (`select` and `layer` apply). Constructs without a Rust form are an [`Error::Schema`] whose
    /// diagnostics point into the schema's sources, which this call does not have: render them
    /// against your [`SourceSet`].
    ///
    /// ```
    /// let (_, parsed) = tl_parser::parse_str(
    ///     "api.tl",
    ///     "long ? = Long;\ninputPeerEmpty#7f3b18ea = InputPeer;\n\
    ///      inputPeerChat#35a95cb9 chat_id:long = InputPeer;\n",
    /// );
    /// let schema = parsed.into_result().unwrap();
    /// let model = tl_codegen::Config::new().model(&schema).unwrap();
    /// let input_peer = model.find_enum("InputPeer").unwrap();
    /// assert_eq!(input_peer.path.to_string(), "enums::InputPeer");
    /// assert_eq!(input_peer.variants[1].ident.as_str(), "Chat");
    /// ```
    pub fn model(&self, schema: &Schema) -> Result<Model, Error> {
        self.lower(schema, self.load_docs()?.as_ref())
    }

    /// The documentation of [`Config::docs`] and [`Config::docs_telethon`], read and merged, if
    /// either is set.
    #[cfg(feature = "docs")]
    fn load_docs(&self) -> Result<Option<Docs>, Error> {
        let mut docs = match &self.docs {
            Some(path) => Some(Self::load_getdoc(path)?),
            None => None,
        };
        if let Some((errors_csv, methods_csv)) = &self.telethon {
            let telethon =
                tl_docs::Telethon::load(errors_csv, methods_csv).map_err(|err| match err {
                    tl_docs::LoadError::Io { path, source } => Error::Io { path, source },
                    tl_docs::LoadError::Csv { file, message } => Error::DocsCsv {
                        path: PathBuf::from(file),
                        message,
                    },
                    other => Error::DocsCsv {
                        path: errors_csv.clone(),
                        message: other.to_string(),
                    },
                })?;
            docs.get_or_insert_with(Docs::default)
                .merge_telethon(&telethon);
        }
        Ok(docs)
    }

    /// A getdoc file, read.
    #[cfg(feature = "docs")]
    fn load_getdoc(path: &Path) -> Result<Docs, Error> {
        tl_docs::Docs::load(path).map_err(|err| match err {
            tl_docs::LoadError::Io { path, source } => Error::Io { path, source },
            tl_docs::LoadError::Json {
                path: json_path,
                source,
                ..
            } => Error::Docs {
                path: path.to_owned(),
                json_path,
                message: source.to_string(),
            },
            other => Error::Docs {
                path: path.to_owned(),
                json_path: ".".to_owned(),
                message: other.to_string(),
            },
        })
    }

    /// Without the `docs` feature no documentation file can be set.
    #[cfg(not(feature = "docs"))]
    fn load_docs(&self) -> Result<Option<Docs>, Error> {
        Ok(None)
    }

    fn lower(&self, schema: &Schema, docs: Option<&Docs>) -> Result<Model, Error> {
        if self.borrowed && self.serde {
            return Err(Error::Unsupported {
                settings: "borrowed and serde",
                reason: "the JSON form of borrowed types is not generated yet",
            });
        }
        for (path, attribute) in self
            .hooks
            .type_attributes
            .iter()
            .chain(&self.hooks.field_attributes)
        {
            if crate::lower::parse_attributes(attribute).is_none() {
                return Err(Error::Attribute {
                    path: path.clone(),
                    attribute: attribute.clone(),
                });
            }
        }
        crate::lower::lower(
            schema,
            &self.select,
            self.layer,
            &self.hooks,
            crate::lower::Switches {
                eq_hash: self.eq_hash,
                api: self.api,
                borrowed: self.borrowed,
            },
            docs,
        )
        .map_err(|e| match e {
            LowerError::UnknownSelection(name) => Error::UnknownSelection { name },
            LowerError::UnknownPath(path) => Error::UnknownPath { path },
            LowerError::Unsupported(diagnostics) => Error::Schema {
                diagnostics,
                sources: SourceSet::new(),
            },
        })
    }

    /// Generates and writes `$OUT_DIR/tl.rs` (or the configured directory and name), only when its
    /// contents change. Prints `cargo:rerun-if-changed` for every schema file and the
    /// documentation files (`Config::docs`, `Config::docs_telethon`), and each warning as a `cargo:warning`. Schema errors
    /// fail with the rendered diagnostics.
    pub fn compile(&self, files: &[impl AsRef<Path>]) -> Result<(), Error> {
        self.compile_to(files, &mut std::io::stdout().lock())
    }

    /// [`Config::compile`], with Cargo's instructions written to `cargo` (stdout in a build script).
    fn compile_to(
        &self,
        files: &[impl AsRef<Path>],
        cargo: &mut dyn std::io::Write,
    ) -> Result<(), Error> {
        let stdout_error = |source| Error::Io {
            path: PathBuf::from("<stdout>"),
            source,
        };
        let telethon = self
            .telethon
            .iter()
            .flat_map(|(e, m)| [e.as_path(), m.as_path()]);
        let inputs = files
            .iter()
            .map(AsRef::as_ref)
            .chain(self.docs.as_deref())
            .chain(telethon);
        for file in inputs {
            writeln!(cargo, "cargo:rerun-if-changed={}", file.display()).map_err(stdout_error)?;
        }
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Error::NoOutDir)?,
        };
        let generated = self.generate(files)?;
        for warning in &generated.warnings {
            writeln!(
                cargo,
                "cargo:warning={}",
                tl_parser::diagnostic::one_line(warning, &generated.sources)
            )
            .map_err(stdout_error)?;
        }
        crate::write::write_if_changed(&out_dir.join(&self.file_name), &generated.code)?;
        Ok(())
    }
}

/// The result of a generation run.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Generated {
    /// The Rust source, with its `@generated` header.
    pub code: String,
    /// The schema's warnings and notes (explained id mismatches, shared ids), in source order.
    pub warnings: Vec<Diagnostic>,
    /// The sources the warnings point into.
    pub sources: SourceSet,
    /// With [`Config::docs`]: how much of the schema (all of it, whatever [`Config::select`]
    /// keeps) the documentation covers. Its `Display` is the line `tlgen generate --docs` prints:
    /// `docs: 2294 of 2458 definitions documented, 6 entries for unknown names`. With the `docs`
    /// feature.
    #[cfg(feature = "docs")]
    pub docs_coverage: Option<crate::DocsCoverage>,
}

impl Generated {
    /// The warnings rendered with file:line:col and snippets (in colour when `color`), as
    /// `tl_parser::diagnostic::render` does.
    pub fn render_warnings(&self, color: bool) -> String {
        tl_parser::diagnostic::render(&self.warnings, &self.sources, color)
    }
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

#[cfg(all(test, feature = "docs"))]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::Config;

    /// The documentation file is a build input: `compile` tells Cargo to rerun when it changes,
    /// after the schema files.
    #[test]
    fn compile_reruns_when_the_docs_file_changes() {
        let dir = std::env::temp_dir().join(format!("tl-codegen-rerun-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let schema = dir.join("api.tl");
        std::fs::write(&schema, "int ? = Int;\nping ping_id:int = Pong;\n").unwrap();
        let docs = dir.join("docs.json");
        std::fs::write(
            &docs,
            r#"{"index": {"categories": []},
                "constructors": {"ping": {"name": "ping", "description": ["A ping"]}}}"#,
        )
        .unwrap();
        let mut cargo = Vec::new();
        Config::new()
            .out_dir(&dir)
            .docs(&docs)
            .compile_to(&[&schema], &mut cargo)
            .unwrap();
        assert_eq!(
            String::from_utf8(cargo).unwrap(),
            format!(
                "cargo:rerun-if-changed={}\ncargo:rerun-if-changed={}\n",
                schema.display(),
                docs.display()
            )
        );
        let code = std::fs::read_to_string(dir.join("tl.rs")).unwrap();
        assert!(code.contains("/// A ping\n"), "{code}");

        // Without docs, only the schema.
        let mut cargo = Vec::new();
        Config::new()
            .out_dir(&dir)
            .compile_to(&[&schema], &mut cargo)
            .unwrap();
        assert_eq!(
            String::from_utf8(cargo).unwrap(),
            format!("cargo:rerun-if-changed={}\n", schema.display())
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
