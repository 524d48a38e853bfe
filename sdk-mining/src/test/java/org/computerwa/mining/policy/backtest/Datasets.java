package org.computerwa.mining.policy.backtest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.computerwa.mining.policy.PriceSeries;

/** The real price files in the test resources (see PROVENANCE.md), by name. */
final class Datasets {
  /** The file the rolling defaults and the adaptive rules were set on. */
  static final String TUNING = "ERCOT HB_SOUTH 2024 (Jun-Dec)";
  /** Files never used to choose a parameter. */
  static final Map<String, String> HELD_OUT = new LinkedHashMap<>();

  static {
    HELD_OUT.put("ERCOT HB_NORTH 2023", "ercot_hb_north_rt15_2023.csv");
    HELD_OUT.put("ERCOT HB_WEST 2023", "ercot_hb_west_rt15_2023.csv");
    HELD_OUT.put("CAISO SP-15 2021", "caiso_sp15_rt15_2021.csv");
    HELD_OUT.put("NYISO zone J 2021", "nyiso_zone_j_rt60_2021.csv");
  }

  /**
   * Files added after the policies' defaults and rules were frozen (commit 3959e43) and scored
   * once with them: out of sample for every policy, the guarded one included.
   */
  static final Map<String, String> FRESH = new LinkedHashMap<>();

  static {
    FRESH.put("ERCOT HB_HOUSTON 2021", "ercot_hb_houston_rt15_2021.csv");
    FRESH.put("SPP North Hub 2021", "spp_north_hub_rt5_2021.csv.gz");
    FRESH.put("MISO Indiana Hub 2021", "miso_indiana_hub_rt60_2021.csv");
  }

  /**
   * Files added after {@code BoundedLossPolicy} was merged (commit 99a90b7) and scored once with the
   * policies of that commit (every other default unchanged since 3959e43): out of sample for every
   * policy and for the bound.
   */
  static final Map<String, String> FRESH_2020 = new LinkedHashMap<>();

  static {
    FRESH_2020.put("ERCOT HB_PAN 2020", "ercot_hb_pan_rt15_2020.csv");
    FRESH_2020.put("NYISO zone A 2020", "nyiso_zone_a_rt60_2020.csv");
  }

  private static final Map<String, PriceSeries> CACHE = new LinkedHashMap<>();

  private Datasets() {}

  static synchronized PriceSeries heldOut(String name) {
    return CACHE.computeIfAbsent(name, n -> read("/org/computerwa/mining/policy/" + Objects.requireNonNull(HELD_OUT.get(n), n)));
  }

  static synchronized PriceSeries fresh(String name) {
    return CACHE.computeIfAbsent(name, n -> read("/org/computerwa/mining/policy/"
        + Objects.requireNonNull(FRESH.containsKey(n) ? FRESH.get(n) : FRESH_2020.get(n), n)));
  }

  /** Reads a test resource through the same file path a user's command takes (gzip included). */
  static PriceSeries read(String resource) {
    try {
      return PriceSeriesCsv.read(Path.of(Objects.requireNonNull(Datasets.class.getResource(resource), resource).toURI()));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(resource, e);
    }
  }
}
