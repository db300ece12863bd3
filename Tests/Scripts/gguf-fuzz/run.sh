#!/bin/sh
# libFuzzer over the GGUF reader, with AddressSanitizer: compiles Sources/Inference/GGUF with
# FuzzEntry.swift, seeds the corpus with small valid files, and fuzzes for SECONDS (default 60).
# Usage: Tests/Scripts/gguf-fuzz/run.sh [SECONDS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${TMPDIR:-/tmp}/decodelab-gguf-fuzz
mkdir -p "$work/corpus"
swiftc -sanitize=fuzzer,address -parse-as-library -O \
    "$root"/Sources/Inference/GGUF/*.swift "$here/FuzzEntry.swift" -o "$work/gguf-fuzz"
python3 "$here/make-seeds.py" "$work/corpus"
cd "$work"
exec ./gguf-fuzz -max_total_time="${1:-60}" -max_len=4096 -use_value_profile=1 -print_final_stats=1 corpus
