#!/usr/bin/env python3
"""Writes a few small valid GGUF files (v1-v3) as the libFuzzer seed corpus."""
import struct, sys, os

def gguf(version, alignment=32):
    wide = "Q" if version >= 2 else "I"
    def count(n): return struct.pack("<" + wide, n)
    def string(s): b = s.encode(); return count(len(b)) + b
    meta = [
        ("general.architecture", 8, string("llama")),
        ("llama.block_count", 4, struct.pack("<I", 2)),
        ("llama.rope.freq_base", 6, struct.pack("<f", 10000.0)),
        ("test.i64", 11, struct.pack("<q", -5)),
        ("test.bool", 7, b"\x01"),
        ("tokenizer.ggml.tokens", 9, struct.pack("<I", 8) + count(2) + string("a") + string("<|im_end|>")),
        ("test.nested", 9, struct.pack("<I", 9) + count(1) + struct.pack("<I", 5) + count(2) + struct.pack("<ii", 1, 2)),
    ]
    if alignment != 32:
        meta.append(("general.alignment", 4, struct.pack("<I", alignment)))
    tensors = [("token_embd.weight", [32, 2], 8, 2 * 34), ("norm", [5], 0, 20)]
    out = b"GGUF" + struct.pack("<I", version) + count(len(tensors)) + count(len(meta))
    for key, kind, value in meta:
        out += string(key) + struct.pack("<I", kind) + value
    offset, offsets = 0, []
    for _, _, _, size in tensors:
        offsets.append(offset)
        offset = (offset + size + alignment - 1) // alignment * alignment
    for (name, dims, kind, _), at in zip(tensors, offsets):
        out += string(name) + struct.pack("<I", len(dims)) + b"".join(count(d) for d in dims) + struct.pack("<IQ", kind, at)
    out += b"\0" * (-len(out) % alignment)
    data_start = len(out)
    for (_, _, _, size), at in zip(tensors, offsets):
        out += b"\0" * (data_start + at - len(out)) + bytes((i * 7) % 256 for i in range(size))
    return out

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
for version in (1, 2, 3):
    open(os.path.join(folder, f"v{version}.gguf"), "wb").write(gguf(version))
open(os.path.join(folder, "aligned64.gguf"), "wb").write(gguf(3, 64))
