package org.computerwa.core.asset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Optional;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Keccak256;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.json.internal.StrictMapper;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

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
 * @param id the asset's identifier, unique within its operator
 * @param kind what kind of compute the asset is
 * @param owner the account that owns (operates) the asset
 * @param site the site where the asset runs
 * @param gpu the GPUs, for GPU and edge nodes
 * @param asic the miners, for an ASIC fleet
 * @param capacityUnits leasable capacity in the asset's own units (GPUs, TH/s, ...)
 * @param status where the asset is in its life; not part of the spec hash
 * @since 0.1.0
 */
@JsonDeserialize(builder = ComputeAsset.Builder.class)
public record ComputeAsset(
    @JsonProperty("id") String id,
    @JsonProperty("kind") AssetKind kind,
    @JsonProperty("owner") Address owner,
    @JsonProperty("site") Site site,
    @JsonProperty("gpu") Optional<GpuSpec> gpu,
    @JsonProperty("asic") Optional<AsicSpec> asic,
    @JsonProperty("capacityUnits") long capacityUnits,
    @JsonProperty("status") AssetStatus status) {
  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param id the id
   * @param kind the kind
   * @param owner the owner's address
   * @param site the site
   * @param gpu the GPU spec, empty for an ASIC fleet
   * @param asic the ASIC spec, empty for GPU and edge nodes
   * @param capacityUnits a positive number of units
   * @param status the status
   * @throws ValidationException naming the first field that breaks a rule
   */
  public ComputeAsset {
    Checks.required("id", id);
    Checks.required("kind", kind);
    Checks.required("owner", owner);
    Checks.required("site", site);
    gpu = gpu == null ? Optional.empty() : gpu;
    asic = asic == null ? Optional.empty() : asic;
    Checks.required("status", status);
    Checks.id("id", id);
    Checks.nonZero("owner", owner);
    if (capacityUnits < 1) {
      throw new ValidationException("capacityUnits", capacityUnits, "must be at least 1");
    }
    String needed = kind.usesGpus() ? "gpu" : "asic";
    String other = kind.usesGpus() ? "asic" : "gpu";
    boolean hasNeeded = kind.usesGpus() ? gpu.isPresent() : asic.isPresent();
    boolean hasOther = kind.usesGpus() ? asic.isPresent() : gpu.isPresent();
    if (hasOther) {
      throw new ValidationException(other, "present", "must be absent for " + kind + ", which carries " + needed);
    }
    if (!hasNeeded) {
      throw new ValidationException(needed, null, "is required for " + kind);
    }
  }

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

  /**
   * Builds {@link ComputeAsset}: one setter per component, named after it, each returning this builder;
   * {@code from(ComputeAsset)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable AssetKind kind;
    private @Nullable Address owner;
    private @Nullable Site site;
    private Optional<GpuSpec> gpu = Optional.empty();
    private Optional<AsicSpec> asic = Optional.empty();
    private @Nullable Long capacityUnits;
    private @Nullable AssetStatus status;

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(ComputeAsset instance) {
      this.id = instance.id();
      this.kind = instance.kind();
      this.owner = instance.owner();
      this.site = instance.site();
      this.gpu = instance.gpu();
      this.asic = instance.asic();
      this.capacityUnits = instance.capacityUnits();
      this.status = instance.status();
      return this;
    }

    /**
     * Sets {@link ComputeAsset#id()}: the asset's identifier, unique within its operator.
     *
     * @param id the value
     * @return this builder
     */
    @JsonProperty("id")
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@link ComputeAsset#kind()}: what kind of compute the asset is.
     *
     * @param kind the value
     * @return this builder
     */
    @JsonProperty("kind")
    public Builder kind(AssetKind kind) {
      this.kind = kind;
      return this;
    }

    /**
     * Sets {@link ComputeAsset#owner()}: the account that owns (operates) the asset.
     *
     * @param owner the value
     * @return this builder
     */
    @JsonProperty("owner")
    public Builder owner(Address owner) {
      this.owner = owner;
      return this;
    }

    /**
     * Sets {@link ComputeAsset#site()}: the site where the asset runs.
     *
     * @param site the value
     * @return this builder
     */
    @JsonProperty("site")
    public Builder site(Site site) {
      this.site = site;
      return this;
    }

    /**
     * Sets {@link ComputeAsset#gpu()}: the GPUs, for GPU and edge nodes.
     *
     * @param gpu the value, or {@code null} for none
     * @return this builder
     */
    @JsonProperty("gpu")
    public Builder gpu(@Nullable GpuSpec gpu) {
      this.gpu = Optional.ofNullable(gpu);
      return this;
    }

    /**
     * Sets {@link ComputeAsset#gpu()}: the GPUs, for GPU and edge nodes.
     *
     * @param gpu the value, possibly empty
     * @return this builder
     */
    public Builder gpu(Optional<? extends GpuSpec> gpu) {
      this.gpu = gpu.map(v -> (GpuSpec) v);
      return this;
    }

    /**
     * Sets {@link ComputeAsset#asic()}: the miners, for an ASIC fleet.
     *
     * @param asic the value, or {@code null} for none
     * @return this builder
     */
    @JsonProperty("asic")
    public Builder asic(@Nullable AsicSpec asic) {
      this.asic = Optional.ofNullable(asic);
      return this;
    }

    /**
     * Sets {@link ComputeAsset#asic()}: the miners, for an ASIC fleet.
     *
     * @param asic the value, possibly empty
     * @return this builder
     */
    public Builder asic(Optional<? extends AsicSpec> asic) {
      this.asic = asic.map(v -> (AsicSpec) v);
      return this;
    }

    /**
     * Sets {@link ComputeAsset#capacityUnits()}: leasable capacity in the asset's own units (GPUs, TH/s, ...).
     *
     * @param capacityUnits the value
     * @return this builder
     */
    @JsonProperty("capacityUnits")
    public Builder capacityUnits(long capacityUnits) {
      this.capacityUnits = capacityUnits;
      return this;
    }

    /**
     * Sets {@link ComputeAsset#status()}: where the asset is in its life; not part of the spec hash.
     *
     * @param status the value
     * @return this builder
     */
    @JsonProperty("status")
    public Builder status(AssetStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public ComputeAsset build() {
      return new ComputeAsset(Checks.required("id", id), Checks.required("kind", kind), Checks.required("owner", owner), Checks.required("site", site), gpu, asic, Checks.required("capacityUnits", capacityUnits), Checks.required("status", status));
    }
  }
}
