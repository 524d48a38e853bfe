package org.computerwa.core.asset;

/**
 * What the two device specs have in common: a model name and the power they draw.
 *
 * <pre>{@code
 * long watts = asset.device().totalPowerWatts();
 * }</pre>
 *
 * @since 0.1.0
 */
public interface DeviceSpec {
  /**
   * The device model, such as {@code "H100 SXM"} or {@code "Antminer S21"}.
   *
   * @return the model name
   */
  String model();

  /**
   * Nameplate power of the whole asset.
   *
   * @return watts, all devices together
   */
  long totalPowerWatts();
}
