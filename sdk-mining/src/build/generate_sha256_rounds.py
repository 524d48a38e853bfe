#!/usr/bin/env python3
"""Generates Sha256Rounds.java: the unrolled SHA-256 compression functions of sdk-mining.

Run from the repository root after changing this file:
    python3 sdk-mining/src/build/generate_sha256_rounds.py

Message-schedule words that are constant (the padding of an 80-byte header's second block and of
the 32-byte second pass of SHA-256d) are folded here, so K[t] + W[t] and the constant parts of the
schedule appear as literals in the generated source.
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


def s0(name):
    return "sigma0(%s)" % name


def s1(name):
    return "sigma1(%s)" % name


def body(words, indent="    "):
    """words: list of 16 entries, int constant or None (variable w<i> already assigned)."""
    out = []
    w = list(words)  # rolling window, index t % 16
    v = ["a", "b", "c", "d", "e", "f", "g", "h"]
    for t in range(64):
        if t >= 16:
            i = t % 16
            terms, const = [], 0
            for kind, j in (("s1", (t - 2) % 16), ("id", (t - 7) % 16), ("s0", (t - 15) % 16), ("id", (t - 16) % 16)):
                if w[j] is not None:
                    c = w[j]
                    const += small_sigma1(c) if kind == "s1" else small_sigma0(c) if kind == "s0" else c
                else:
                    name = "w%d" % j
                    terms.append(s1(name) if kind == "s1" else s0(name) if kind == "s0" else name)
            const &= MASK
            if not terms:
                w[i] = const
            else:
                expr = " + ".join(terms)
                if const:
                    expr += " + " + lit(const)
                out.append("%sw%d = %s;" % (indent, i, expr))
                w[i] = None
        a, b, c, d, e, f, g, h = v
        wi = w[t % 16]
        kw = lit(K[t] + wi) if wi is not None else "%s + w%d" % (lit(K[t]), t % 16)
        out.append(
            "%s%s += bigSigma1(%s) + (%s ^ (%s & (%s ^ %s))) + %s;" % (indent, h, e, g, e, f, g, kw))
        out.append("%s%s += %s;" % (indent, d, h))
        out.append(
            "%s%s += bigSigma0(%s) + ((%s & %s) | (%s & (%s | %s)));" % (indent, h, a, a, b, c, a, b))
        v = [v[7], v[0], v[1], v[2], v[3], v[4], v[5], v[6]]
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
    parts = []
    parts += method(
        ["Compresses one 64-byte block into the state {@code s} (H0..H7).", "",
         "@param s the eight state words, updated in place",
         "@param block the input bytes", "@param off the offset of the block in {@code block}"],
        "static void compress(int[] s, byte[] block, int off)",
        declare_words(generic, be) + load_state() + body(generic) + add_state())
    parts += method(
        ["Compresses the second block of an 80-byte message: the last 16 message bytes at {@code off},",
         "then the padding (0x80, zeros, bit length 640), whose schedule words are folded into literals.", "",
         "@param s the eight state words after the first block, updated in place",
         "@param block the input bytes", "@param off the offset of the 16 trailing message bytes"],
        "static void compressTail80(int[] s, byte[] block, int off)",
        declare_words(tail80, be) + load_state() + body(tail80) + add_state())
    parts += method(
        ["Hashes a 32-byte message given as eight words, from the initial value, in one block whose",
         "padding (0x80, zeros, bit length 256) is folded into literals: the second pass of SHA-256d.", "",
         "@param s on entry the message words (a first digest), on return the digest words"],
        "static void compressDigest32(int[] s)",
        declare_words(second, lambda i: "s[%d]" % i)
        + ["    int %s = %s;" % (n, lit(IV[i])) for i, n in enumerate("abcdefgh")]
        + body(second)
        + ["    s[%d] = %s + %s;" % (i, n, lit(IV[i])) for i, n in enumerate("abcdefgh")])
    src = [
        "package org.computerwa.mining.sha256.internal;",
        "",
        "import java.lang.invoke.MethodHandles;",
        "import java.lang.invoke.VarHandle;",
        "import java.nio.ByteOrder;",
        "",
        "/**",
        " * The SHA-256 compression function (FIPS 180-4, section 6.2.2), all 64 rounds unrolled, working",
        " * on local variables only.",
        " *",
        " * <p>Generated by {@code sdk-mining/src/build/generate_sha256_rounds.py}; edit the generator, not",
        " * this file.",
        " */",
        "@SuppressWarnings(\"DuplicatedCode\")",
        "final class Sha256Rounds {",
        "  private static final VarHandle INT_BE =",
        "      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);",
        "",
        "  private Sha256Rounds() {}",
        "",
    ] + parts + [
        "  // Tiny helpers: HotSpot always inlines methods this small, and calling them keeps each",
        "  // unrolled method below the 8000-byte limit above which HotSpot does not compile a method.",
        "",
        "  private static int bigSigma0(int x) {",
        "    return Integer.rotateRight(x, 2) ^ Integer.rotateRight(x, 13) ^ Integer.rotateRight(x, 22);",
        "  }",
        "",
        "  private static int bigSigma1(int x) {",
        "    return Integer.rotateRight(x, 6) ^ Integer.rotateRight(x, 11) ^ Integer.rotateRight(x, 25);",
        "  }",
        "",
        "  private static int sigma0(int x) {",
        "    return Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);",
        "  }",
        "",
        "  private static int sigma1(int x) {",
        "    return Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);",
        "  }",
        "}", ""]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "java", "org", "computerwa",
                        "mining", "sha256", "internal", "Sha256Rounds.java")
    with open(os.path.normpath(path), "w") as fh:
        fh.write("\n".join(src))


if __name__ == "__main__":
    main()
