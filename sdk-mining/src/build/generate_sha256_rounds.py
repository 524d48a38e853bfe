#!/usr/bin/env python3
"""Generates Sha256Rounds.java: the unrolled SHA-256 compression functions of sdk-mining.

Run from the repository root after changing this file:
    python3 sdk-mining/src/build/generate_sha256_rounds.py

Message-schedule words that are constant (the padding of an 80-byte header's second block and of
the 32-byte second pass of SHA-256d) are stored as literals, and K[t] + W[t] for them is folded into
one literal in the unrolled rounds 0-15.

Measured and rejected: unrolling rounds 16-31 of the two padded blocks as well, with the schedule
terms that depend only on padding summed into literals (methods of about 5,500 bytecodes). When
HotSpot compiled it well it was about 1% faster; in other runs of the same benchmarks it ran at
half the speed, so the shorter form stays.
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


def rounds(words, indent="    "):
    """Rounds 0-15 unrolled, K[t] + W[t] folded into a literal where W[t] is a padding constant;
    rounds 16-63 eight per loop iteration, each expanding its own schedule word, the variable roles
    rotated by name."""
    out = ["%sint p;" % indent, "%sint q = b ^ c;" % indent]
    v = ["a", "b", "c", "d", "e", "f", "g", "h"]
    for t in range(16):
        wi = words[t]
        kw = lit(K[t] + wi) if wi is not None else "%s + w[%d]" % (lit(K[t]), t)
        out += round_lines(v, kw, t % 2, indent)
        v = [v[7], v[0], v[1], v[2], v[3], v[4], v[5], v[6]]
    out.append("%sfor (int t = 16; t < 64; t += 8) {" % indent)
    ind = indent + "  "
    for r in range(8):
        idx = "t" if r == 0 else "t + %d" % r
        out += [
            "%sx = w[%s - 15];" % (ind, idx),
            "%sy = w[%s - 2];" % (ind, idx),
            "%sy = (Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10)) + w[%s - 7]" % (ind, idx),
            "%s    + (Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3)) + w[%s - 16];" % (ind, idx),
            "%sw[%s] = y;" % (ind, idx),
        ]
        out += round_lines(v, "K[%s] + y" % idx, r % 2, ind)
        v = [v[7], v[0], v[1], v[2], v[3], v[4], v[5], v[6]]
    out.append("%s}" % indent)
    return ["%sint x;" % indent, "%sint y;" % indent] + out


def schedule(words, loader, indent="    "):
    """Loads w[0..15]; padding constants are stored as literals."""
    out = []
    for i in range(16):
        out.append("%sw[%d] = %s;" % (indent, i, loader(i) if words[i] is None else lit(words[i])))
    return out


def load_state(indent="    "):
    return ["%sint %s = s[%d];" % (indent, n, i) for i, n in enumerate("abcdefgh")]


def add_state(indent="    "):
    return ["%ss[%d] += %s;" % (indent, i, n) for i, n in enumerate("abcdefgh")]


def declare_words(words, src, indent="    "):
    out = []
    for i in range(16):
        if words[i] is None:
            out.append("%sint w%d = %s;" % (indent, i, src(i)))
        else:
            out.append("%sint w%d;" % (indent, i))
    return out


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
        schedule(generic, be) + load_state() + rounds(generic) + add_state())
    parts += method(
        ["Compresses the second block of an 80-byte message: the last 16 message bytes at {@code off},",
         "then the padding (0x80, zeros, bit length 640), whose K + W sums are folded into literals.", "",
         "@param s the eight state words after the first block, updated in place",
         "@param block the input bytes", "@param off the offset of the 16 trailing message bytes", wdoc],
        "static void compressTail80(int[] s, byte[] block, int off, int[] w)",
        schedule(tail80, be) + load_state() + rounds(tail80) + add_state())
    parts += method(
        ["Hashes a 32-byte message given as eight words, from the initial value, in one block whose",
         "padding (0x80, zeros, bit length 256) is folded into literals: the second pass of SHA-256d.", "",
         "@param s on entry the message words (a first digest), on return the digest words", wdoc],
        "static void compressDigest32(int[] s, int[] w)",
        schedule(second, lambda i: "s[%d]" % i)
        + ["    int %s = %s;" % (n, lit(IV[i])) for i, n in enumerate("abcdefgh")]
        + rounds(second)
        + ["    s[%d] = %s + %s;" % (i, n, lit(IV[i])) for i, n in enumerate("abcdefgh")])
    src = [
        "package org.computerwa.mining.sha256.internal;",
        "",
        "import java.lang.invoke.MethodHandles;",
        "import java.lang.invoke.VarHandle;",
        "import java.nio.ByteOrder;",
        "",
        "/**",
        " * The SHA-256 compression function (FIPS 180-4, section 6.2.2) on local variables: rounds 0-15",
        " * unrolled, with K + W folded into literals where W is a padding constant; rounds 16-63 eight per",
        " * loop iteration, each expanding its own schedule word. (Longer straight-line code was measured",
        " * slower: HotSpot's C2 compiles methods of this size well, much larger ones poorly.)",
        " *",
        " * <p>Generated by {@code sdk-mining/src/build/generate_sha256_rounds.py}; edit the generator, not",
        " * this file.",
        " */",
        "@SuppressWarnings(\"DuplicatedCode\")",
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
