#!/usr/bin/env bash
# Workload 5 of issue 6: compile time of the generated code, ours against grammers-tl-types.
#
# Builds throw-away crates in a temp folder, each from clean, in release, with its own target
# folder and the workspace's Cargo.lock (same dependency versions as the workspace):
#   ours-full     build.rs runs tl_codegen::Config::new().compile(&[api-L228.tl]); depends on tl-types by path
#   ours-select   the same with .select(["messages.getChatInviteImporters"])
#   ours-serde    ours-full with .serde(true) and tl-types' `serde` feature (the JSON form)
#   ours-eq-hash  ours-full with .eq_hash(true) (the cost of the `Eq` and `Hash` derives)
#   ours-builders ours-full with .builders(true): `new`, the `with_` setters and `Default`
#   ours-enum-helpers  ours-full with .enum_helpers(true): constructor_id, tl_name, TryFrom, getters
#   ours-all-api  ours-full with .builders(true).enum_helpers(true).eq_hash(true): every API switch on
#   ours-no-format  ours-full with .format(false) (the build script's share: formatting the file)
#   ours-borrowed ours-full with .borrowed(true) (zero-copy decoding: `Cow` fields, a lifetime,
#                 the borrowed decoders and `IntoOwned`)
#   grammers      depends on grammers-tl-types 0.11.0 (default features, its own api.tl at layer 230)
# and prints for each: the clean build (all dependencies), the rebuild of the generated crate alone
# (`cargo clean -p <it>` then build: build script + generation + compiling the generated code, with
# dependencies cached), and the generated line and byte counts (target/release/build/*/out/).
#
# Usage: bench/compile-time.sh            (the corpus as for the benches: schema/corpus, or TL_CORPUS)
#        KEEP=1 bench/compile-time.sh     (keep the temp folder and print its path)
#        JOBS=1 bench/compile-time.sh     (cargo -j; default: cargo's default)
#        REPEAT=3 bench/compile-time.sh   (the generated crate alone rebuilt 3 times, the fastest kept)
#        VARIANTS="ours-full grammers" bench/compile-time.sh   (only these crates; default: all)
set -euo pipefail

