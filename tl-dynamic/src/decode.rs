//! Bytes to a value tree, driven by the compiled schema, with the generated decoder's guarantees on
//! hostile input: every count checked against what is left before anything is reserved (and at
//! most 16 KiB reserved on a count's word), every boxed or bare value below the outermost one a
//! nesting level (bounded), offsets and paths in every error, never a panic. Plus what only a
//! decoder of any schema does: `gzip_packed` unpacked where a boxed value may stand (with a limit
//! on the unpacked bytes of the whole input), and `message` bodies with an unknown id kept raw.

use tl_types::codec::{BOOL_FALSE_ID, BOOL_TRUE_ID, MAX_PREALLOC_BYTES, NULL_ID, VECTOR_ID};

use crate::codec::Codec;
use crate::decode_error::{DecodeError, DecodeErrorKind};
use crate::def::{Def, DefKind, Expect, Role, Ty};
use crate::envelopes::GZIP_PACKED_ID;
use crate::target::{Target, TargetKind};
use crate::value::{Object, Raw, Value};
use crate::wire::Reader;

/// The id of `true#3fedd339 = True`.
pub(crate) const TRUE_ID: u32 = 0x3fedd339;

/// Flags words of one object on the stack (no definition of a real schema has more than 8).
const INLINE_WORDS: usize = 8;

/// How many times one decoding may go back and read a value again as another definition with the
/// same id (see [`Codec::shared`]): this bounds the work on hostile input to a small multiple.
const MAX_RETRIES: usize = 16;

/// The state of one decoding: the depth reached and the unpacked bytes left.
pub(crate) struct Decoder<'c> {
    codec: &'c Codec<'c>,
    depth: usize,
    /// Unpacked bytes still allowed; `None` when gzip_packed is refused.
    budget: Option<usize>,
    /// Retries left for shared ids.
    retries: usize,
}

impl<'c> Decoder<'c> {
    pub(crate) fn new(codec: &'c Codec<'c>) -> Self {
        Decoder {
            codec,
            depth: 0,
            budget: codec.options.max_unpacked(),
            retries: MAX_RETRIES,
        }
    }

