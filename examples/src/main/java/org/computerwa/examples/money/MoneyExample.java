package org.computerwa.examples.money;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.json.ComputeRwaJson;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaCredit;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Example: exact token amounts and rates, and lease terms through the SDK's hardened JSON, with
 * the errors bad input gets.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-money
 * }</pre>
 *
 * <p>Needs only {@code org.computerwa:sdk-core}; picocli only makes it a subcommand.
 */
@Command(
    name = "example-money",
    mixinStandardHelpOptions = true,
    description = "Example program: exact money, rates and lease terms as hardened JSON.")
public final class MoneyExample implements Callable<Integer> {
  @Spec private @Nullable CommandSpec spec;

  /** Creates the example (picocli runs it). */
  public MoneyExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new MoneyExample()).execute(args));
  }

  @Override
  public Integer call() {
    run(Objects.requireNonNull(spec).commandLine().getOut());
    return 0;
  }

  /**
   * Prints amounts, rates and a JSON round trip, and the errors of bad input.
   *
   * @param out where the results go
   * @return the lease terms read back from their JSON
   */
  public static LeaseTerms run(PrintWriter out) {
    // tag::amounts[]
    Token usdc = Token.builder()
        .symbol("USDC")
        .decimals(6)
        .address(Address.fromHex("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"))
        .build();
    TokenAmount price = TokenAmount.parse("1250.50", usdc);      // exact: integer base units
    out.println("1250.50 USDC is " + price.baseUnits() + " base units, printed " + price.toDecimalString());
    for (String text : List.of("1.0000001", "1e6")) {
      try {
        TokenAmount.parse(text, usdc);
      } catch (ValidationException e) {                          // names the field, value and rule
        out.println("parse(\"" + text + "\"): " + e.getMessage());
      }
    }
    try {
      price.plus(TokenAmount.parse("1", Token.of("DAI", 18)));
    } catch (MixedTokenException e) {                             // never adds different tokens
      out.println("USDC + DAI: " + e.getMessage());
    }
    // end::amounts[]

    // tag::rates[]
    Rate rate = Rate.of(BigInteger.valueOf(3_858), usdc);         // base units per second
    out.println("one hour at 3858 base units per second: " + rate.accrue(Duration.ofHours(1)).toDecimalString() + " USDC");
    Rate spread = Rate.spreading(TokenAmount.parse("10000", usdc), Duration.ofDays(30));   // rounded down
    out.println("10000 USDC over 30 days: " + spread.baseUnitsPerSecond() + " base units per second");
    // end::rates[]

    // tag::json[]
    LeaseTerms terms = LeaseTerms.builder()
        .assetId("gpu-node-001")
        .lessor(Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"))
        .lessee(Address.fromHex("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"))
        .capacityUnits(8)
        .start(Instant.parse("2026-01-01T00:00:00Z"))
        .end(Instant.parse("2026-01-31T00:00:00Z"))
        .rate(rate)
        .token(usdc)
        .sla(SlaTerms.builder()
            .minAvailabilityBps(9_950)
            .gracePeriod(Duration.ofMinutes(30))
            .credit(SlaCredit.builder().creditBps(10_000).maxBps(3_000).build())
            .build())
        .build();
    ComputeRwaJson json = ComputeRwaJson.standard();              // immutable: share one
    String text = json.write(terms);
    LeaseTerms back = json.read(text, LeaseTerms.class);
    out.println("terms round-trip through JSON: " + back.equals(terms) + ", total rent "
        + back.totalRent().toDecimalString() + " USDC");
    String hostile = text.replace("\"capacityUnits\":8", "\"capacityUnits\":8,\"capacityUnits\":80");
    try {
      json.read(hostile, LeaseTerms.class);
    } catch (ValidationException e) {                              // duplicate keys never pass
      out.println("duplicate key: " + e.getMessage());
    }
    // end::json[]
    out.flush();
    return back;
  }
}
