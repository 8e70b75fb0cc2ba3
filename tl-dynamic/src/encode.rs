//! A value tree to bytes, driven by the compiled schema: each value is checked against the TL type
//! the schema has at its place (an `int` where an `int` goes, a constructor of the expected type),
//! flags words are computed from the fields present, a TDLib nullable that is absent is written as
//! `null#56730bcc`, and byte strings and vectors are checked against TL's limits. The bytes are
//! those the generated encoder writes for the same value.

use tl_types::codec::{BOOL_FALSE_ID, BOOL_TRUE_ID, MAX_TL_BYTES_LEN, NULL_ID, VECTOR_ID};

use crate::codec::Codec;
use crate::decode::TRUE_ID;
use crate::def::{Def, DefKind, Expect, Role, Ty};
use crate::encode_error::{EncodeError, EncodeErrorKind};
use crate::target::{Target, TargetKind};
use crate::value::{Object, Value};
use crate::wire::write_tl_bytes;

/// Flags words of one object on the stack.
const INLINE_WORDS: usize = 8;

/// Writes values of one codec's schema.
pub(crate) struct Encoder<'a, 's> {
    codec: &'a Codec<'s>,
    pub(crate) out: Vec<u8>,
}

impl<'a, 's> Encoder<'a, 's> {
    pub(crate) fn new(codec: &'a Codec<'s>) -> Self {
        Encoder {
            codec,
            out: Vec::new(),
        }
    }

    pub(crate) fn top(&mut self, target: &Target, value: &Value<'_>) -> Result<(), EncodeError> {
        match &target.kind {
            TargetKind::Boxed(expect) => self.boxed(*expect, value),
            TargetKind::Ty(ty) => self.value(ty, value),
        }
    }

    fn wrong(&self, ty: &Ty, value: &Value<'_>) -> EncodeError {
        EncodeError::new(EncodeErrorKind::WrongType {
            expected: self.codec.type_name(ty),
            found: value.kind_name(),
        })
    }

    fn bytes(&mut self, data: &[u8]) -> Result<(), EncodeError> {
        if data.len() > MAX_TL_BYTES_LEN {
            return Err(EncodeError::new(EncodeErrorKind::ByteStringTooLong {
                len: data.len(),
            }));
        }
        write_tl_bytes(data, &mut self.out);
        Ok(())
    }

    fn u32(&mut self, word: u32) {
        self.out.extend_from_slice(&word.to_le_bytes());
    }

    fn count(&mut self, len: usize) -> Result<(), EncodeError> {
        let count = u32::try_from(len)
            .map_err(|_| EncodeError::new(EncodeErrorKind::TooManyElements { count: len }))?;
        self.u32(count);
        Ok(())
    }

    fn value(&mut self, ty: &Ty, value: &Value<'_>) -> Result<(), EncodeError> {
        match (ty, value) {
            (Ty::Int, Value::Int(x)) => self.out.extend_from_slice(&x.to_le_bytes()),
            (Ty::Nat, Value::Nat(x)) => self.u32(*x),
            (Ty::Long, Value::Long(x)) | (Ty::Int53, Value::Int53(x)) => {
                self.out.extend_from_slice(&x.to_le_bytes())
            }
            (Ty::Double, Value::Double(x)) => self.out.extend_from_slice(&x.to_le_bytes()),
            (Ty::String, Value::String(text)) => self.bytes(text.as_bytes())?,
            (Ty::Bytes, Value::Bytes(data)) => self.bytes(data)?,
            (Ty::Int128, Value::Int128(data)) => self.out.extend_from_slice(data),
            (Ty::Int256, Value::Int256(data)) => self.out.extend_from_slice(data),
            (Ty::Int512, Value::Int512(data)) => self.out.extend_from_slice(&data[..]),
            (Ty::Bool, Value::Bool(b)) => self.u32(if *b { BOOL_TRUE_ID } else { BOOL_FALSE_ID }),
            (Ty::True, Value::True) => self.u32(TRUE_ID),
            (Ty::Vector { boxed, element }, Value::Vector(items)) => {
                if *boxed {
                    self.u32(VECTOR_ID);
                }
                self.count(items.len())?;
                for (index, item) in items.iter().enumerate() {
                    self.value(element, item).map_err(|e| e.at_index(index))?;
                }
            }
            (Ty::Boxed(expect), value) => self.boxed(*expect, value)?,
            (Ty::Bare(d), Value::Object(object)) => {
                let def = self.own(object)?;
                if def.index != *d {
                    return Err(EncodeError::new(EncodeErrorKind::WrongConstructor {
                        name: def.name.to_owned(),
                        expected: self.codec.type_name(ty),
                    }));
                }
                self.fields(def, object)?;
            }
            (ty, value) => return Err(self.wrong(ty, value)),
        }
        Ok(())
    }

    /// The codec's own definition of `object` (values of another codec are refused: their
    /// definitions may differ).
    fn own(&self, object: &Object<'_>) -> Result<&'a Def<'s>, EncodeError> {
        let def = object.def;
        match self.codec.defs.get(def.index) {
            Some(own)
                if std::ptr::eq(
                    own as *const Def<'s> as *const u8,
                    def as *const Def<'_> as *const u8,
                ) =>
            {
                Ok(own)
            }
            _ => Err(EncodeError::new(EncodeErrorKind::ForeignDefinition {
                name: def.name.to_owned(),
            })),
        }
    }

