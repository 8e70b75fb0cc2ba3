//! The one table of TL's built-in types: every spelling a schema may use for a primitive
//! (`int`, `Int`, `int53`, `secureString`, `#`, `true` …), what it stands for, whether it is the
//! boxed spelling, and whether a schema may use it without declaring it. Every consumer (the
//! resolver, code generators, the dynamic codec) reads built-ins from here.

/// A primitive TL type. Spellings that mean the same type (`int` and `Int`) give the same value;
/// spellings that mean different things to a reader of the schema (`int53` and `long`, `string` and
/// `secureString`) stay apart even when their bytes are alike: see [`Builtin::encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Builtin {
    /// `int`, `Int`: a signed 32-bit number.
    Int,
    /// `int32`, `Int32` (TDLib): a signed 32-bit number.
    Int32,
    /// `long`, `Long`: a signed 64-bit number.
    Long,
    /// `int53`, `Int53` (TDLib): a 64-bit number that fits in 53 bits (a JSON number in TDLib).
    Int53,
    /// `int64`, `Int64` (TDLib): a signed 64-bit number.
    Int64,
    /// `double`, `Double`: an IEEE 754 double.
    Double,
    /// `#`: a natural number (a flags word, or a plain count).
    Nat,
    /// `string`, `String`: a byte string holding UTF-8 text.
    String,
    /// `secureString`, `SecureString` (tonlib): text to be kept secret.
    SecureString,
    /// `bytes`, `Bytes`: a byte string.
    Bytes,
    /// `secureBytes`, `SecureBytes` (tonlib): bytes to be kept secret.
    SecureBytes,
    /// `int128`, `Int128`: 16 bytes.
    Int128,
    /// `int256`, `Int256`: 32 bytes.
    Int256,
    /// `int512`, `Int512` (TON): 64 bytes.
    Int512,
    /// `Bool`: `boolTrue` or `boolFalse`.
    Bool,
    /// `true` (bare: no bytes, as in `flag:flags.0?true`) and `True` (boxed: the id of `true`).
    True,
}

/// How a built-in is written on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Encoding {
    /// 4 bytes, little-endian, signed.
    Int32,
    /// 4 bytes, little-endian, unsigned (`#`).
    Nat,
    /// 8 bytes, little-endian.
    Int64,
    /// 8 bytes, little-endian IEEE 754.
    Double,
    /// A TL byte string (length header, data, padding to 4) holding UTF-8 text.
    String,
    /// A TL byte string.
    Bytes,
    /// This many bytes, as they are.
    Fixed(usize),
    /// The id of `boolTrue` or `boolFalse`.
    Bool,
    /// Bare `true`: nothing. Boxed `True`: the id of `true`.
    True,
}

impl Builtin {
    /// How values are written on the wire.
    pub fn encoding(self) -> Encoding {
        match self {
            Builtin::Int | Builtin::Int32 => Encoding::Int32,
            Builtin::Long | Builtin::Int53 | Builtin::Int64 => Encoding::Int64,
            Builtin::Double => Encoding::Double,
            Builtin::Nat => Encoding::Nat,
            Builtin::String | Builtin::SecureString => Encoding::String,
            Builtin::Bytes | Builtin::SecureBytes => Encoding::Bytes,
            Builtin::Int128 => Encoding::Fixed(16),
            Builtin::Int256 => Encoding::Fixed(32),
            Builtin::Int512 => Encoding::Fixed(64),
            Builtin::Bool => Encoding::Bool,
            Builtin::True => Encoding::True,
        }
    }

    /// The bare spelling (`int`, `#`, `true`); `Bool` has only its boxed one.
    pub fn name(self) -> &'static str {
        SPELLINGS
            .iter()
            .find(|s| s.builtin == self)
            .map_or("?", |s| s.text)
    }
}

/// What a name that no definition needs to introduce stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Known {
    /// A primitive; `boxed` is true for the boxed spelling (`Int`, `True`, `Bool`).
    Builtin {
        /// Which.
        builtin: Builtin,
        /// The boxed spelling.
        boxed: bool,
    },
    /// `Vector` (`boxed`: written with the vector id) or `vector` (bare), one type argument.
    Vector {
        /// `Vector` rather than `vector`.
        boxed: bool,
    },
    /// TON's `object`/`Object`: a value of any constructor of the schema, boxed.
    AnyObject,
    /// TON's `function`/`Function`: a call of any function of the schema, boxed.
    AnyFunction,
}

/// One spelling of a built-in.
struct Spelling {
    text: &'static str,
    builtin: Builtin,
    boxed: bool,
    /// Usable without a declaration such as `int ? = Int;` (tdesktop's and grammers' api.tl declare
    /// none, TDLib's schemas use `int32`/`int53`/`int64` undeclared).
    implicit: bool,
}

