//! The documentation model: what the sources say about each constructor, method, type and error,
//! by TL name, with descriptions read into [`Description`]s.

use std::collections::BTreeMap;
use std::path::Path;

use crate::errors::ErrorPattern;
use crate::getdoc;
use crate::text::Description;
use crate::{LoadError, Telethon};

/// Documentation of a TL schema's definitions, from getdoc's dump and optionally Telethon's lists
/// ([`Docs::merge_telethon`]).
///
/// ```
/// use tl_docs::{Docs, getdoc};
///
/// let doc = getdoc::Doc::from_json(
///     r#"{"index": {"layer": 223, "categories": []},
///         "methods": {"messages.getChatInviteImporters": {
///             "name": "messages.getChatInviteImporters",
///             "description": ["Get info about the users that joined the chat using a specific chat invite"],
///             "parameters": {"limit": {"name": "limit",
///                 "description": "Maximum number of results to return, see pagination¹",
///                 "links": ["https://core.telegram.org/api/offsets"]}},
///             "errors": [{"code": 400, "type": "CHAT_ADMIN_REQUIRED",
///                 "description": "You must be an admin in this chat to do this."}]}}}"#,
///     "docs.json",
/// )?;
/// let docs = Docs::from_getdoc(&doc);
/// let method = docs.method("messages.getChatInviteImporters").unwrap();
/// assert_eq!(
///     method.params["limit"].description.to_markdown(),
///     "Maximum number of results to return, see [pagination](https://core.telegram.org/api/offsets)"
/// );
/// assert_eq!(method.errors[0].name.as_str(), "CHAT_ADMIN_REQUIRED");
/// # Ok::<(), tl_docs::LoadError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Docs {
    /// The layer the primary source documents, if it says.
    pub layer: Option<u32>,
    /// Constructors by TL name.
    pub constructors: BTreeMap<String, ConstructorDoc>,
    /// Methods (functions) by TL name.
    pub methods: BTreeMap<String, MethodDoc>,
    /// Boxed types (and the built-in types the site documents: `int`, `Vector t`) by TL name.
    pub types: BTreeMap<String, TypeDoc>,
    /// Every known error, by name as written (`FLOOD_WAIT_%d`).
    pub errors: BTreeMap<String, ErrorDoc>,
}

/// Where a piece of documentation comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// gotd's getdoc dump of core.telegram.org (the primary source).
    Getdoc,
    /// Telethon's curated `errors.csv` and `methods.csv`.
    Telethon,
}

/// A constructor's documentation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConstructorDoc {
    /// The TL name.
    pub name: String,
    /// What it is.
    pub description: Description,
    /// Its parameters, by name.
    pub params: BTreeMap<String, ParamDoc>,
}

/// A method's documentation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct MethodDoc {
    /// The TL name.
    pub name: String,
    /// What it does (empty for a method only Telethon's lists know).
    pub description: Description,
    /// Its parameters, by name.
    pub params: BTreeMap<String, ParamDoc>,
    /// The errors it may return, in the source's order, names as the source writes them.
    pub errors: Vec<PossibleError>,
    /// Which source [`MethodDoc::errors`] come from (`None` while there are none).
    pub errors_source: Option<Source>,
    /// Who may call it, where a source says.
    pub usability: Usability,
}

/// A boxed type's documentation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TypeDoc {
    /// The TL name.
    pub name: String,
    /// What it is.
    pub description: Description,
}

/// A parameter's documentation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParamDoc {
    /// The parameter's name.
    pub name: String,
    /// What it is for.
    pub description: Description,
}

/// One error a method may return.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PossibleError {
    /// The code (400, 403, 420 …; 0 when Telethon's method list names an error its error list
    /// lacks).
    pub code: i32,
    /// The name as written (`FLOOD_WAIT_%d`).
    pub name: ErrorPattern,
    /// What it means for this method.
    pub description: Description,
}

/// An error's documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorDoc {
    /// The name as written (`FLOOD_WAIT_%d`).
    pub name: ErrorPattern,
    /// The codes it comes with, the primary one first (Telethon lists several for a few).
    pub codes: Vec<i32>,
    /// What it means.
    pub description: Description,
    /// Which source the entry (its codes and description) comes from.
    pub source: Source,
}

