#!/usr/bin/env bash
# Installs TDLib 1.8.66's JSON library, libtdjson, for tl-tdjson's tests, and prints its path on
# stdout (everything else goes to stderr):
#
#     export TDJSON_LIB="$(bash .ci/tdjson.sh)"
#
# The library comes from PyPI's `tdjson==1.8.66` wheel (a prebuilt TDLib; PyPI is the one place
# these machines can fetch one from). The wheel is a zip: its tdjson.libs/libtdjson-*.so.1.8.66 is
# copied to target/tdjson-1.8.66/libtdjson.so of this checkout and checked against a pinned
# sha256. The library links only the C and C++ runtimes (libc, libm, libdl, libpthread, libstdc++,
# libgcc_s); OpenSSL and zlib are inside it. Idempotent: a library already there with the pinned
# checksum is kept, and nothing is downloaded. Every run checks that it loads and reports the
# version. Exits non-zero, with the reason on stderr, on any failure.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
version=1.8.66
# The wheel for CPython 3.11 on manylinux_2_17 x86_64, whichever Python runs pip, so that the
# same library comes every time: tdjson-1.8.66-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.whl
# (sha256 d2a96815bc58a985309ddd221d8386e447865eb30c5943d8c49e340777cc9e13) holds
# tdjson.libs/libtdjson-3c5d837f.so.1.8.66, whose sha256 is:
lib_sha256=6498a3548ab180b7a346c790c08933bd85b54d68c6d0863a0dee2a23bf1b275b
dir="$root/target/tdjson-$version"
lib="$dir/libtdjson.so"

say() { echo "tdjson.sh: $*" >&2; }
die() {
    say "error: $*"
    exit 1
}
sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] ||
    die "the pinned wheel is for Linux x86_64; this is $(uname -s)-$(uname -m)"
command -v python3 >/dev/null || die "python3 is needed (pip downloads the wheel, ctypes checks the library)"

if [ -f "$lib" ] && [ "$(sha256_of "$lib")" = "$lib_sha256" ]; then
    say "TDLib $version already installed in $dir"
else
    python3 -m pip --version >/dev/null 2>&1 || die "pip is not available: python3 -m pip --version fails"
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    say "downloading tdjson==$version from PyPI"
    python3 -m pip download "tdjson==$version" --no-deps --only-binary=:all: \
        --platform manylinux_2_17_x86_64 --python-version 3.11 --implementation cp --abi cp311 \
        --disable-pip-version-check --no-cache-dir --quiet -d "$tmp" >&2 ||
        die "pip could not download tdjson==$version"
    wheels=("$tmp"/tdjson-"$version"-*.whl)
    [ -f "${wheels[0]}" ] || die "pip downloaded no tdjson-$version wheel"
    python3 - "${wheels[0]}" "$tmp/libtdjson.so" <<'PY' || die "cannot take libtdjson out of ${wheels[0]##*/}"
import shutil, sys, zipfile

with zipfile.ZipFile(sys.argv[1]) as wheel:
    names = [n for n in wheel.namelist() if n.startswith("tdjson.libs/libtdjson")]
    if len(names) != 1:
        sys.exit(f"expected one tdjson.libs/libtdjson* in the wheel, found {names}")
    with wheel.open(names[0]) as src, open(sys.argv[2], "wb") as dst:
        shutil.copyfileobj(src, dst)
PY
    actual="$(sha256_of "$tmp/libtdjson.so")"
    [ "$actual" = "$lib_sha256" ] ||
        die "libtdjson in ${wheels[0]##*/} has sha256 $actual, not the pinned $lib_sha256"
    mkdir -p "$dir"
    # Copy next to the target, then rename: a run that stops half-way leaves no partial library.
    cp "$tmp/libtdjson.so" "$lib.part"
    mv "$lib.part" "$lib"
    printf 'libtdjson of TDLib %s from PyPI: %s (tdjson.libs/), sha256 %s\n' \
        "$version" "${wheels[0]##*/}" "$lib_sha256" >"$dir/SOURCE"
    say "installed TDLib $version in $dir"
fi

# Every library it needs is on this system (ldd prints "not found" for any that is not) ...
missing="$(ldd "$lib" | grep 'not found' || true)"
[ -z "$missing" ] || die "$lib needs libraries this system lacks:
$missing"
# ... and it loads and answers as TDLib $version.
python3 - "$lib" "$version" <<'PY' || die "$lib does not work as TDLib $version"
import ctypes, json, sys

lib = ctypes.CDLL(sys.argv[1])
lib.td_execute.restype = ctypes.c_char_p
lib.td_execute.argtypes = [ctypes.c_char_p]
answer = lib.td_execute(b'{"@type":"getOption","name":"version"}')
value = json.loads(answer or b"null")
if value != {"@type": "optionValueString", "value": sys.argv[2]}:
    sys.exit(f"getOption version answered {answer!r}")
PY

echo "$lib"