ws=$(cd "$(dirname "$0")/.." && pwd)
corpus=${TL_CORPUS:-schema/corpus}
case $corpus in /*) ;; *) corpus=$ws/$corpus ;; esac
schema=$corpus/telegram/api-L228.tl
if [ ! -f "$schema" ]; then
    echo "compile-time: skipped, $schema not found (set TL_CORPUS)"
    exit 0
fi
schema=$(cd "$(dirname "$schema")" && pwd)/$(basename "$schema")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tl-compile-time.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "compile-time: keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
jobs=()
[ -n "${JOBS:-}" ] && jobs=(-j "$JOBS")

# new_crate NAME DEPENDENCIES BUILD_DEPENDENCIES BUILD_RS LIB_RS
new_crate() {
    local dir=$tmp/$1
    mkdir -p "$dir/src"
    cat >"$dir/Cargo.toml" <<EOF
[package]
name = "$1"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$2

[build-dependencies]
$3

[workspace]
EOF
    if [ -n "$4" ]; then printf '%s\n' "$4" >"$dir/build.rs"; fi
    printf '%s\n' "$5" >"$dir/src/lib.rs"
    cp "$ws/Cargo.lock" "$dir/Cargo.lock"
}

ours_build_rs() {
    cat <<EOF
fn main() -> Result<(), Box<dyn std::error::Error>> {
    tl_codegen::Config::new()$1.compile(&["$schema"])?;
    Ok(())
}
EOF
}
ours_lib='#![allow(missing_docs, clippy::all)]
include!(concat!(env!("OUT_DIR"), "/tl.rs"));'
ours_deps="tl-types = { path = \"$ws/tl-types\" }"
ours_build_deps="tl-codegen = { path = \"$ws/tl-codegen\" }"

new_crate ours-full "$ours_deps" "$ours_build_deps" "$(ours_build_rs '')" "$ours_lib"
new_crate ours-select "$ours_deps" "$ours_build_deps" \
    "$(ours_build_rs '.select(["messages.getChatInviteImporters"])')" "$ours_lib"
new_crate ours-serde "tl-types = { path = \"$ws/tl-types\", features = [\"serde\"] }" \
    "$ours_build_deps" "$(ours_build_rs '.serde(true)')" "$ours_lib"
new_crate ours-eq-hash "$ours_deps" "$ours_build_deps" "$(ours_build_rs '.eq_hash(true)')" \
    "$ours_lib"
new_crate ours-builders "$ours_deps" "$ours_build_deps" "$(ours_build_rs '.builders(true)')" \
    "$ours_lib"
new_crate ours-enum-helpers "$ours_deps" "$ours_build_deps" \
    "$(ours_build_rs '.enum_helpers(true)')" "$ours_lib"
new_crate ours-all-api "$ours_deps" "$ours_build_deps" \
    "$(ours_build_rs '.builders(true).enum_helpers(true).eq_hash(true)')" "$ours_lib"
new_crate ours-no-format "$ours_deps" "$ours_build_deps" "$(ours_build_rs '.format(false)')" \
    "$ours_lib"
new_crate ours-borrowed "$ours_deps" "$ours_build_deps" "$(ours_build_rs '.borrowed(true)')" \
    "$ours_lib"
new_crate grammers 'grammers-tl-types = "=0.11.0"' '' '' 'pub use grammers_tl_types;'
variants=" ${VARIANTS:-ours-full ours-select ours-serde ours-eq-hash ours-builders ours-enum-helpers ours-all-api ours-no-format ours-borrowed grammers} "

seconds() { # seconds COMMAND...: wall time of a command, in seconds with one decimal
    local start end
    start=$(date +%s.%N)
    "$@" >"$tmp/last.log" 2>&1 || { cat "$tmp/last.log"; return 1; }
    end=$(date +%s.%N)
    echo "$start $end" | awk '{ printf "%.1f", $2 - $1 }'
}

# measure CRATE GENERATED_PACKAGE FILE_GLOB (nothing unless VARIANTS has CRATE)
measure() {
    case $variants in *" $1 "*) ;; *) return 0 ;; esac
    local dir=$tmp/$1
    export CARGO_TARGET_DIR=$dir/target
    cd "$dir"
    cargo fetch --quiet # resolves the copied lock file (keeps its versions) and downloads what is missing
    local clean alone=
    clean=$(seconds cargo build --release --offline "${jobs[@]}")
    local i run
    for i in $(seq "${REPEAT:-1}"); do
        cargo clean --release -p "$2" --quiet
        run=$(seconds cargo build --release --offline "${jobs[@]}")
        alone=$(echo "${alone:-$run} $run" | awk '{ print ($2 < $1) ? $2 : $1 }')
    done
    local files
    files=$(ls -d "$CARGO_TARGET_DIR"/release/build/"$2"-*/out/$3)
    local lines bytes
    lines=$(cat $files | wc -l)
    bytes=$(cat $files | wc -c)
    printf '%-17s clean build %6ss   generated crate alone %6ss   generated code %7d lines %9d bytes\n' \
        "$1" "$clean" "$alone" "$lines" "$bytes"
    echo "$1 $clean $alone $lines $bytes" >>"$tmp/results"
    unset CARGO_TARGET_DIR
}

echo "compile-time: schema $schema, $(nproc) cores"
measure ours-full ours-full 'tl.rs'
measure ours-select ours-select 'tl.rs'
measure ours-serde ours-serde 'tl.rs'
measure ours-eq-hash ours-eq-hash 'tl.rs'
measure ours-builders ours-builders 'tl.rs'
measure ours-enum-helpers ours-enum-helpers 'tl.rs'
measure ours-all-api ours-all-api 'tl.rs'
measure ours-no-format ours-no-format 'tl.rs'
measure ours-borrowed ours-borrowed 'tl.rs'
measure grammers grammers-tl-types 'generated_*.rs'

[ -f "$tmp/results" ] || exit 0
awk '
    { c[$1] = $2; a[$1] = $3; l[$1] = $4 }
    function ratio(label, x, y) {
        if ((x in c) && (y in c))
            printf "ratio %s / %s (%s): clean build %.2fx, generated crate alone %.2fx, lines %.2fx\n", x, y, label, c[x] / c[y], a[x] / a[y], l[x] / l[y]
    }
    END {
        ratio("target: compile time <= 0.6x, less code", "ours-full", "grammers")
        ratio("the cost of the JSON form", "ours-serde", "ours-full")
        ratio("the cost of Eq and Hash", "ours-eq-hash", "ours-full")
        ratio("the cost of new, with_ and Default", "ours-builders", "ours-full")
        ratio("the cost of the enum helpers", "ours-enum-helpers", "ours-full")
        ratio("every API switch on", "ours-all-api", "ours-full")
        ratio("every API switch on", "ours-all-api", "grammers")
        ratio("the cost of zero-copy decoding", "ours-borrowed", "ours-full")
        ratio("without formatting", "ours-no-format", "ours-full")
    }' "$tmp/results"
