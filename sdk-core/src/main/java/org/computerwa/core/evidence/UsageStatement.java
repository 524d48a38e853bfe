package org.computerwa.core.evidence;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.Eip712Struct;
import org.computerwa.core.crypto.Keccak256;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.crypto.StandardMerkleTree;
import org.jspecify.annotations.Nullable;

/**
 * What one device measured for one asset over one period, in a form a device key signs (EIP-712)
 * and a Merkle tree commits to.
 *
 * <pre>{@code
 * UsageStatement s = UsageStatement.builder()
 *     .assetId(BigInteger.ONE)
 *     .device(deviceKey.address())
 *     .periodStart(Instant.parse("2026-11-28T00:00:00Z"))
 *     .periodEnd(Instant.parse("2026-11-28T01:00:00Z"))
 *     .kind(UsageKind.AVAILABILITY)
 *     .value(BigInteger.valueOf(3420))
 *     .availabilityBps(9500)
 *     .build();
 * SignedUsageStatement signed = s.sign(deviceKey, UsageStatement.domain(31337, anchorAddress));
 * }</pre>
 *
 * <p>EIP-712 type: {@value #ENCODE_TYPE}. Times are whole unix seconds ({@code uint64});
 * {@code availabilityBps} is the share of the period the asset was available, in basis points.
 *
 * @param assetId the asset's token id in the asset registry, {@code [0, 2^256)}
 * @param device the address of the device key that measures and signs
 * @param periodStart start of the measured period (inclusive), whole seconds
 * @param periodEnd end of the measured period (exclusive), whole seconds, after the start
 * @param kind what was measured
 * @param value the measured quantity in {@link UsageKind#unit()} of the kind, {@code [0, 2^256)}
 * @param availabilityBps share of the period the asset was available, in basis points,
 *     {@code [0, 10000]}
 * @since 0.1.0
 */
