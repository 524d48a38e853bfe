package org.computerwa.core.asset;

/**
 * Where an asset is in its life; not part of its spec hash.
 *
 * <pre>{@code
 * boolean leasable = asset.status() == AssetStatus.ACTIVE;
 * }</pre>
 *
 * @since 0.1.0
 */
public enum AssetStatus {
  /** Installed, not yet serving. */
  COMMISSIONING,
  /** Serving and leasable. */
  ACTIVE,
  /** Temporarily out of service. */
  MAINTENANCE,
  /** Permanently out of service. */
  RETIRED
}
