package org.computerwa.mining.economics;

/**
 * The margin of AI compute per MWh of site power, before paying for that power.
 *
 * <pre>{@code
 * // H100 at 2.00 USD/GPU-hour, 1,000 GPUs per MW (about 1 kW per GPU all-in), 150 USD/MW-hour opex
 * double margin = AiComputeEconomics.marginUsdPerMwh(2.00, 1_000, 150); // 1850 USD/MWh
 * }</pre>
 *
 * <p>{@code margin [USD/MWh] = price [USD/GPU-h] · GPUs per MW − opex [USD per MW-h]}. GPUs per MW
 * is a site parameter: {@code 1e6 W / (power per GPU [W] · PUE)}, counting the GPU's share of its
 * server. Leased (committed) capacity has no per-interval decision: it always draws its power.
 *
 * @since 0.1.0
 */
public final class AiComputeEconomics {

  private AiComputeEconomics() {}

  /**
   * AI compute margin before power, in USD per MWh.
   *
   * @param gpuUsdPerHour rental price per GPU-hour, {@code >= 0}
   * @param gpusPerMw GPUs that one MW of site power runs, {@code > 0}
   * @param opexUsdPerMwHour operating cost other than power, per MW per hour, {@code >= 0}
   * @return USD per MWh (may be negative when opex exceeds revenue)
   */
  public static double marginUsdPerMwh(double gpuUsdPerHour, double gpusPerMw, double opexUsdPerMwHour) {
    MiningEconomics.nonNegative("gpuUsdPerHour", gpuUsdPerHour);
    MiningEconomics.positive("gpusPerMw", gpusPerMw);
    MiningEconomics.nonNegative("opexUsdPerMwHour", opexUsdPerMwHour);
    return gpuUsdPerHour * gpusPerMw - opexUsdPerMwHour;
  }

  /**
   * GPUs that one MW of site power runs.
   *
   * @param wattsPerGpu power per GPU including its share of the server, {@code > 0}
   * @param pue facility power usage effectiveness, {@code >= 1}
   * @return GPUs per MW
   */
  public static double gpusPerMw(double wattsPerGpu, double pue) {
    MiningEconomics.positive("wattsPerGpu", wattsPerGpu);
    if (!(pue >= 1.0) || Double.isInfinite(pue)) {
      throw new org.computerwa.core.ValidationException("pue", pue, "must be a finite number >= 1");
    }
    return 1e6 / (wattsPerGpu * pue);
  }
}