    /// The outermost value: not a nesting level, as in the generated decoder.
    pub(crate) fn top(
        &mut self,
        r: &mut Reader<'_>,
        target: &Target,
    ) -> Result<Value<'c>, DecodeError> {
        match &target.kind {
            TargetKind::Boxed(expect) => self.boxed(r, *expect),
            TargetKind::Ty(ty) => self.value(r, ty),
        }
    }

    /// Runs `f` one nesting level deeper, or fails at the current offset.
    #[inline]
    fn nested<T>(
        &mut self,
        r: &mut Reader<'_>,
        f: impl FnOnce(&mut Self, &mut Reader<'_>) -> Result<T, DecodeError>,
    ) -> Result<T, DecodeError> {
        let limit = self.codec.options.max_depth();
        if self.depth >= limit {
            return Err(r.error(DecodeErrorKind::DepthExceeded { limit }));
        }
        self.depth += 1;
        let result = f(self, r);
        self.depth -= 1;
        result
    }

    fn value(&mut self, r: &mut Reader<'_>, ty: &Ty) -> Result<Value<'c>, DecodeError> {
        Ok(match ty {
            Ty::Int => Value::Int(r.i32()?),
            Ty::Nat => Value::Nat(r.u32()?),
            Ty::Long => Value::Long(r.i64()?),
            Ty::Int53 => Value::Int53(r.i64()?),
            Ty::Double => Value::Double(r.f64()?),
            Ty::String => {
                let at = r.position();
                let data = r.tl_bytes()?;
                match std::str::from_utf8(data) {
                    Ok(text) => Value::String(text.to_owned()),
                    Err(_) => return Err(DecodeError::new(DecodeErrorKind::InvalidUtf8, at)),
                }
            }
            Ty::Bytes => Value::Bytes(r.tl_bytes()?.to_vec()),
            Ty::Int128 => Value::Int128(r.array()?),
            Ty::Int256 => Value::Int256(r.array()?),
            Ty::Int512 => Value::Int512(Box::new(r.array()?)),
            Ty::Bool => {
                let at = r.position();
                match r.u32()? {
                    BOOL_TRUE_ID => Value::Bool(true),
                    BOOL_FALSE_ID => Value::Bool(false),
                    id => return Err(DecodeError::new(DecodeErrorKind::BadBool { id }, at)),
                }
            }
            Ty::True => self.nested(r, |_, r| {
                let at = r.position();
                match r.u32()? {
                    TRUE_ID => Ok(Value::True),
                    id => Err(DecodeError::new(
                        DecodeErrorKind::UnknownConstructor {
                            id,
                            expected: "True".into(),
                        },
                        at,
                    )),
                }
            })?,
            Ty::BareTrue => Value::Bool(true),
            Ty::Vector { boxed, element } => {
                if *boxed {
                    let at = r.position();
                    let id = r.u32()?;
                    if id != VECTOR_ID {
                        return Err(DecodeError::new(DecodeErrorKind::BadVectorId { id }, at));
                    }
                }
                let count = self.count(r, self.codec.min_len(element))?;
                let mut values = Vec::with_capacity(prealloc(count));
                for index in 0..count {
                    values.push(self.value(r, element).map_err(|e| e.at_index(index))?);
                }
                Value::Vector(values)
            }
            Ty::Boxed(expect) => self.nested(r, |d, r| d.boxed(r, *expect))?,
            Ty::Bare(def) => {
                let def = *def;
                self.nested(r, |d, r| d.object(r, def).map(Value::Object))?
            }
            Ty::Body | Ty::Unsupported => {
                return Err(r.error(DecodeErrorKind::Unsupported {
                    what: self.codec.type_name(ty),
                }));
            }
        })
    }

    /// A vector's count, checked against the rest of the input (elements of at least `min_len`
    /// bytes; one byte for elements that may take none).
    fn count(&self, r: &mut Reader<'_>, min_len: usize) -> Result<usize, DecodeError> {
        let at = r.position();
        let count = r.u32()?;
        let max = r.remaining() / min_len.max(1);
        match usize::try_from(count) {
            Ok(n) if n <= max => Ok(n),
            _ => Err(DecodeError::new(
                DecodeErrorKind::VectorTooLong { count, max },
                at,
            )),
        }
    }

    /// A boxed value: its id picks the definition among those `expect` accepts.
    fn boxed(&mut self, r: &mut Reader<'_>, expect: Expect) -> Result<Value<'c>, DecodeError> {
        let at = r.position();
        let id = r.u32()?;
        if let Some(def) = self.codec.lookup(expect, id) {
            if matches!(expect, Expect::Generic | Expect::Any)
                && let Some(others) = self.codec.shared.get(&id)
            {
                return self.shared(r, def, others).map(Value::Object);
            }
            return self.object(r, def).map(Value::Object);
        }
        if id == GZIP_PACKED_ID && self.budget.is_some() {
            return self.unpack(r, at, expect);
        }
        if id == VECTOR_ID && expect == Expect::Any {
            let count = self.count(r, 4)?;
            let mut values = Vec::with_capacity(prealloc(count));
            for index in 0..count {
                let value = self.nested(r, |d, r| d.boxed(r, Expect::Any));
                values.push(value.map_err(|e| e.at_index(index))?);
            }
            return Ok(Value::Vector(values));
        }
        Err(DecodeError::new(
            DecodeErrorKind::UnknownConstructor {
                id,
                expected: self.codec.expected_name(expect).into(),
            },
            at,
        ))
    }

    /// A value whose id several definitions share: the preferred one `def`, or else the first of
    /// `others` that decodes (the reader rewound for each), while retries last; the preferred
    /// one's error otherwise.
    fn shared(
        &mut self,
        r: &mut Reader<'_>,
        def: usize,
        others: &[usize],
    ) -> Result<Object<'c>, DecodeError> {
        let (start, budget) = (r.clone(), self.budget);
        let first = match self.object(r, def) {
            Ok(object) => return Ok(object),
            Err(e) => e,
        };
        for &other in others.iter().filter(|&&d| d != def) {
            if self.retries == 0 {
                break;
            }
            self.retries -= 1;
            *r = start.clone();
            self.budget = budget;
            if let Ok(object) = self.object(r, other) {
                return Ok(object);
            }
        }
        Err(first)
    }

    /// The data of a `gzip_packed` (its id read, at `at`), unpacked and decoded as what `expect`
    /// accepts; it must use every unpacked byte.
    fn unpack(
        &mut self,
        r: &mut Reader<'_>,
        at: usize,
        expect: Expect,
    ) -> Result<Value<'c>, DecodeError> {
        let header = r.position();
        let in_data = |e: DecodeError| e.in_field("gzip_packed", "packed_data");
        let packed = r.tl_bytes().map_err(in_data)?;
        let budget = self.budget.unwrap_or(0);
        let data = tl_types::gzip::inflate(packed, budget).map_err(|e| {
            let kind = match e.kind() {
                tl_types::DecodeErrorKind::UnpackedTooLarge { .. } => {
                    DecodeErrorKind::UnpackedTooLarge {
                        limit: self.codec.options.max_unpacked().unwrap_or(0),
                    }
                }
                _ => DecodeErrorKind::BadGzip,
            };
            in_data(DecodeError::new(kind, header))
        })?;
        self.budget = Some(budget.saturating_sub(data.len()));
        let mut inner = Reader::new(&data, 0);
        self.boxed(&mut inner, expect)
            .and_then(|value| inner.finish().map(|()| value))
            .map_err(|e| e.in_packed(at))
    }

    /// The fields of definition `def` (its id, if any, already read).
    fn object(&mut self, r: &mut Reader<'_>, def: usize) -> Result<Object<'c>, DecodeError> {
        let codec = self.codec;
        let def = &codec.defs[def];
        if def.kind == DefKind::Envelope && Some(def.index) == codec.message {
            return self.message(r, def);
        }
        let mut inline = [0u32; INLINE_WORDS];
        let mut heap = Vec::new();
        let words: &mut [u32] = if def.flag_words <= INLINE_WORDS {
            &mut inline[..def.flag_words]
        } else {
            heap.resize(def.flag_words, 0);
            &mut heap
        };
        let mut fields = Vec::with_capacity(def.required);
        for (i, param) in def.params.iter().enumerate() {
            let in_field = |e: DecodeError| e.in_field(def.name, param.name);
            match param.role {
                Role::FlagsWord { slot } => {
                    let word = r.u32().map_err(in_field)?;
                    fields.reserve(word.count_ones() as usize);
                    if let Some(w) = words.get_mut(slot) {
                        *w = word;
                    }
                }
                Role::Required { nullable } => {
                    if nullable && r.peek_u32() == Some(NULL_ID) {
                        r.u32()?;
                        continue;
                    }
                    fields.push((i, self.value(r, &param.ty).map_err(in_field)?));
                }
                Role::Conditional { slot, bit, .. } => {
                    let set = words.get(slot).is_some_and(|w| w & (1 << bit) != 0);
                    if !set {
                        continue;
                    }
                    if param.is_true_flag() {
                        fields.push((i, Value::Bool(true)));
                    } else {
                        fields.push((i, self.value(r, &param.ty).map_err(in_field)?));
                    }
                }
            }
        }
        Ok(Object { def, fields })
    }

    /// An MTProto `message`: its body is `bytes` long, so one with an unknown id is kept raw.
    fn message(&mut self, r: &mut Reader<'_>, def: &'c Def<'c>) -> Result<Object<'c>, DecodeError> {
        let field = |name: &'static str| move |e: DecodeError| e.in_field("message", name);
        let msg_id = r.i64().map_err(field("msg_id"))?;
        let seqno = r.i32().map_err(field("seqno"))?;
        let at = r.position();
        let bytes = r.i32().map_err(field("bytes"))?;
        let len = match usize::try_from(bytes) {
            Ok(len) if len >= 4 && len.is_multiple_of(4) => len,
            _ => {
                return Err(field("bytes")(DecodeError::new(
                    DecodeErrorKind::BadBodyLength { bytes },
                    at,
                )));
            }
        };
        let start = r.position();
        let data = r.slice(len).map_err(field("body"))?;
        let mut body = Reader::new(data, start);
        let id = body.peek_u32().unwrap_or(0);
        let known = self.codec.lookup(Expect::Any, id).is_some()
            || (id == GZIP_PACKED_ID && self.budget.is_some())
            || id == VECTOR_ID;
        let value = if known {
            self.nested(&mut body, |d, r| d.boxed(r, Expect::Any))
                .and_then(|value| body.finish().map(|()| value))
                .map_err(field("body"))?
        } else {
            Value::Raw(Raw {
                id,
                data: data.get(4..).unwrap_or_default().to_vec(),
            })
        };
        let p = |name: &str| def.param_index(name).unwrap_or_default();
        let fields = vec![
            (p("msg_id"), Value::Long(msg_id)),
            (p("seqno"), Value::Int(seqno)),
            (p("bytes"), Value::Int(bytes)),
            (p("body"), value),
        ];
        Ok(Object { def, fields })
    }
}

/// How many elements to reserve for a vector of `count`: no more than 16 KiB on the count's word.
fn prealloc(count: usize) -> usize {
    count.min(MAX_PREALLOC_BYTES / std::mem::size_of::<Value<'_>>())
}

impl<'s> Codec<'s> {
    /// Decodes a boxed value whose id picks the constructor or function (or MTProto envelope);
    /// the value must span all of `bytes`.
    pub fn decode<'c>(&'c self, bytes: &[u8]) -> Result<Value<'c>, DecodeError> {
        self.decode_as(&Target::any(), bytes)
    }

    /// Decodes a value of `target` ([`Codec::target`]) that must span all of `bytes`.
    pub fn decode_as<'c>(
        &'c self,
        target: &Target,
        bytes: &[u8],
    ) -> Result<Value<'c>, DecodeError> {
        let this: &'c Codec<'c> = self;
        let mut reader = Reader::new(bytes, 0);
        let value = Decoder::new(this).top(&mut reader, target)?;
        reader.finish()?;
        Ok(value)
    }
}
