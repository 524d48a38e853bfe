package org.computerwa.examples.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;

class MoneyExampleTest {
  @Test
  void theSubcommandPrintsExactAmountsRatesAndTheRefusals() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("example-money");
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(8);
    assertThat(lines.get(0)).isEqualTo("1250.50 USDC is 1250500000 base units, printed 1250.5");
    assertThat(lines.get(1)).startsWith("parse(\"1.0000001\"): ").contains("1.0000001");
    assertThat(lines.get(2)).startsWith("parse(\"1e6\"): ").contains("1e6");
    assertThat(lines.get(3)).startsWith("USDC + DAI: ").contains("DAI");
    // 3 858 base units per second for 3 600 s, in a 6-decimal token.
    String hour = new BigDecimal(BigInteger.valueOf(3_858L * 3_600), 6).stripTrailingZeros().toPlainString();
    assertThat(lines.get(4)).isEqualTo("one hour at 3858 base units per second: " + hour + " USDC");
    BigInteger perSecond = BigInteger.valueOf(10_000).multiply(BigInteger.TEN.pow(6)).divide(BigInteger.valueOf(30L * 86_400));
    assertThat(lines.get(5)).isEqualTo("10000 USDC over 30 days: " + perSecond + " base units per second");
    String rent = new BigDecimal(BigInteger.valueOf(3_858L * 30 * 86_400), 6).stripTrailingZeros().toPlainString();
    assertThat(lines.get(6)).isEqualTo("terms round-trip through JSON: true, total rent " + rent + " USDC");
    assertThat(lines.get(7)).startsWith("duplicate key: ").contains("capacityUnits");
  }
}
