package org.computerwa.examples.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.core.ValidationException;
import org.computerwa.core.event.HolderVerified;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.revenue.Distribution;
import org.computerwa.core.revenue.Waterfall;
import org.computerwa.examples.assets.RegisterAssetExample;
import org.computerwa.examples.devnet.ExampleStory.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every chain example, run in story order on one local chain (anvil, contracts deployed by the
 * Deployer), each checked on what it printed and returned against an answer worked out here.
 */
class ChainExamplesTest {
  @TempDir static Path dir;

  private static LocalNetwork net;
  private static ExampleStory.Outcome story;
  private static final Map<Step, StringWriter> printed = new EnumMap<>(Step.class);

  @BeforeAll
  static void runTheWholeStory() {
    net = LocalNetwork.start();
    for (Step s : Step.values()) {
      printed.put(s, new StringWriter());
    }
    story = new ExampleStory(net, dir).run(Step.EVENT_STREAM, s -> new PrintWriter(printed.get(s), true));
  }

  @AfterAll
  static void stopTheChain() {
    if (net != null) {
      net.close();
    }
  }

  private static List<String> lines(Step s) {
    return printed.get(s).toString().lines().toList();
  }

  @Test
  void registerAssetPutsTheSameSpecHashOnChainIssuesTheSharesAndRefusesAnUnverifiedReceiver() {
    List<String> out = lines(Step.REGISTER_ASSET);
    assertThat(out).hasSize(4);
    String hash = out.get(0).split(" ")[2];
    assertThat(hash).matches("0x[0-9a-f]{64}");
    assertThat(out.get(0)).contains("\"id\":\"gpu-node-001\"").doesNotContain("status");
    assertThat(out.get(1)).isEqualTo("asset " + story.asset + " owned by " + net.operator().address()
        + ", spec hash on-chain " + hash);
    BigInteger whole = BigInteger.TEN.pow(18);
    assertThat(out.get(2)).isEqualTo("shares: alice " + whole.multiply(BigInteger.valueOf(700)) + ", bob "
        + whole.multiply(BigInteger.valueOf(300)) + ", supply " + whole.multiply(BigInteger.valueOf(1000)));
    assertThat(out.get(3)).startsWith("transfer to an unverified address: refused with NotVerified");
    try (ComputeRwaClient c = net.client(net.platform())) {
      assertThat(c.assets().sharesOf(story.asset, net.stranger().address())).isZero();
    }
  }

  @Test
  void leaseEscrowsTheWholeRentAndTheLedgerAgreesWithTheChainOnTheRunway() {
    List<String> out = lines(Step.LEASE);
    assertThat(out).hasSize(3);
    // 1 000 base units per second of a 6-decimal token for 36 000 s: 36 tokens.
    assertThat(out.get(0)).isEqualTo("offered lease " + story.lease + ": 4 units for PT10H, total rent 36 tUSD");
    assertThat(out.get(1)).startsWith("accepted: ACTIVE from ").endsWith(", escrow 36 tUSD");
    String[] runway = out.get(2).replace("runway ", "").split(" on-chain, ");
    assertThat(runway[1]).isEqualTo(runway[0] + " in the ledger");
  }

  @Test
  void siteAnchorRefusesTheReplayAndAnchorsTheRootOfTheDeviceStatements() {
    List<String> out = lines(Step.SITE_ANCHOR);
    assertThat(out).hasSize(4);
    assertThat(out.get(0)).isEqualTo("replayed statement: refused, REPLAYED");
    // The root, recomputed here from the device agent's statements.
    StatementBatch expected = StatementBatch.of(story.asset.value(), story.deviceStatements.get(0).statement().periodStart(),
        story.deviceStatements.get(0).statement().periodEnd(), story.deviceStatements,
        UsageStatement.domain(net.chainId(), net.contracts().evidenceAnchor()));
    assertThat(out.get(1)).isEqualTo("anchored 3 statements, 2026-11-28T00:00:00Z .. 2026-11-28T00:10:00Z, root "
        + expected.root());
    assertThat(out.get(2)).isEqualTo("attester's coverage now ends 2026-11-28T00:10:00Z");
    assertThat(out.get(3)).isEqualTo("every statement proves against the root");
  }