impl ErrorDoc {
    /// The primary code.
    pub fn code(&self) -> i32 {
        self.codes.first().copied().unwrap_or_default()
    }
}

/// Who may call a method, where a source says: `None` is "not documented".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Usability {
    /// Whether user accounts may call it.
    pub users: Option<bool>,
    /// Whether bots may call it.
    pub bots: Option<bool>,
}

impl Usability {
    /// Neither is documented.
    pub fn is_unknown(self) -> bool {
        self.users.is_none() && self.bots.is_none()
    }

    /// Each of `self`'s unknowns filled from `other`.
    pub fn or(self, other: Usability) -> Usability {
        Usability {
            users: self.users.or(other.users),
            bots: self.bots.or(other.bots),
        }
    }
}

/// What [`Docs::merge_telethon`] added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct MergeReport {
    /// Errors the primary source does not know.
    pub errors_added: usize,
    /// Errors the primary source knows without a description.
    pub error_descriptions_filled: usize,
    /// Methods the primary source documents without possible errors that got Telethon's.
    pub methods_given_errors: usize,
    /// Methods whose usability was (in part) unknown and that Telethon's list completed.
    pub methods_given_usability: usize,
    /// Methods only Telethon's lists know (entries without a description).
    pub methods_added: usize,
}

impl Docs {
    /// Reads a getdoc dump from `path` (see [`getdoc::Doc::load`]).
    pub fn load(path: &Path) -> Result<Docs, LoadError> {
        Ok(Docs::from_getdoc(&getdoc::Doc::load(path)?))
    }

    /// The model of a getdoc dump: descriptions read with their footnote links
    /// ([`Description::from_getdoc`]), `bot_can_use` as `bots: Some(true)`.
    ///
    /// getdoc writes the namespace of some types capitalized (`Account.Takeout`: 73 of the L223
    /// dump's types, the site's page titles); they are filed under their TL name
    /// (`account.Takeout`) unless the dump has that name too.
    pub fn from_getdoc(doc: &getdoc::Doc) -> Docs {
        let params = |fields: &BTreeMap<String, getdoc::Field>| {
            fields
                .iter()
                .map(|(name, field)| {
                    let param = ParamDoc {
                        name: field.name.clone(),
                        description: Description::from_getdoc_text(
                            &field.description,
                            &field.links,
                        ),
                    };
                    (name.clone(), param)
                })
                .collect()
        };
        let constructors = doc
            .constructors
            .iter()
            .map(|(name, c)| {
                let entry = ConstructorDoc {
                    name: c.name.clone(),
                    description: Description::from_getdoc(&c.description, &c.links),
                    params: params(&c.fields),
                };
                (name.clone(), entry)
            })
            .collect();
        let methods = doc
            .methods
            .iter()
            .map(|(name, m)| {
                let errors: Vec<PossibleError> = m
                    .errors
                    .iter()
                    .map(|e| PossibleError {
                        code: e.code,
                        name: ErrorPattern::new(e.name.clone()),
                        description: Description::from_getdoc_text(&e.description, &[]),
                    })
                    .collect();
                let entry = MethodDoc {
                    name: m.name.clone(),
                    description: Description::from_getdoc(&m.description, &m.links),
                    params: params(&m.parameters),
                    errors_source: (!errors.is_empty()).then_some(Source::Getdoc),
                    errors,
                    usability: Usability {
                        users: None,
                        bots: m.bot_can_use.then_some(true),
                    },
                };
                (name.clone(), entry)
            })
            .collect();
        let types = doc
            .types
            .iter()
            .map(|(name, t)| {
                let name = doc.type_tl_name(name);
                let entry = TypeDoc {
                    name: name.clone(),
                    description: Description::from_getdoc(&t.description, &t.links),
                };
                (name, entry)
            })
            .collect();
        let errors = doc
            .errors
            .iter()
            .map(|(name, e)| {
                let entry = ErrorDoc {
                    name: ErrorPattern::new(e.name.clone()),
                    codes: vec![e.code],
                    description: Description::from_getdoc_text(&e.description, &[]),
                    source: Source::Getdoc,
                };
                (name.clone(), entry)
            })
            .collect();
        Docs {
            layer: doc.index.layer,
            constructors,
            methods,
            types,
            errors,
        }
    }

