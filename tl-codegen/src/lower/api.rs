//! Which convenience items each struct and enum gets beyond the wire format, from `Config`'s
//! switches: `new(...)`, the `with_` setters and `Default` (`Config::builders`), and an enum's
//! `constructor_id`, `tl_name`, conversions back to its constructors' structs and getters
//! (`Config::enum_helpers`). Decided here, after `traits.rs` has found which structs can implement
//! `Default`, and recorded on the model's items; the emitters only read what the model says.
//!
//! Both are off by default: on full api-L228 each costs more than 5% of the generated crate's build
//! time (bench/README.md, "The generated API's cost").

use crate::model::Model;

/// The API switches of `Config`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Api {
    /// `new(...)`, the `with_` setters, and `Default` where every field has one, on every struct.
    pub(crate) builders: bool,
    /// `constructor_id()`, `tl_name()`, `TryFrom` (or `From`) back to the structs, and the getters
    /// of shared fields, on every enum.
    pub(crate) enum_helpers: bool,
}

/// Records the switches on every item: `StructDef::builders`, and without builders no
/// `Field::setter` and no `StructDef::default`; `EnumDef::helpers`, and the getters (computed by
/// `getters::decide` only with helpers).
pub(crate) fn decide(model: &mut Model, api: Api) {
    for s in model.types.iter_mut().chain(model.functions.iter_mut()) {
        s.builders = api.builders;
        if !api.builders {
            s.default = false;
            for field in &mut s.fields {
                field.setter = None;
            }
        }
    }
    for e in &mut model.enums {
        e.helpers = api.enum_helpers;
    }
    if api.enum_helpers {
        super::getters::decide(model);
    }
}