    fn boxed(&mut self, expect: Expect, value: &Value<'_>) -> Result<(), EncodeError> {
        match value {
            Value::Object(object) => {
                let def = self.own(object)?;
                if !self.codec.accepts(expect, def) {
                    return Err(EncodeError::new(EncodeErrorKind::WrongConstructor {
                        name: def.name.to_owned(),
                        expected: self.codec.expected_name(expect),
                    }));
                }
                self.u32(def.id);
                self.fields(def, object)
            }
            Value::Raw(raw) if expect == Expect::Any => {
                self.u32(raw.id);
                self.out.extend_from_slice(&raw.data);
                Ok(())
            }
            Value::Vector(items) if expect == Expect::Any => {
                self.u32(VECTOR_ID);
                self.count(items.len())?;
                for (index, item) in items.iter().enumerate() {
                    self.boxed(Expect::Any, item)
                        .map_err(|e| e.at_index(index))?;
                }
                Ok(())
            }
            other => Err(self.wrong(&Ty::Boxed(expect), other)),
        }
    }

    fn fields(&mut self, def: &Def<'s>, object: &Object<'_>) -> Result<(), EncodeError> {
        if def.kind == DefKind::Envelope && Some(def.index) == self.codec.message {
            return self.message(def, object);
        }
        let mut inline = [0u32; INLINE_WORDS];
        let mut heap = Vec::new();
        let words: &mut [u32] = if def.flag_words <= INLINE_WORDS {
            &mut inline[..def.flag_words]
        } else {
            heap.resize(def.flag_words, 0);
            &mut heap
        };
        // Every field present sets its bit; a `?true` set to false is as good as absent.
        for (p, value) in &object.fields {
            let Some(param) = def.params.get(*p) else {
                continue;
            };
            if let Role::Conditional { slot, bit, .. } = param.role {
                let set = !param.is_true_flag() || matches!(value, Value::Bool(true));
                if param.is_true_flag() && !matches!(value, Value::Bool(_)) {
                    return Err(self
                        .wrong(&Ty::BareTrue, value)
                        .in_field(def.name, param.name));
                }
                if let (true, Some(word)) = (set, words.get_mut(slot)) {
                    *word |= 1 << bit;
                }
            }
        }
        let mut present = object.fields.iter().peekable();
        for (i, param) in def.params.iter().enumerate() {
            while present.next_if(|(p, _)| *p < i).is_some() {}
            let value = present.next_if(|(p, _)| *p == i).map(|(_, v)| v);
            let in_field = |e: EncodeError| e.in_field(def.name, param.name);
            let missing = || {
                EncodeError::new(EncodeErrorKind::MissingField {
                    ty: def.name.to_owned(),
                    field: param.name.to_owned(),
                })
            };
            match (param.role.clone(), value) {
                (Role::FlagsWord { slot }, _) => {
                    let word = words.get(slot).copied().unwrap_or(0);
                    self.u32(word);
                }
                (Role::Required { .. }, Some(value)) => {
                    self.value(&param.ty, value).map_err(in_field)?;
                }
                (Role::Required { nullable: true }, None) => self.u32(NULL_ID),
                (Role::Required { nullable: false }, None) => return Err(missing()),
                (Role::Conditional { slot, bit, .. }, value) => {
                    let set = words.get(slot).is_some_and(|w| w & (1 << bit) != 0);
                    match (set, param.is_true_flag(), value) {
                        (false, _, _) | (true, true, _) => {}
                        (true, false, Some(value)) => {
                            self.value(&param.ty, value).map_err(in_field)?;
                        }
                        (true, false, None) => return Err(missing()),
                    }
                }
            }
        }
        Ok(())
    }

    /// An MTProto `message`: `bytes` is the length of the body as written.
    fn message(&mut self, def: &Def<'s>, object: &Object<'_>) -> Result<(), EncodeError> {
        let get = |name: &str| {
            def.param_index(name)
                .and_then(|p| object.at(p))
                .ok_or_else(|| {
                    EncodeError::new(EncodeErrorKind::MissingField {
                        ty: def.name.to_owned(),
                        field: name.to_owned(),
                    })
                })
        };
        let in_field = |name: &'static str| move |e: EncodeError| e.in_field("message", name);
        self.value(&Ty::Long, get("msg_id")?)
            .map_err(in_field("msg_id"))?;
        self.value(&Ty::Int, get("seqno")?)
            .map_err(in_field("seqno"))?;
        let body = get("body")?;
        let at = self.out.len();
        self.u32(0);
        let start = self.out.len();
        self.boxed(Expect::Any, body).map_err(in_field("body"))?;
        let len = i32::try_from(self.out.len() - start).map_err(|_| {
            EncodeError::new(EncodeErrorKind::ByteStringTooLong {
                len: self.out.len() - start,
            })
            .in_field("message", "body")
        })?;
        self.out[at..start].copy_from_slice(&len.to_le_bytes());
        Ok(())
    }
}

impl<'s> Codec<'s> {
    /// The bytes of a boxed value (a constructor, function or envelope; what
    /// [`Codec::decode`] reads).
    pub fn encode(&self, value: &Value<'_>) -> Result<Vec<u8>, EncodeError> {
        self.encode_as(&Target::any(), value)
    }

    /// The bytes of `value` as `target` ([`Codec::target`]).
    pub fn encode_as(&self, target: &Target, value: &Value<'_>) -> Result<Vec<u8>, EncodeError> {
        let mut encoder = Encoder::new(self);
        encoder.top(target, value)?;
        Ok(encoder.out)
    }
}