const fn spelling(text: &'static str, builtin: Builtin, boxed: bool, implicit: bool) -> Spelling {
    Spelling {
        text,
        builtin,
        boxed,
        implicit,
    }
}

/// Every spelling of every built-in, the bare one of each first.
const SPELLINGS: &[Spelling] = &[
    spelling("int", Builtin::Int, false, true),
    spelling("Int", Builtin::Int, true, false),
    spelling("int32", Builtin::Int32, false, true),
    spelling("Int32", Builtin::Int32, true, false),
    spelling("long", Builtin::Long, false, true),
    spelling("Long", Builtin::Long, true, false),
    spelling("int53", Builtin::Int53, false, true),
    spelling("Int53", Builtin::Int53, true, false),
    spelling("int64", Builtin::Int64, false, true),
    spelling("Int64", Builtin::Int64, true, false),
    spelling("double", Builtin::Double, false, true),
    spelling("Double", Builtin::Double, true, false),
    spelling("#", Builtin::Nat, false, true),
    spelling("string", Builtin::String, false, true),
    spelling("String", Builtin::String, true, false),
    spelling("secureString", Builtin::SecureString, false, false),
    spelling("SecureString", Builtin::SecureString, true, false),
    spelling("bytes", Builtin::Bytes, false, true),
    spelling("Bytes", Builtin::Bytes, true, false),
    spelling("secureBytes", Builtin::SecureBytes, false, false),
    spelling("SecureBytes", Builtin::SecureBytes, true, false),
    spelling("int128", Builtin::Int128, false, true),
    spelling("Int128", Builtin::Int128, true, false),
    spelling("int256", Builtin::Int256, false, true),
    spelling("Int256", Builtin::Int256, true, false),
    spelling("int512", Builtin::Int512, false, false),
    spelling("Int512", Builtin::Int512, true, false),
    spelling("Bool", Builtin::Bool, true, true),
    spelling("true", Builtin::True, false, true),
    spelling("True", Builtin::True, true, true),
];

/// What `name` stands for when it is one of the built-in spellings, with whether a schema may use it
/// without declaring it.
pub fn lookup(name: &str) -> Option<(Known, bool)> {
    let known = match name {
        "Vector" => (Known::Vector { boxed: true }, true),
        "vector" => (Known::Vector { boxed: false }, true),
        "Object" | "object" => (Known::AnyObject, false),
        "Function" | "function" => (Known::AnyFunction, false),
        _ => {
            let s = SPELLINGS.iter().find(|s| s.text == name)?;
            let builtin = Known::Builtin {
                builtin: s.builtin,
                boxed: s.boxed,
            };
            (builtin, s.implicit)
        }
    };
    Some(known)
}

/// True when a constructor whose result type is `name` declares a built-in (`boolTrue = Bool;`,
/// `int128 4*[ int ] = Int128;`, `vector … = Vector t;`, `secureString = SecureString;`) rather than
/// a constructor of a type of the schema. `Object` and `Function` are not: `gzip_packed … = Object`
/// is a constructor (TON's `object ? = Object;` is a built-in through its `?` body).
pub fn declares_builtin(result_name: &str) -> bool {
    matches!(
        lookup(result_name),
        Some((Known::Builtin { .. } | Known::Vector { .. }, _))
    )
}

/// Every spelling that names a built-in without a declaration (for suggestions and tests).
pub fn implicit_names() -> impl Iterator<Item = &'static str> {
    SPELLINGS
        .iter()
        .filter(|s| s.implicit)
        .map(|s| s.text)
        .chain(["Vector", "vector"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_agree_with_their_builtin() {
        for s in SPELLINGS {
            let (known, implicit) = lookup(s.text).unwrap_or_else(|| unreachable!());
            assert_eq!(implicit, s.implicit, "{}", s.text);
            let Known::Builtin { builtin, boxed } = known else {
                unreachable!()
            };
            assert_eq!((builtin, boxed), (s.builtin, s.boxed));
            // The bare spelling of each built-in starts with a lowercase letter (or is `#`), the boxed
            // one with an uppercase letter.
            assert_eq!(
                s.text.starts_with(char::is_uppercase),
                s.boxed,
                "{}",
                s.text
            );
        }
    }

    #[test]
    fn names_and_encodings() {
        assert_eq!(Builtin::Int53.name(), "int53");
        assert_eq!(Builtin::Bool.name(), "Bool");
        assert_eq!(Builtin::Nat.name(), "#");
        assert_eq!(Builtin::SecureBytes.encoding(), Encoding::Bytes);
        assert_eq!(Builtin::Int512.encoding(), Encoding::Fixed(64));
        assert!(declares_builtin("Int128"));
        assert!(declares_builtin("Vector"));
        assert!(!declares_builtin("Object"));
        assert!(!declares_builtin("User"));
    }
}
