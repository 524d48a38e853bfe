package org.computerwa.core.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.computerwa.core.asset.AsicSpec;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.asset.GpuSpec;
import org.computerwa.core.asset.Site;
import org.computerwa.core.lease.LeaseLedger;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaCredit;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.revenue.Distribution;
import org.computerwa.core.revenue.ProRataSplit;
import org.computerwa.core.revenue.Waterfall;

/** The valid example document of every model, kept in {@code json/valid/<name>.json}. */
final class ModelDocuments {
  static final Map<String, Class<?>> TYPES = Map.ofEntries(
      Map.entry("Token", Token.class),
      Map.entry("TokenAmount", TokenAmount.class),
      Map.entry("Rate", Rate.class),
      Map.entry("Site", Site.class),
      Map.entry("GpuSpec", GpuSpec.class),
      Map.entry("AsicSpec", AsicSpec.class),
      Map.entry("ComputeAsset", ComputeAsset.class),
      Map.entry("ComputeAsset-asic", ComputeAsset.class),
      Map.entry("SlaCredit", SlaCredit.class),
      Map.entry("SlaTerms", SlaTerms.class),
      Map.entry("LeaseTerms", LeaseTerms.class),
      Map.entry("LeaseLedger", LeaseLedger.class),
      Map.entry("Waterfall", Waterfall.class),
      Map.entry("Distribution", Distribution.class),
      Map.entry("ProRataSplit", ProRataSplit.class));

  static final List<String> NAMES = TYPES.keySet().stream().sorted().toList();

  private ModelDocuments() {}

  static String text(String name) {
    return resource("valid/" + name + ".json").strip();
  }

  static String resource(String path) {
    try (InputStream in = ModelDocuments.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