    /// Adds what Telethon's lists know and the primary source does not. Precedence, the primary
    /// source (getdoc) first:
    ///
    /// - an error the primary source has keeps its codes and description; only an empty
    ///   description is taken from Telethon; errors it lacks are added (source Telethon);
    /// - a method's possible errors are the primary source's when it lists any, otherwise
    ///   Telethon's (names, with code and description from the merged error list, source
    ///   Telethon);
    /// - usability: what the primary source says (`bot_can_use`) stands, Telethon's
    ///   user/bot/both fills what it leaves unknown;
    /// - a method only Telethon knows gets an entry without description.
    pub fn merge_telethon(&mut self, telethon: &Telethon) -> MergeReport {
        let mut report = MergeReport::default();
        for error in &telethon.errors {
            match self.errors.get_mut(error.name.as_str()) {
                Some(known) => {
                    if known.description.is_empty() && !error.description.is_empty() {
                        known.description = error.description.clone();
                        report.error_descriptions_filled += 1;
                    }
                }
                None => {
                    self.errors.insert(
                        error.name.as_str().to_owned(),
                        ErrorDoc {
                            name: error.name.clone(),
                            codes: error.codes.clone(),
                            description: error.description.clone(),
                            source: Source::Telethon,
                        },
                    );
                    report.errors_added += 1;
                }
            }
        }
        for method in &telethon.methods {
            let added = !self.methods.contains_key(&method.name);
            let entry = self
                .methods
                .entry(method.name.clone())
                .or_insert_with(|| MethodDoc {
                    name: method.name.clone(),
                    ..MethodDoc::default()
                });
            let usability = entry.usability.or(method.usability);
            if usability != entry.usability {
                entry.usability = usability;
                report.methods_given_usability += usize::from(!added);
            }
            if entry.errors.is_empty() && !method.errors.is_empty() {
                entry.errors = method
                    .errors
                    .iter()
                    .map(|name| {
                        let known = self.errors.get(name.as_str());
                        PossibleError {
                            code: known.map(ErrorDoc::code).unwrap_or_default(),
                            name: name.clone(),
                            description: known.map(|e| e.description.clone()).unwrap_or_default(),
                        }
                    })
                    .collect();
                entry.errors_source = Some(Source::Telethon);
                report.methods_given_errors += usize::from(!added);
            }
            report.methods_added += usize::from(added);
        }
        report
    }

    /// The constructor called `name`.
    pub fn constructor(&self, name: &str) -> Option<&ConstructorDoc> {
        self.constructors.get(name)
    }

    /// The method called `name`.
    pub fn method(&self, name: &str) -> Option<&MethodDoc> {
        self.methods.get(name)
    }

    /// The boxed type called `name`.
    pub fn boxed_type(&self, name: &str) -> Option<&TypeDoc> {
        self.types.get(name)
    }

    /// The description of the constructor or method called `name` (constructors first: TL
    /// names of the two never collide in Telegram's schema).
    pub fn description(&self, name: &str) -> Option<&Description> {
        self.constructor(name)
            .map(|c| &c.description)
            .or_else(|| self.method(name).map(|m| &m.description))
    }

    /// The parameter `param` of the constructor or method called `definition`.
    pub fn param(&self, definition: &str, param: &str) -> Option<&ParamDoc> {
        self.constructor(definition)
            .and_then(|c| c.params.get(param))
            .or_else(|| self.method(definition).and_then(|m| m.params.get(param)))
    }

    /// The error written exactly `name` (`FLOOD_WAIT_%d`).
    pub fn error(&self, name: &str) -> Option<&ErrorDoc> {
        self.errors.get(name)
    }

    /// The error a server's message names: the entry written exactly so, else the first entry
    /// (in name order) whose pattern matches it (`FLOOD_WAIT_42` finds `FLOOD_WAIT_%d`).
    pub fn find_error(&self, message: &str) -> Option<&ErrorDoc> {
        self.errors.get(message).or_else(|| {
            self.errors
                .values()
                .find(|e| e.name.has_placeholder() && e.name.matches(message))
        })
    }
}