  @Test
  void slaCreditRefundsTheDowntimeBeyondGraceOfOneOfTheEightUnits() {
    // 90 % of 3 600 s is 360 s down; 60 s grace; one statement stands for one of the node's 8 units:
    // floor(300 / 8) = 37 s of rent at 1 000 base units per second.
    long seconds = (3_600L * (10_000 - 9_000) / 10_000 - 60) / 8;
    assertThat(story.credit.baseUnits()).isEqualTo(BigInteger.valueOf(seconds * 1_000));
    List<String> out = lines(Step.SLA_CREDIT);
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).contains(" at 9000 bps, root 0x");
    assertThat(out.get(1)).isEqualTo("SLA credit 0.037 tUSD; the lessee may withdraw 0.037");
  }

  @Test
  void pledgeHoldsOnlyOnTheProposedTermsAndTheLeaseRunsOn() {
    List<String> out = lines(Step.PLEDGE);
    assertThat(out).hasSize(3);
    assertThat(out.get(0)).startsWith("proposed: 2.5 due by ").endsWith(" to " + net.lender().address() + ", accepted false");
    assertThat(out.get(1)).isEqualTo("acceptance of other terms: refused with TermsMismatch");
    assertThat(out.get(2)).isEqualTo("pledged: accepted true, defaulted false; lease " + story.lease + " is ACTIVE");
    assertThat(story.pledge.accepted()).isTrue();
  }

  @Test
  void claimRevenuePaysTheHoldersTheirWaterfallPartProRata() {
    List<String> out = lines(Step.CLAIM_REVENUE);
    assertThat(out).hasSize(3);
    TokenAmount gross = TokenAmount.parse("36", story.credit.token());
    TokenAmount net = gross.minus(story.credit);
    Distribution d = Waterfall.builder().operatorFeeBps(LocalNetwork.OPERATOR_FEE_BPS).build().distribute(net);
    assertThat(out.get(0)).isEqualTo("settled: gross 36, net of SLA credits " + net.toDecimalString()
        + "; operator fee " + d.operatorFee().toDecimalString() + ", lender 0, holders " + d.holders().toDecimalString());
    BigInteger holders = d.holders().baseUnits();
    TokenAmount alice = story.claims.get(net().alice().address());
    TokenAmount bob = story.claims.get(net().bob().address());
    // 700 : 300 of the holders' part, each rounded down; what is left is dust below one unit each.
    assertThat(alice.baseUnits()).isBetween(holders.multiply(BigInteger.valueOf(7)).divide(BigInteger.TEN).subtract(BigInteger.ONE),
        holders.multiply(BigInteger.valueOf(7)).divide(BigInteger.TEN));
    assertThat(bob.baseUnits()).isBetween(holders.multiply(BigInteger.valueOf(3)).divide(BigInteger.TEN).subtract(BigInteger.ONE),
        holders.multiply(BigInteger.valueOf(3)).divide(BigInteger.TEN));
    assertThat(out.get(1)).endsWith("claimable " + alice.toDecimalString() + ", claimed " + alice.toDecimalString());
    assertThat(out.get(2)).endsWith("claimable " + bob.toDecimalString() + ", claimed " + bob.toDecimalString());
  }

  @Test
  void theRestartedEventStreamDeliversOnlyWhatHappenedWhileItWasStopped() {
    assertThat(story.eventsAfterRestart).containsExactly(new HolderVerified(net.lender().address(), true));
    List<String> out = lines(Step.EVENT_STREAM);
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).contains("AssetRegistered=1", "LeaseOffered=1", "LeaseAccepted=1", "SlaCreditApplied=1",
        "LeaseSettled=1", "Claimed=2", "EvidenceAnchored=3");
    assertThat(out.get(1)).isEqualTo("after the restart: " + story.eventsAfterRestart);
  }

  private static LocalNetwork net() {
    return net;
  }

  @Test
  void theLeaseHasEndedWhenTheHoldersClaim() {
    try (ComputeRwaClient c = net.client(net.platform())) {
      assertThat(c.leases().lease(story.lease).end().orElseThrow().plus(Duration.ofHours(6)))
          .isBefore(c.chainTime());
    }
  }


  @Test
  void anExampleGivenAnotherChainIdRefusesTheNodeBeforeSendingAnything() {
    long blockBefore;
    try (ComputeRwaClient c = net.client(net.platform())) {
      blockBefore = c.chainTime().getEpochSecond();
    }
    assertThatThrownBy(() -> RegisterAssetExample.run(net.rpcUrl(), 1, net.contracts(), net.platform(),
        net.operator().address(), net.alice(), net.bob().address(), net.stranger().address(),
        new PrintWriter(new StringWriter())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("chainId")
        .hasMessageContaining("31337");
    try (ComputeRwaClient c = net.client(net.platform())) {
      assertThat(c.chainTime().getEpochSecond()).as("no block mined").isEqualTo(blockBefore);
    }
  }

  @Test
  void afterTheirClaimsTheHoldersAreOwedNothingMore() {
    for (var key : List.of(net.alice(), net.bob())) {
      try (ComputeRwaClient holder = net.client(key)) {
        assertThat(holder.revenue().claimable(story.asset, holder.address()).isZero()).as(holder.address().toString()).isTrue();
      }
    }
  }
}
