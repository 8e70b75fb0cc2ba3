//! A fast hasher for the parser's and checker's internal tables (never iterated into output).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiplicative hasher for lookup tables keyed by short names or `u32` ids. Tables that use
/// it are only probed, never iterated into output, so their order cannot leak into results.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0, bytes);
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The table index comes from the low bits: fold the well-mixed high bits into them (keys
        // such as aligned addresses have constant low bits).
        self.0 ^ (self.0 >> 29)
    }
}

/// Eight bytes as a little-endian word (`chunk` has exactly eight).
fn word8(chunk: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    u64::from_le_bytes(word)
}

/// Four bytes as a little-endian word (`chunk` has exactly four).
fn word4(chunk: &[u8]) -> u64 {
    let mut word = [0u8; 4];
    word.copy_from_slice(chunk);
    u64::from(u32::from_le_bytes(word))
}

/// Mixes `bytes` into `seed`, eight bytes at a time; a short tail is read as overlapping words
/// rather than byte by byte.
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mix = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(FastHasher::K);
    let len = bytes.len();
    let mut h = seed;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        h = mix(h, word8(chunk));
    }
    let tail = chunks.remainder().len();
    if tail == 0 {
        return h;
    }
    let word = if len >= 8 {
        // The last eight bytes, overlapping the last whole chunk.
        word8(&bytes[len - 8..])
    } else if len >= 4 {
        word4(&bytes[..4]) | (word4(&bytes[len - 4..]) << 32)
    } else {
        u64::from(bytes[0]) | (u64::from(bytes[len / 2]) << 8) | (u64::from(bytes[len - 1]) << 16)
    };
    mix(h, word)
}

/// A hash map with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A hash set with [`FastHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;
