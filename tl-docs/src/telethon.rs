//! Telethon's curated lists (`telethon_generator/data/errors.csv` and `methods.csv`): RPC errors
//! with their codes and descriptions, and who may call each method and which errors it raises.
//! An optional second source, merged into [`crate::Docs`] by [`crate::Docs::merge_telethon`].

use std::path::Path;

use crate::error::LoadError;
use crate::errors::ErrorPattern;
use crate::model::Usability;
use crate::text::Description;

/// Both of Telethon's lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Telethon {
    /// `errors.csv`, in file order.
    pub errors: Vec<TelethonError>,
    /// `methods.csv`, in file order.
    pub methods: Vec<TelethonMethod>,
}

/// A row of `errors.csv`: `name,codes,description`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TelethonError {
    /// The name in getdoc's spelling (`FLOOD_WAIT_X` becomes `FLOOD_WAIT_%d`).
    pub name: ErrorPattern,
    /// The name as Telethon writes it.
    pub telethon_name: String,
    /// The codes (`400 403` is two).
    pub codes: Vec<i32>,
    /// The description, with Telethon's placeholders as written (`{seconds}`).
    pub description: Description,
}

/// A row of `methods.csv`: `method,usability,errors`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TelethonMethod {
    /// The TL name.
    pub name: String,
    /// `user`, `bot` or `both`.
    pub usability: Usability,
    /// The errors it raises, in getdoc's spelling.
    pub errors: Vec<ErrorPattern>,
}

impl Telethon {
    /// Reads both files.
    pub fn load(errors_csv: &Path, methods_csv: &Path) -> Result<Telethon, LoadError> {
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|source| LoadError::Io {
                path: path.to_owned(),
                source,
            })
        };
        let errors = read(errors_csv)?;
        let methods = read(methods_csv)?;
        Ok(Telethon {
            errors: parse_errors(&errors, &errors_csv.display().to_string())?,
            methods: parse_methods(&methods, &methods_csv.display().to_string())?,
        })
    }

    /// Reads both lists from their text (`errors.csv` and `methods.csv` name them in errors).
    pub fn from_csv(errors: &str, methods: &str) -> Result<Telethon, LoadError> {
        Ok(Telethon {
            errors: parse_errors(errors, "errors.csv")?,
            methods: parse_methods(methods, "methods.csv")?,
        })
    }
}

/// The rows of a CSV text with a header line, as the cells of the columns `columns`.
fn rows(text: &str, file: &str, columns: [&str; 3]) -> Result<Vec<(u64, [String; 3])>, LoadError> {
    let csv_error = |err: csv::Error| LoadError::Csv {
        file: file.to_owned(),
        message: err.to_string(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(csv_error)?.clone();
    let mut at = [0usize; 3];
    for (slot, column) in at.iter_mut().zip(columns) {
        *slot = headers
            .iter()
            .position(|h| h == column)
            .ok_or_else(|| LoadError::Csv {
                file: file.to_owned(),
                message: format!("no column `{column}` in the header line"),
            })?;
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(0, csv::Position::line);
        let cell = |i: usize| record.get(at[i]).unwrap_or_default().to_owned();
        out.push((line, [cell(0), cell(1), cell(2)]));
    }
    Ok(out)
}

fn parse_errors(text: &str, file: &str) -> Result<Vec<TelethonError>, LoadError> {
    let mut out = Vec::new();
    for (line, [name, codes, description]) in rows(text, file, ["name", "codes", "description"])? {
        let codes = codes
            .split_whitespace()
            .map(|code| {
                code.parse::<i32>().map_err(|_| LoadError::Csv {
                    file: file.to_owned(),
                    message: format!("line {line}: `{code}` is not an error code"),
                })
            })
            .collect::<Result<Vec<i32>, LoadError>>()?;
        out.push(TelethonError {
            name: ErrorPattern::from_telethon(&name),
            telethon_name: name,
            codes,
            description: Description::from_telethon(&description),
        });
    }
    Ok(out)
}

fn parse_methods(text: &str, file: &str) -> Result<Vec<TelethonMethod>, LoadError> {
    let mut out = Vec::new();
    for (line, [name, usability, errors]) in rows(text, file, ["method", "usability", "errors"])? {
        let (users, bots) = match usability.as_str() {
            "user" => (true, false),
            "bot" => (false, true),
            "both" => (true, true),
            other => {
                return Err(LoadError::Csv {
                    file: file.to_owned(),
                    message: format!("line {line}: usability `{other}` is none of user, bot, both"),
                });
            }
        };
        out.push(TelethonMethod {
            name,
            usability: Usability {
                users: Some(users),
                bots: Some(bots),
            },
            errors: errors
                .split_whitespace()
                .map(ErrorPattern::from_telethon)
                .collect(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_and_bad_ones_named() {
        let telethon = Telethon::from_csv(
            "name,codes,description\nFLOOD_WAIT_X,420,\"Wait {seconds}, see [x](/api/y)\"\n\
             CHAT_ADMIN_REQUIRED,400 403,Admin\n",
            "method,usability,errors\nmessages.sendMessage,both,CHAT_ADMIN_REQUIRED FLOOD_WAIT_X\n",
        )
        .unwrap();
        assert_eq!(telethon.errors[0].name.as_str(), "FLOOD_WAIT_%d");
        assert_eq!(telethon.errors[1].codes, [400, 403]);
        assert_eq!(
            telethon.errors[0].description.to_markdown(),
            "Wait {seconds}, see [x](https://core.telegram.org/api/y)"
        );
        assert_eq!(telethon.methods[0].errors[1].as_str(), "FLOOD_WAIT_%d");
        assert_eq!(telethon.methods[0].usability.bots, Some(true));

        let err = Telethon::from_csv(
            "name,codes,description\nX,4x,d\n",
            "method,usability,errors\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "errors.csv: line 2: `4x` is not an error code"
        );
        let err =
            Telethon::from_csv("name,description\n", "method,usability,errors\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "errors.csv: no column `codes` in the header line"
        );
        let err = Telethon::from_csv(
            "name,codes,description\n",
            "method,usability,errors\nm,admin,\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "methods.csv: line 2: usability `admin` is none of user, bot, both"
        );
    }
}
