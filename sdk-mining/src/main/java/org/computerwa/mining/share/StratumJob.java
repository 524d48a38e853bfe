package org.computerwa.mining.share;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A Stratum v1 job ({@code mining.notify}) with the session's extranonce1: everything needed to
 * rebuild the header a miner hashed, except what the miner submits.
 *
 * <pre>{@code
 * StratumJob job = StratumJob.builder()
 *     .prevHash("4d16b6f85af6e2198f44ae2a6de67f78487ae5611b77c6c0440b921e00000000")
 *     .coinbase1(coinb1).coinbase2(coinb2).merkleBranch(List.of())
 *     .version("00000002").bits("1c2ac4af").time("504e86b9")
 *     .extranonce1("08000002").extranonce2Size(4)
 *     .build();
 * }</pre>
 *
 * <p>Hex strings follow Stratum v1: {@code prevHash} is the 32 header bytes with each 4-byte word
 * byte-reversed; {@code version}, {@code bits} and {@code time} are 8-digit big-endian numbers;
 * Merkle branch entries are raw byte order. A job may instead carry a known Merkle root (raw
 * header byte order) when the coinbase is not available.
 *
 * @since 0.1.0
 */
public final class StratumJob {
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] prevHashHeaderBytes;
  private final byte @Nullable [] coinbase1;
  private final byte @Nullable [] coinbase2;
  private final List<byte[]> merkleBranch;
  private final byte @Nullable [] merkleRoot;
  private final int version;
  private final int bits;
  private final int time;
  private final byte[] extranonce1;
  private final int extranonce2Size;

  private StratumJob(Builder b) {
    this.prevHashHeaderBytes = b.prevHash;
    this.coinbase1 = b.coinbase1;
    this.coinbase2 = b.coinbase2;
    this.merkleBranch = List.copyOf(b.merkleBranch);
    this.merkleRoot = b.merkleRoot;
    this.version = b.version;
    this.bits = b.bits;
    this.time = b.time;
    this.extranonce1 = b.extranonce1;
    this.extranonce2Size = b.extranonce2Size;
  }

  /**
   * Starts a builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The previous block hash as it goes into the header (raw byte order).
   *
   * @return 32 bytes (a copy)
   */
  public byte[] prevHashHeaderBytes() {
    return prevHashHeaderBytes.clone();
  }

  /**
   * The job's block version.
   *
   * @return the version
   */
  public int version() {
    return version;
  }

  /**
   * The network target the job is for.
   *
   * @return nBits
   */
  public int bits() {
    return bits;
  }

  /**
   * The job's time.
   *
   * @return ntime
   */
  public int time() {
    return time;
  }

  /**
   * The extranonce2 length miners must submit.
   *
   * @return bytes of extranonce2
   */
  public int extranonce2Size() {
    return extranonce2Size;
  }

  /**
   * Whether the job carries the coinbase parts (else a fixed Merkle root).
   *
   * @return {@code true} if the Merkle root is computed from the coinbase
   */
  public boolean hasCoinbase() {
    return coinbase1 != null;
  }

  byte @Nullable [] coinbase1() {
    return coinbase1;
  }

  byte @Nullable [] coinbase2() {
    return coinbase2;
  }

  List<byte[]> merkleBranch() {
    return merkleBranch;
  }

  byte @Nullable [] fixedMerkleRoot() {
    return merkleRoot;
  }

  byte[] extranonce1() {
    return extranonce1;
  }

  static byte[] hex(String field, String value) {
    try {
      return HEX.parseHex(value);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(field, value, "must be hex digits (0-9, a-f), an even number of them", e);
    }
  }

  static int word(String field, String value) {
    if (value.length() != 8) {
      throw new ValidationException(field, value, "must be 8 hex digits");
    }
    try {
      return Integer.parseUnsignedInt(value, 16);
    } catch (NumberFormatException e) {
      throw new ValidationException(field, value, "must be 8 hex digits", e);
    }
  }

  /** Configures a {@link StratumJob}; every setter validates its value at once. */
  public static final class Builder {
    private byte @Nullable [] prevHashOrNull;
    private byte[] prevHash = new byte[0];
    private byte @Nullable [] coinbase1;
    private byte @Nullable [] coinbase2;
    private final List<byte[]> merkleBranch = new ArrayList<>();
    private byte @Nullable [] merkleRoot;
    private int version;
    private int bits;
    private int time;
    private boolean versionSet;
    private boolean bitsSet;
    private boolean timeSet;
    private byte[] extranonce1 = new byte[0];
    private int extranonce2Size;

    private Builder() {}

    /**
     * Sets the previous block hash in Stratum's word-swapped hex.
     *
     * @param stratumHex 64 hex digits as {@code mining.notify} sends them
     * @return this builder
     * @throws ValidationException if not 64 hex digits
     */
    public Builder prevHash(String stratumHex) {
      byte[] b = hex("prevhash", stratumHex);
      if (b.length != 32) {
        throw new ValidationException("prevhash", stratumHex, "must be 64 hex digits");
      }
      byte[] out = new byte[32];
      for (int i = 0; i < 32; i += 4) {
        for (int j = 0; j < 4; j++) {
          out[i + j] = b[i + 3 - j];
        }
      }
      this.prevHash = out;
      this.prevHashOrNull = out;
      return this;
    }

    /**
     * Sets the first coinbase part.
     *
     * @param hex {@code coinb1}
     * @return this builder
     */
    public Builder coinbase1(String hex) {
      this.coinbase1 = hex("coinb1", hex);
      return this;
    }

    /**
     * Sets the second coinbase part.
     *
     * @param hex {@code coinb2}
     * @return this builder
     */
    public Builder coinbase2(String hex) {
      this.coinbase2 = hex("coinb2", hex);
      return this;
    }

    /**
     * Sets the Merkle branch.
     *
     * @param branch 32-byte hashes in raw byte order, hex
     * @return this builder
     */
    public Builder merkleBranch(List<String> branch) {
      merkleBranch.clear();
      for (int i = 0; i < branch.size(); i++) {
        byte[] b = hex("merkle_branch[" + i + "]", branch.get(i));
        if (b.length != 32) {
          throw new ValidationException("merkle_branch[" + i + "]", branch.get(i), "must be 64 hex digits");
        }
        merkleBranch.add(b);
      }
      return this;
    }

    /**
     * Sets a known Merkle root instead of the coinbase parts.
     *
     * @param hex 64 hex digits in header byte order
     * @return this builder
     */
    public Builder merkleRoot(String hex) {
      byte[] b = hex("merkle_root", hex);
      if (b.length != 32) {
        throw new ValidationException("merkle_root", hex, "must be 64 hex digits");
      }
      this.merkleRoot = b;
      return this;
    }

    /**
     * Sets the block version.
     *
     * @param hex 8 big-endian hex digits
     * @return this builder
     */
    public Builder version(String hex) {
      this.version = word("version", hex);
      this.versionSet = true;
      return this;
    }

    /**
     * Sets the network target.
     *
     * @param hex nBits as 8 big-endian hex digits
     * @return this builder
     */
    public Builder bits(String hex) {
      this.bits = word("nbits", hex);
      this.bitsSet = true;
      return this;
    }

    /**
     * Sets the job time.
     *
     * @param hex ntime as 8 big-endian hex digits
     * @return this builder
     */
    public Builder time(String hex) {
      this.time = word("ntime", hex);
      this.timeSet = true;
      return this;
    }

    /**
     * Sets the session's extranonce1 ({@code mining.subscribe}).
     *
     * @param hex extranonce1
     * @return this builder
     */
    public Builder extranonce1(String hex) {
      this.extranonce1 = hex("extranonce1", hex);
      return this;
    }

    /**
     * Sets the extranonce2 size ({@code mining.subscribe}).
     *
     * @param size bytes, 0 to 32
     * @return this builder
     * @throws ValidationException if out of range
     */
    public Builder extranonce2Size(int size) {
      if (size < 0 || size > 32) {
        throw new ValidationException("extranonce2_size", size, "must be in [0, 32]");
      }
      this.extranonce2Size = size;
      return this;
    }

    /**
     * Builds the job.
     *
     * @return the job
     * @throws ValidationException if a required field is missing or the Merkle source is ambiguous
     */
    public StratumJob build() {
      if (prevHashOrNull == null) {
        throw new ValidationException("prevhash", null, "must be set");
      }
      if (!versionSet || !bitsSet || !timeSet) {
        throw new ValidationException(!versionSet ? "version" : !bitsSet ? "nbits" : "ntime", null, "must be set");
      }
      boolean coinbase = coinbase1 != null || coinbase2 != null;
      if (coinbase == (merkleRoot != null)) {
        throw new ValidationException("merkle_root", merkleRoot == null ? null : HEX.formatHex(merkleRoot),
            "must be set exactly when coinb1/coinb2 are not");
      }
      if (coinbase && (coinbase1 == null || coinbase2 == null)) {
        throw new ValidationException(coinbase1 == null ? "coinb1" : "coinb2", null, "must be set with the other part");
      }
      Objects.requireNonNull(prevHash);
      return new StratumJob(this);
    }
  }
}
