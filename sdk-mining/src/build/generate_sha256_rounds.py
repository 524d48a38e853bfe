#!/usr/bin/env python3
"""Generates Sha256Rounds.java: the SHA-256 compression functions of sdk-mining.

Run from the repository root after changing this file:
    python3 sdk-mining/src/build/generate_sha256_rounds.py

One body of 64 rounds serves every block: rounds 0-15 eight per loop iteration, rounds 16-63 eight
per loop iteration, each expanding its own schedule word; the three entry points only fill the
first 16 schedule words (a whole block, the tail of an 80-byte header with its padding, a 32-byte
digest with its padding) and call it.

Measured and rejected, each against the previous form in runs of both side by side (same JVM,
same load, thread CPU time; then PairedRatioBenchmark.portableVsBouncyCastle): every larger form
was slower. Rounds 0-15 unrolled with K + W of padding words folded into literals, the padding's
schedule words 16-31 folded likewise, sixteen rounds per loop iteration, and a separate loop that
expands the whole schedule before the rounds all lost, as did three specialised copies of the
round body against the one shared body; so did rounds 16-31 of the padded blocks unrolled in
straight code (methods of about 5,500 bytecodes), which ran at half speed in some runs. The
likely cause is the processor's front end: the compact loops of one body stay in its decoded
instruction cache, three unrolled copies do not.
"""
import os

MASK = 0xFFFFFFFF
K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]
IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]


def rotr(x, n):
    return ((x >> n) | (x << (32 - n))) & MASK


def small_sigma0(x):
    return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)


def small_sigma1(x):
    return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10)


def lit(v):
    v &= MASK
    return "0x%08x" % v


def big_s0(x):
    return "(Integer.rotateRight(%s, 2) ^ Integer.rotateRight(%s, 13) ^ Integer.rotateRight(%s, 22))" % (x, x, x)


def big_s1(x):
    return "(Integer.rotateRight(%s, 6) ^ Integer.rotateRight(%s, 11) ^ Integer.rotateRight(%s, 25))" % (x, x, x)


def round_lines(v, kw, parity, indent):
    """One round. Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)), where b ^ c is the previous round's a ^ b,
    carried in the temporaries p and q alternately."""
    a, b, c, d, e, f, g, h = v
    x, y = ("p", "q") if parity == 0 else ("q", "p")
    return [
        "%s%s += %s + (%s ^ (%s & (%s ^ %s))) + %s;" % (indent, h, big_s1(e), g, e, f, g, kw),
        "%s%s += %s;" % (indent, d, h),
        "%s%s = %s ^ %s;" % (indent, x, a, b),
        "%s%s += %s + (%s ^ (%s & %s));" % (indent, h, big_s0(a), b, x, y),
    ]


def eight_rounds(expanding, indent):
    """Eight rounds of a loop over t; the variable roles rotate by name and are back in place after
    eight. Expanding rounds compute their own schedule word first."""
    v = ["a", "b", "c", "d", "e", "f", "g", "h"]
    out = []
    for r in range(8):
        idx = "t" if r == 0 else "t + %d" % r
        if expanding:
            out += expand(idx, indent)
        out += round_lines(v, "K[%s] + %s" % (idx, "y" if expanding else "w[%s]" % idx), r % 2, indent)
        v = [v[7], v[0], v[1], v[2], v[3], v[4], v[5], v[6]]
    return out


def expand(idx, indent):
    """Schedule word t (16 <= t < 64) into y and w[t]."""
    return [
        "%sx = w[%s - 15];" % (indent, idx),
        "%sy = w[%s - 2];" % (indent, idx),
        "%sy = (Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10)) + w[%s - 7]" % (indent, idx),
        "%s    + (Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3)) + w[%s - 16];" % (indent, idx),
        "%sw[%s] = y;" % (indent, idx),
    ]


def rounds(indent="    "):
    """Rounds 0-15 on the given schedule words, rounds 16-63 expanding theirs, eight per loop
    iteration each."""
    ind = indent + "  "
    return (["%sint x;" % indent, "%sint y;" % indent, "%sint p;" % indent, "%sint q = b ^ c;" % indent,
             "%sfor (int t = 0; t < 16; t += 8) {" % indent]
            + eight_rounds(False, ind)
            + ["%s}" % indent, "%sfor (int t = 16; t < 64; t += 8) {" % indent]
            + eight_rounds(True, ind)
            + ["%s}" % indent])


