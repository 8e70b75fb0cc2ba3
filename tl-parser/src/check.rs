//! Semantic checks over a parsed schema. (Placeholder: being written.)

use crate::diagnostic::Diagnostic;
use crate::{CheckOptions, Schema};

/// Computes ids and runs every semantic check, appending diagnostics.
pub(crate) fn check(_schema: &mut Schema, _options: &CheckOptions, _diagnostics: &mut Vec<Diagnostic>) {}