public record UsageStatement(
    BigInteger assetId,
    Address device,
    Instant periodStart,
    Instant periodEnd,
    UsageKind kind,
    BigInteger value,
    int availabilityBps) {
  /** The EIP-712 {@code encodeType} of a statement. */
  public static final String ENCODE_TYPE = "UsageStatement(uint256 assetId,address device,"
      + "uint64 periodStart,uint64 periodEnd,uint8 kind,uint256 value,uint16 availabilityBps)";

  /** The EIP-712 domain name devices sign statements under. */
  public static final String DOMAIN_NAME = "ComputeRWA Usage";

  /** Full availability: 10,000 basis points. */
  public static final int FULL_AVAILABILITY_BPS = 10_000;

  private static final Bytes32 TYPE_HASH = Keccak256.hashUtf8(ENCODE_TYPE);
  // abi.encode of the seven leaf fields, one buffer per thread: leaf hashing allocates no encoding
  private static final ThreadLocal<byte[]> LEAF_ENCODING = ThreadLocal.withInitial(() -> new byte[7 * 32]);
  private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  /**
   * Checks a statement; {@link #builder()} is the documented entry point.
   *
   * @param assetId the asset's token id, {@code [0, 2^256)}
   * @param device the device key's address
   * @param periodStart inclusive start, whole seconds
   * @param periodEnd exclusive end, whole seconds, after the start
   * @param kind the kind of measurement
   * @param value the value in the kind's unit, {@code [0, 2^256)}
   * @param availabilityBps availability in basis points, {@code [0, 10000]}
   * @throws ValidationException naming the first field that breaks a rule
   */
  public UsageStatement {
    require(assetId, "assetId");
    require(device, "device");
    require(periodStart, "periodStart");
    require(periodEnd, "periodEnd");
    require(kind, "kind");
    require(value, "value");
    checkUint(assetId, "assetId");
    checkUint(value, "value");
    checkSeconds(periodStart, "periodStart");
    checkSeconds(periodEnd, "periodEnd");
    if (!periodEnd.isAfter(periodStart)) {
      throw new ValidationException("periodEnd", periodEnd, "must be after periodStart (" + periodStart + ")");
    }
    if (availabilityBps < 0 || availabilityBps > FULL_AVAILABILITY_BPS) {
      throw new ValidationException("availabilityBps", availabilityBps, "must be in [0, 10000]");
    }
  }

  /**
   * Starts a builder; every field is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The domain devices sign statements under: {@value #DOMAIN_NAME}, version 1, bound to a chain
   * and to the evidence anchor contract that will hold the roots.
   *
   * @param chainId the chain id
   * @param evidenceAnchor the evidence anchor contract
   * @return the domain
   */
  public static Eip712Domain domain(long chainId, Address evidenceAnchor) {
    return Eip712Domain.of(DOMAIN_NAME, "1", chainId, evidenceAnchor);
  }








  /**
   * The EIP-712 {@code hashStruct} of this statement.
   *
   * @return the struct hash
   */
  public Bytes32 structHash() {
    return Eip712Struct.withTypeHash(TYPE_HASH)
        .uint(assetId)
        .address(device)
        .uint(periodStart.getEpochSecond())
        .uint(periodEnd.getEpochSecond())
        .uint(kind.code())
        .uint(value)
        .uint(availabilityBps)
        .hash();
  }

  /**
   * The EIP-712 digest a device signs.
   *
   * @param domain the signing domain, normally {@link #domain(long, Address)}
   * @return the digest
   */
  public Bytes32 digest(Eip712Domain domain) {
    return domain.digest(structHash());
  }

  /**
   * The Merkle leaf of this statement, OpenZeppelin's standard leaf over the seven fields:
   * {@code keccak256(bytes.concat(keccak256(abi.encode(assetId, device, periodStart, periodEnd,
   * kind, value, availabilityBps))))}.
   *
   * @return the leaf hash
   */
  public Bytes32 leafHash() {
    byte[] encoded = LEAF_ENCODING.get();
    encodeLeaf(encoded);
    return StandardMerkleTree.leafHash(encoded);
  }

  /**
   * The Merkle leaves of many statements in one array, statement {@code i}'s {@link #leafHash()}
   * at bytes {@code [32 i, 32 i + 32)}: the input of {@link StandardMerkleTree#ofLeafHashes(byte[])},
   * without an object per statement. This is how {@link StatementBatch} builds its tree.
   *
   * <pre>{@code
   * StandardMerkleTree tree = StandardMerkleTree.ofLeafHashes(UsageStatement.leafHashes(statements));
   * MerkleProof proof = tree.proof(i);   // of statements.get(i)
   * }</pre>
   *
   * @param statements the statements, in order
   * @return {@code 32 * statements.size()} bytes
   * @since 0.1.0
   */
  public static byte[] leafHashes(List<UsageStatement> statements) {
    byte[] out = new byte[32 * statements.size()];
    byte[] encoded = LEAF_ENCODING.get();
    int offset = 0;
    @Nullable Address encodedDevice = null;
    for (UsageStatement s : statements) {
      // A device's statements usually come together: its address bytes are copied once per run.
      if (!s.device.equals(encodedDevice)) {
        putAddress(encoded, 1, s.device);
        encodedDevice = s.device;
      }
      s.encodeFieldsButDevice(encoded);
      StandardMerkleTree.leafHash(encoded, out, offset);
      offset += 32;
    }
    return out;
  }

  /** Writes {@code abi.encode} of the seven leaf fields into the 224-byte {@code encoded}. */
  private void encodeLeaf(byte[] encoded) {
    putAddress(encoded, 1, device);
    encodeFieldsButDevice(encoded);
  }

  /** Every leaf word but the device's: each of their bytes is written, so a reused buffer needs no clearing. */
  private void encodeFieldsButDevice(byte[] encoded) {
    putUint(encoded, 0, assetId);
    putLong(encoded, 2, periodStart.getEpochSecond());
    putLong(encoded, 3, periodEnd.getEpochSecond());
    putLong(encoded, 4, kind.code());
    putUint(encoded, 5, value);
    putLong(encoded, 6, availabilityBps);
  }

  private static void putAddress(byte[] out, int word, Address address) {
    Arrays.fill(out, 32 * word, 32 * word + 12, (byte) 0);
    System.arraycopy(address.toBytes(), 0, out, 32 * word + 12, 20);
  }

  /** Writes a non-negative number below 2^256 as ABI word {@code word}, big-endian. */
  private static void putUint(byte[] out, int word, BigInteger v) {
    if (v.bitLength() < 64) {
      putLong(out, word, v.longValue()); // the usual case, without BigInteger's byte array
      return;
    }
    byte[] b = v.toByteArray(); // may carry one leading sign byte of zero
    int len = Math.min(b.length, 32);
    Arrays.fill(out, 32 * word, 32 * word + 32 - len, (byte) 0);
    System.arraycopy(b, b.length - len, out, 32 * word + 32 - len, len);
  }

  /** Writes {@code v}, read as unsigned, as ABI word {@code word}: 24 zero bytes, then 8 big-endian. */
  private static void putLong(byte[] out, int word, long v) {
    int start = 32 * word;
    LONG_BE.set(out, start, 0L);
    LONG_BE.set(out, start + 8, 0L);
    LONG_BE.set(out, start + 16, 0L);
    LONG_BE.set(out, start + 24, v);
  }

  /**
   * Signs this statement with the device key.
   *
   * @param deviceKey the key whose address is {@link #device()}
   * @param domain the signing domain
   * @return the signed statement
   * @throws ValidationException if the key does not belong to {@link #device()}
   */
  public SignedUsageStatement sign(SigningKey deviceKey, Eip712Domain domain) {
    if (!deviceKey.address().equals(device)) {
      throw new ValidationException(
          "deviceKey", deviceKey.address(), "must be the key of the statement's device " + device);
    }
    return SignedUsageStatement.of(this, deviceKey.sign(digest(domain)));
  }

  @Override
  public String toString() {
    return "UsageStatement[asset " + assetId + ", device " + device + ", " + periodStart + ".."
        + periodEnd + ", " + kind + " " + value + " " + kind.unit() + ", " + availabilityBps + " bps]";
  }

  private static <T> T require(@Nullable T value, String field) {
    if (value == null) {
      throw new ValidationException(field, null, "is required");
    }
    return value;
  }

  private static void checkUint(BigInteger v, String field) {
    if (v.signum() < 0 || v.compareTo(UINT256_LIMIT) >= 0) {
      throw new ValidationException(field, v, "must be in [0, 2^256)");
    }
  }

  static void checkSeconds(@Nullable Instant t, String field) {
    if (t == null) {
      throw new ValidationException(field, null, "is required");
    }
    if (t.getNano() != 0) {
      throw new ValidationException(field, t, "must be a whole second");
    }
    if (t.getEpochSecond() < 0) {
      throw new ValidationException(field, t, "must not be before 1970-01-01T00:00:00Z (uint64 seconds)");
    }
  }

  /** Collects the fields of a {@link UsageStatement}; {@link #build()} validates them all. */
  public static final class Builder {
    private @Nullable BigInteger assetId;
    private @Nullable Address device;
    private @Nullable Instant periodStart;
    private @Nullable Instant periodEnd;
    private @Nullable UsageKind kind;
    private @Nullable BigInteger value;
    private @Nullable Integer availabilityBps;

    private Builder() {}

    /**
     * Sets the asset id.
     *
     * @param assetId the asset's token id
     * @return this builder
     */
    public Builder assetId(BigInteger assetId) {
      this.assetId = assetId;
      return this;
    }

    /**
     * Sets the device address.
     *
     * @param device the device key's address
     * @return this builder
     */
    public Builder device(Address device) {
      this.device = device;
      return this;
    }

    /**
     * Sets the period start.
     *
     * @param periodStart inclusive start, whole seconds
     * @return this builder
     */
    public Builder periodStart(Instant periodStart) {
      this.periodStart = periodStart;
      return this;
    }

    /**
     * Sets the period end.
     *
     * @param periodEnd exclusive end, whole seconds
     * @return this builder
     */
    public Builder periodEnd(Instant periodEnd) {
      this.periodEnd = periodEnd;
      return this;
    }

    /**
     * Sets the kind of measurement.
     *
     * @param kind the kind
     * @return this builder
     */
    public Builder kind(UsageKind kind) {
      this.kind = kind;
      return this;
    }

    /**
     * Sets the measured value.
     *
     * @param value the value in the kind's unit
     * @return this builder
     */
    public Builder value(BigInteger value) {
      this.value = value;
      return this;
    }

    /**
     * Sets the availability.
     *
     * @param availabilityBps availability in basis points, {@code [0, 10000]}
     * @return this builder
     */
    public Builder availabilityBps(int availabilityBps) {
      this.availabilityBps = availabilityBps;
      return this;
    }

    /**
     * Validates and builds the statement.
     *
     * @return the statement
     * @throws ValidationException naming the first field that breaks a rule
     */
    public UsageStatement build() {
      // every field is required; a missing one is named in the order the fields are declared
      return new UsageStatement(require(assetId, "assetId"), require(device, "device"),
          require(periodStart, "periodStart"), require(periodEnd, "periodEnd"), require(kind, "kind"),
          require(value, "value"), require(availabilityBps, "availabilityBps"));
    }
  }
}