def schedule(words, loader, indent="    "):
    """Fills w[0..15]: message words through the loader, padding words as literals."""
    out = []
    for i in range(16):
        out.append("%sw[%d] = %s;" % (indent, i, loader(i) if words[i] is None else lit(words[i])))
    return out


def load_state(indent="    "):
    return ["%sint %s = s[%d];" % (indent, n, i) for i, n in enumerate("abcdefgh")]


def add_state(indent="    "):
    return ["%ss[%d] += %s;" % (indent, i, n) for i, n in enumerate("abcdefgh")]


def method(doc, signature, lines):
    return ["  /**"] + ["   * " + d if d else "   *" for d in doc] + ["   */", "  " + signature + " {"] + lines + ["  }", ""]


def main():
    be = lambda i: "(int) INT_BE.get(block, off + %d)" % (4 * i)
    generic = [None] * 16
    tail80 = [None] * 4 + [0x80000000] + [0] * 10 + [640]
    second = [None] * 8 + [0x80000000] + [0] * 6 + [256]
    wdoc = "@param w scratch space for the 64-word message schedule"
    parts = []
    parts += method(
        ["Compresses one 64-byte block into the state {@code s} (H0..H7).", "",
         "@param s the eight state words, updated in place",
         "@param block the input bytes", "@param off the offset of the block in {@code block}", wdoc],
        "static void compress(int[] s, byte[] block, int off, int[] w)",
        schedule(generic, be) + ["    rounds(s, w);"])
    parts += method(
        ["Compresses the second block of an 80-byte message: the last 16 message bytes at {@code off},",
         "then the padding (0x80, zeros, bit length 640).", "",
         "@param s the eight state words after the first block, updated in place",
         "@param block the input bytes", "@param off the offset of the 16 trailing message bytes", wdoc],
        "static void compressTail80(int[] s, byte[] block, int off, int[] w)",
        schedule(tail80, be) + ["    rounds(s, w);"])
    parts += method(
        ["Hashes a 32-byte message given as eight words, from the initial value, in one block with its",
         "padding (0x80, zeros, bit length 256): the second pass of SHA-256d.", "",
         "@param s on entry the message words (a first digest), on return the digest words", wdoc],
        "static void compressDigest32(int[] s, int[] w)",
        schedule(second, lambda i: "s[%d]" % i)
        + ["    s[%d] = %s;" % (i, lit(IV[i])) for i in range(8)]
        + ["    rounds(s, w);"])
    parts += method(
        ["The 64 rounds of one block, shared by every entry point: one compact body whose loops stay",
         "in the processor's decoded-instruction cache (see the generator for the larger forms it",
         "replaced).", "",
         "@param s the eight state words, updated in place",
         "@param w the schedule: words 0-15 set by the caller, 16-63 written here"],
        "private static void rounds(int[] s, int[] w)",
        load_state() + rounds() + add_state())
    src = [
        "package org.computerwa.mining.sha256.internal;",
        "",
        "import java.lang.invoke.MethodHandles;",
        "import java.lang.invoke.VarHandle;",
        "import java.nio.ByteOrder;",
        "",
        "/**",
        " * The SHA-256 compression function (FIPS 180-4, section 6.2.2) on local variables: one body of 64",
        " * rounds, eight per loop iteration (rounds 16-63 each expanding its own schedule word), behind",
        " * three entry points that differ only in how they fill the first 16 schedule words. (Larger,",
        " * unrolled forms were measured slower; the generator lists them.)",
        " *",
        " * <p>Generated by {@code sdk-mining/src/build/generate_sha256_rounds.py}; edit the generator, not",
        " * this file.",
        " */",
        "final class Sha256Rounds {",
        "  private static final VarHandle INT_BE =",
        "      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);",
        "",
        "  private static final int[] K = {",
    ] + ["    " + ", ".join(lit(k) for k in K[i:i + 8]) + "," for i in range(0, 64, 8)] + [
        "  };",
        "",
        "  private Sha256Rounds() {}",
        "",
    ] + parts[:-1] + [
        "}", ""]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "java", "org", "computerwa",
                        "mining", "sha256", "internal", "Sha256Rounds.java")
    with open(os.path.normpath(path), "w") as fh:
        fh.write("\n".join(src))


if __name__ == "__main__":
    main()
