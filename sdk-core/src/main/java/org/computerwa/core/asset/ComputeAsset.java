package org.computerwa.core.asset;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Keccak256;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.json.internal.StrictMapper;
import org.immutables.value.Value;

/**
 * A physical compute asset: what it is, who owns it, where it runs, what devices it has, how
 * much leasable capacity it offers, and its status; hashed for registration on-chain.
 *
 * <pre>{@code
 * ComputeAsset asset = ComputeAsset.builder()
 *     .id("asic-fleet-7")
 *     .kind(AssetKind.ASIC_FLEET)
 *     .owner(Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
 *     .site(site)
 *     .asic(AsicSpec.builder().model("Antminer S21").units(1200)
 *         .hashrateThs(new BigDecimal("200")).efficiencyJPerTh(new BigDecimal("17.5"))
 *         .powerWatts(3500).build())
 *     .capacityUnits(240_000)   // TH/s on offer
 *     .status(AssetStatus.ACTIVE)
 *     .build();
 * Bytes32 specHash = asset.specHash(); // keccak-256 of the canonical spec JSON
 * }</pre>
 *
 * <p>Rules: the id is 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}; the owner is not the
 * zero address; exactly one device spec is present and it matches the kind ({@code gpu} for
 * {@link AssetKind#GPU_NODE} and {@link AssetKind#EDGE_NODE}, {@code asic} for
 * {@link AssetKind#ASIC_FLEET}); capacity units are positive (the unit is the asset's own: GPUs,
 * TH/s, ...).
 *
 * <p><b>Spec hash.</b> {@link #canonicalSpecJson()} is the RFC 8785 canonical JSON of the asset
 * without its {@code status} (status is life-cycle state, not specification: it changes without
 * the asset changing). {@link #specHash()} is keccak-256 of its UTF-8 bytes. The same asset gives
 * the same hash on any machine, whatever member order or whitespace the JSON it was read from had.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableComputeAsset.class)
@JsonDeserialize(as = ImmutableComputeAsset.class)
public abstract class ComputeAsset {
  ComputeAsset() {}

  /**
   * The asset's identifier, unique within its operator.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * What kind of compute the asset is.
   *
   * @return the kind
   */
  public abstract AssetKind kind();

  /**
   * The account that owns (operates) the asset.
   *
   * @return the owner's address
   */
  public abstract Address owner();

  /**
   * The site where the asset runs.
   *
   * @return the site
   */
  public abstract Site site();

  /**
   * The GPUs, for GPU and edge nodes.
   *
   * @return the GPU spec, empty for an ASIC fleet
   */
  public abstract Optional<GpuSpec> gpu();

  /**
   * The miners, for an ASIC fleet.
   *
   * @return the ASIC spec, empty for GPU and edge nodes
   */
  public abstract Optional<AsicSpec> asic();

  /**
   * Leasable capacity in the asset's own units (GPUs, TH/s, ...).
   *
   * @return a positive number of units
   */
  public abstract long capacityUnits();

  /**
   * Where the asset is in its life; not part of the spec hash.
   *
   * @return the status
   */
  public abstract AssetStatus status();

  /**
   * The device spec, whichever kind it is.
   *
   * @return the GPU or ASIC spec
   */
  public DeviceSpec device() {
    return gpu().isPresent() ? gpu().get() : asic().orElseThrow();
  }

  /**
   * The RFC 8785 canonical JSON of the asset without {@code status}: the text the spec hash is
   * computed over.
   *
   * @return canonical JSON text
   */
  public String canonicalSpecJson() {
    return StrictMapper.canonicalWithout(this, "status");
  }

  /**
   * Keccak-256 of the UTF-8 bytes of {@link #canonicalSpecJson()}, as registered on-chain.
   *
   * @return the 32-byte hash; {@code specHash().toHex()} gives {@code 0x} and 64 hex digits
   */
  public Bytes32 specHash() {
    return Keccak256.hashUtf8(canonicalSpecJson());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.id("id", id());
    Checks.nonZero("owner", owner());
    if (capacityUnits() < 1) {
      throw new ValidationException("capacityUnits", capacityUnits(), "must be at least 1");
    }
    String needed = kind().usesGpus() ? "gpu" : "asic";
    String other = kind().usesGpus() ? "asic" : "gpu";
    boolean hasNeeded = kind().usesGpus() ? gpu().isPresent() : asic().isPresent();
    boolean hasOther = kind().usesGpus() ? asic().isPresent() : gpu().isPresent();
    if (hasOther) {
      throw new ValidationException(other, "present", "must be absent for " + kind() + ", which carries " + needed);
    }
    if (!hasNeeded) {
      throw new ValidationException(needed, null, "is required for " + kind());
    }
  }

  /**
   * Builds a {@link ComputeAsset}: one setter per attribute, named after it, each returning
   * this builder; {@code from(ComputeAsset)} copies an existing value; {@code build()} checks every
   * rule and throws {@link org.computerwa.core.ValidationException} naming the field.
   */
  public static final class Builder extends ImmutableComputeAsset.Builder {
    Builder() {}
  }
}
