//! MTProto's envelopes, which schemas leave to hand-written code (mtproto.tl has them commented out,
//! "parsed manually"), known to the codec without a schema:
//!
//! ```text
//! msg_container#73f1f8dc messages:vector<%Message> = MessageContainer;
//! message msg_id:long seqno:int bytes:int body:Object = Message;
//! rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult;
//! gzip_packed#3072cfa1 packed_data:bytes = Object;
//! ```
//!
//! `msg_container`, `message` and `rpc_result` are added as definitions of their own unless the
//! schema has a definition with that name or id (then the schema's is used). `gzip_packed` is not
//! a definition: the decoder unpacks it wherever a boxed value may stand (see
//! [`crate::Options::with_max_unpacked`]).
//!
//! A `message`'s `bytes` is the length of its `body`, so a body whose id the codec does not know is
//! kept as [`crate::Raw`] bytes and the other messages still decode; an `Object` position also
//! accepts a vector of boxed values (an `rpc_result` answering a function that returns
//! `Vector<User>`). When encoding, `bytes` is computed from the body (the value given is ignored).

use std::collections::HashMap;

use crate::def::{Def, DefKind, Expect, Param, Role, Ty};

/// `msg_container#73f1f8dc`.
pub const MSG_CONTAINER_ID: u32 = 0x73f1f8dc;
/// `rpc_result#f35c6d01`.
pub const RPC_RESULT_ID: u32 = 0xf35c6d01;
/// `gzip_packed#3072cfa1`.
pub const GZIP_PACKED_ID: u32 = tl_types::gzip::GZIP_PACKED_ID;

/// The JSON `"@type"` of a body kept raw.
pub const RAW_TYPE: &str = "@unknown";

/// Adds the envelopes the schema does not define; returns the index of `message` when added.
pub(crate) fn add<'s>(
    defs: &mut Vec<Def<'s>>,
    by_name: &mut HashMap<&'s str, usize>,
    any: &mut HashMap<u32, usize>,
) -> Option<usize> {
    let param = |name: &'static str, ty: Ty| Param {
        name,
        ty,
        role: Role::Required { nullable: false },
    };
    let message = defs.len();
    // `message` is bare (no id): a name of its own only where the schema has none (TDLib's
    // td_api has a `message`); msg_container refers to it by index.
    defs.push(envelope(
        message,
        "message",
        0,
        "Message",
        vec![
            param("msg_id", Ty::Long),
            param("seqno", Ty::Int),
            param("bytes", Ty::Int),
            param("body", Ty::Body),
        ],
        16,
    ));
    if !by_name.contains_key("message") {
        by_name.insert("message", message);
    }
    let mut added = false;
    for (name, id, result, params, min) in [
        (
            "msg_container",
            MSG_CONTAINER_ID,
            "MessageContainer",
            vec![param(
                "messages",
                Ty::Vector {
                    boxed: false,
                    element: Box::new(Ty::Bare(message)),
                },
            )],
            4,
        ),
        (
            "rpc_result",
            RPC_RESULT_ID,
            "RpcResult",
            vec![
                param("req_msg_id", Ty::Long),
                param("result", Ty::Boxed(Expect::Any)),
            ],
            12,
        ),
    ] {
        if by_name.contains_key(name) || any.contains_key(&id) {
            continue;
        }
        let index = defs.len();
        defs.push(envelope(index, name, id, result, params, min));
        by_name.insert(name, index);
        any.insert(id, index);
        added |= name == "msg_container";
    }
    added.then_some(message)
}

fn envelope<'s>(
    index: usize,
    name: &'static str,
    id: u32,
    result: &'static str,
    params: Vec<Param<'s>>,
    min_bare_len: usize,
) -> Def<'s> {
    Def {
        index,
        name,
        id,
        kind: DefKind::Envelope,
        result,
        required: params.len(),
        params,
        flag_words: 0,
        min_bare_len,
        source: None,
    }
}
