package org.computerwa.examples.hashrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;

class HashrateExampleTest {
  /** Anvil's first development key: public, never for real value. */
  private static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  private static final String ANCHOR = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
  /** From the job's ntime 0x504e86b9 to the share's ntime 0x504e86ed. */
  private static final double SECONDS = 0x504e86ed - 0x504e86b9;
  private static final double TWO_32 = 4294967296.0;

  @Test
  void theSubcommandPrintsThePublishedShareAndRefusesTheForgedOne() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(
        "example-hashrate", "--key", KEY, "--chain-id", "31337", "--anchor", ANCHOR, "--asset-id", "2");
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(4);
    // The block hash and difficulty the test data publishes for this share (hashrate/PROVENANCE.md).
    assertThat(lines.get(0))
        .startsWith("share 000000002076870fe65a2b6eeed84fa892c0db924f1482243a6247d931dcab32 difficulty ")
        .endsWith(" (also meets the network target)");
    double difficulty = Double.parseDouble(lines.get(0).split(" ")[3]);
    assertThat(difficulty).isCloseTo(7.885781, within(5e-7));
    assertThat(lines.get(1)).isEqualTo("forged share: LOW_DIFFICULTY_SHARE");
    assertThat(lines.get(2)).startsWith("2012-09-11T00:32:57Z .. 2012-09-11T00:33:49Z: ");
    assertThat(lines.get(3)).startsWith("HASHRATE ").contains(" H/s signed by " + SigningKey.fromHex(KEY).address());
  }

  @Test
  void theStatedHashrateIsGarwoodsLowerBoundForOneShareOfDifficultyOne() {
    SigningKey key = SigningKey.fromHex(KEY);
    Eip712Domain domain = UsageStatement.domain(31337, Address.fromHex(ANCHOR));
    StringWriter out = new StringWriter();
    SignedUsageStatement signed =
        HashrateExample.run(HashrateExample.poolSession(), BigInteger.TWO, key, domain, new PrintWriter(out));
    signed.verify(domain);
    UsageStatement s = signed.statement();
    assertThat(s.kind()).isEqualTo(UsageKind.HASHRATE);
    assertThat(s.assetId()).isEqualTo(BigInteger.TWO);
    // For one Poisson event the 97.5 % lower quantile is exact: P(N >= 1) = 1 - e^-mu = 0.025.
    double lowerEvents = -Math.log(0.975);
    assertThat(s.value().doubleValue()).isCloseTo(Math.floor(lowerEvents * TWO_32 / SECONDS), within(1.0));
    // The point estimate is 2^32 hashes per share over the window; the upper bound solves
    // e^-mu (1 + mu) = 0.025, found here by bisection.
    double lo = 1;
    double hi = 20;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (Math.exp(-mid) * (1 + mid) > 0.025) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    String line = out.toString().lines().filter(l -> l.contains("95 % interval")).findFirst().orElseThrow();
    assertThat(line).contains(String.format(java.util.Locale.ROOT, ": %.4g H/s, 95 %% interval %.4g .. %.4g H/s",
        TWO_32 / SECONDS, lowerEvents * TWO_32 / SECONDS, lo * TWO_32 / SECONDS));
  }
}
