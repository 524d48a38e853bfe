package org.computerwa.core.asset;

/**
 * What kind of compute an asset is; it decides which device spec the asset carries.
 *
 * <pre>{@code
 * if (asset.kind() == AssetKind.ASIC_FLEET) { ... asset.asic() ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum AssetKind {
  /** A GPU server in a data centre; carries a {@link GpuSpec}. */
  GPU_NODE,
  /** A fleet of Bitcoin mining ASICs at one site; carries an {@link AsicSpec}. */
  ASIC_FLEET,
  /** An inference node at the edge; carries a {@link GpuSpec}. */
  EDGE_NODE;

  /**
   * Whether this kind carries a {@link GpuSpec} (otherwise an {@link AsicSpec}).
   *
   * @return {@code true} for GPU nodes and edge nodes
   */
  public boolean usesGpus() {
    return this != ASIC_FLEET;
  }
}
