package org.computerwa.chain.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.computerwa.chain.internal.contracts.LeaseManager;
import org.computerwa.chain.internal.testcontracts.FeeOnTransferToken;
import org.computerwa.chain.internal.testcontracts.ReenteringStablecoin;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.AnchorRoot;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Seeded random operation sequences against two lease managers — one paid in the test stablecoin,
 * one in a token that tries to re-enter the manager on every transfer — plus a manager paid in a
 * fee-on-transfer token, with the invariants checked after every step. The seed is in every
 * assertion message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaseInvariantTest {
  static final int OWNER = 1;
  static final int[] LESSEES = {2, 3, 6};
  static final int STRANGER = 4;
  static final int LENDER = 5;
  static final int HOLDER = 7;
  static final int STEPS = 36;
  static final SigningKey ATTESTER = SigningKey.fromSecret(BigInteger.valueOf(0xA77E57L));
  static final SigningKey DEVICE = SigningKey.fromSecret(BigInteger.valueOf(0xDE1CEL));

  LeaseStack stack;

  /** One lease manager under test with the assets it leases and the flows seen so far. */
  final class Market {
    final String lm;
    final String token;
    final List<BigInteger> assets = new ArrayList<>();
    final Map<BigInteger, Long> capacity = new LinkedHashMap<>();
    final List<BigInteger> leases = new ArrayList<>();
    final List<String> distributors = new ArrayList<>();
    BigInteger escrowedIn = BigInteger.ZERO;
    BigInteger withdrawn = BigInteger.ZERO;
    BigInteger toHolders = BigInteger.ZERO;

    Market(String lm, String token) {
      this.lm = lm;
      this.token = token;
    }

    LeaseManager as(int account) {
      return stack.lm(lm, account);
    }
  }

  static Stream<Long> seeds() {
    return Stream.concat(LongStream.of(1, 2, 3).boxed(), Stream.of(new SecureRandom().nextLong()));
  }

  @BeforeAll
  void start() throws Exception {
    stack = new LeaseStack();
  }

  Market market(String token, boolean withShares) throws Exception {
    String lm = stack.deployLeaseManager(token);
    Market m = new Market(lm, token);
    for (long cap : new long[] {4, 3}) {
      BigInteger asset = stack.registerAsset(OWNER, cap);
      m.assets.add(asset);
      m.capacity.put(asset, cap);
      if (withShares) {
        m.distributors.add(stack.attachShares(asset, HOLDER, BigInteger.TEN.pow(18)));
      }
      stack.anchor(OWNER).setAttester(asset, ATTESTER.address().toHex(), true).send();
    }
    for (int lessee : LESSEES) {
      stack.session.send(LeaseStack.account(lessee), token,
          encode(ReenteringStablecoin.load(token, stack.web3j, stack.tx(lessee), stack.gas)
              .mint(stack.address(lessee), BigInteger.TEN.pow(14))));
      stack.session.send(LeaseStack.account(lessee), token,
          encode(ReenteringStablecoin.load(token, stack.web3j, stack.tx(lessee), stack.gas)
              .approve(lm, BigInteger.TEN.pow(14))));
    }
    return m;
  }

  static String encode(RemoteFunctionCall<?> call) {
    return call.encodeFunctionCall();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomOperationsKeepEscrowCapacityUserAndClaimInvariants(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    String reToken = ReenteringStablecoin.deploy(stack.web3j, stack.tx(0), stack.gas).send().getContractAddress();
    String fotToken = FeeOnTransferToken.deploy(stack.web3j, stack.tx(0), stack.gas).send().getContractAddress();
    Market honest = market(stack.token, true);
    Market hostile = market(reToken, false);
    Market skimming = market(fotToken, false);
    ReenteringStablecoin reentering = ReenteringStablecoin.load(reToken, stack.web3j, stack.tx(0), stack.gas);
    Map<String, Integer> ops = new java.util.TreeMap<>();
    // Every seed starts from one live lease, so the invariants below are always exercised on
    // escrow that exists (a random prefix of failed accepts would otherwise leave nothing to check).
    LeaseManager.OfferTerms first = LeaseStack.terms(honest.assets.get(0), 1, 1 + rnd.nextInt(2_000),
        3_600 + rnd.nextInt(20_000), stack.now() + 3_600, 0, 0, LeaseStack.NONE);
    TransactionReceipt offered = send(OWNER, honest.lm, honest.as(0).offer(first));
    LeaseManager.getLeaseOfferedEvents(offered).forEach(e -> honest.leases.add(e.leaseId));
    assertThat(honest.leases).as("seed %d: the owner's first offer is recorded", seed).hasSize(1);
    TransactionReceipt accepted = send(LESSEES[0], honest.lm, honest.as(0).accept(honest.leases.get(0)));
    assertThat(accepted.isStatusOK()).as("seed %d: a funded lessee accepts an open offer", seed).isTrue();
    for (LeaseManager.LeaseAcceptedEventResponse e : LeaseManager.getLeaseAcceptedEvents(accepted)) {
      honest.escrowedIn = honest.escrowedIn.add(e.escrow);
    }
    checkInvariants(honest, "seed " + seed + " after the first accepted lease");
    for (int step = 0; step < STEPS; step++) {
      String label = "seed " + seed + " step " + step;
      Market m = rnd.nextBoolean() ? hostile : honest;
      if (m == hostile) {
        arm(rnd, m, reentering);
      }
      String op = randomStep(rnd, m, label);
      ops.merge(op.replaceAll(" [0-9].*", "").replaceAll(" \\(.*", ""), 1, Integer::sum);
      String context = label + " (" + op + ")";
      checkInvariants(honest, context);
      checkInvariants(hostile, context);
      assertThat(reentering.successes().send()).as("%s: re-entrant calls that succeeded", context).isZero();
      if (rnd.nextInt(6) == 0) {
        BigInteger id = skimming.leases.isEmpty() ? null : skimming.leases.get(rnd.nextInt(skimming.leases.size()));
        if (id == null || rnd.nextBoolean()) {
          offer(rnd, skimming);
        } else {
          TransactionReceipt r = send(LESSEES[rnd.nextInt(LESSEES.length)], skimming.lm,
              skimming.as(0).accept(id));
          assertThat(r.isStatusOK()).as("%s: fee-on-transfer acceptance", context).isFalse();
        }
        assertThat(SharedChain.erc20Balance(fotToken, skimming.lm)).as("%s: fee-on-transfer escrow", context).isZero();
      }
    }
    System.out.println("lease sequence seed " + seed + " ops " + ops + ", re-entry attempts "
        + reentering.attempts().send());
  }

  void arm(SplittableRandom rnd, Market m, ReenteringStablecoin token) throws Exception {
    LeaseManager lm = m.as(0);
    BigInteger id = m.leases.isEmpty() ? BigInteger.ONE : m.leases.get(rnd.nextInt(m.leases.size()));
    List<RemoteFunctionCall<?>> payloads = List.of(lm.withdraw(), lm.settle(id), lm.accept(id), lm.terminate(id),
        lm.refreshUser(m.assets.get(0)));
    String payload = encode(payloads.get(rnd.nextInt(payloads.size())));
    token.arm(m.lm, Numeric.hexStringToByteArray(payload)).send();
  }

  TransactionReceipt send(int from, String to, RemoteFunctionCall<?> call) {
    return stack.session.send(LeaseStack.account(from), to, encode(call));
  }

  int anyone(SplittableRandom rnd) {
    int[] all = {OWNER, LESSEES[0], LESSEES[1], LESSEES[2], STRANGER, LENDER};
    return all[rnd.nextInt(all.length)];
  }

  BigInteger anyLease(SplittableRandom rnd, Market m) {
    return m.leases.isEmpty() ? BigInteger.valueOf(999) : m.leases.get(rnd.nextInt(m.leases.size()));
  }

  void offer(SplittableRandom rnd, Market m) {
    int from = rnd.nextInt(8) == 0 ? STRANGER : OWNER;
    BigInteger asset = m.assets.get(rnd.nextInt(m.assets.size()));
    String designated = rnd.nextInt(4) == 0 ? stack.address(LESSEES[rnd.nextInt(LESSEES.length)]) : LeaseStack.NONE;
    LeaseManager.OfferTerms t = LeaseStack.terms(asset, 1 + rnd.nextInt(3), 1 + rnd.nextInt(2_000),
        60 + rnd.nextInt(20_000), stack.now() + 600 + rnd.nextInt(6_000), rnd.nextInt(300), rnd.nextInt(3_600), designated);
    TransactionReceipt r = send(from, m.lm, m.as(0).offer(t));
    if (from == STRANGER) {
      assertThat(r.isStatusOK()).as("stranger offer").isFalse();
    }
    LeaseManager.getLeaseOfferedEvents(r).forEach(e -> m.leases.add(e.leaseId));
  }

  String randomStep(SplittableRandom rnd, Market m, String label) throws Exception {
    int op = rnd.nextInt(14);
    BigInteger id = anyLease(rnd, m);
    TransactionReceipt r;
    switch (op) {
      case 0:
      case 1:
        offer(rnd, m);
        return "offer";
      case 2:
      case 3:
      case 10:
      case 11:
        id = rnd.nextInt(8) == 0 ? id : openOffer(rnd, m, id);
        int lessee = LESSEES[rnd.nextInt(LESSEES.length)];
        r = send(lessee, m.lm, m.as(0).accept(id));
        for (LeaseManager.LeaseAcceptedEventResponse e : LeaseManager.getLeaseAcceptedEvents(r)) {
          m.escrowedIn = m.escrowedIn.add(e.escrow);
        }
        return "accept " + id + (r.isStatusOK() ? "" : " (reverted)");
      case 4:
        r = send(anyone(rnd), m.lm, m.as(0).settle(id));
        record(m, r);
        return "settle " + id;
      case 5: {
        int from = anyone(rnd);
        LeaseManager.Lease l = m.as(0).leaseOf(id).send();
        r = send(from, m.lm, m.as(0).terminate(id));
        record(m, r);
        boolean party = stack.address(from).equalsIgnoreCase(l.lessee) || from == OWNER;
        if (!party) {
          assertThat(r.isStatusOK()).as("%s: terminate by a non-party", label).isFalse();
        }
        return "terminate " + id + " by " + from;
      }
      case 6: {
        int from = rnd.nextBoolean() ? OWNER : STRANGER;
        r = send(from, m.lm, m.as(0).cancelOffer(id));
        if (from == STRANGER) {
          assertThat(r.isStatusOK()).as("%s: cancel by a stranger", label).isFalse();
        }
        return "cancel " + id;
      }
      case 7: {
        int from = anyone(rnd);
        BigInteger owed = m.as(0).withdrawable(stack.address(from)).send();
        r = send(from, m.lm, m.as(0).withdraw());
        for (LeaseManager.WithdrawnEventResponse e : LeaseManager.getWithdrawnEvents(r)) {
          assertThat(e.amount).as("%s: withdrawn = owed", label).isEqualTo(owed);
          m.withdrawn = m.withdrawn.add(e.amount);
        }
        return "withdraw by " + from;
      }
      case 8:
        stack.warp(1 + rnd.nextInt(2_500));
        return "warp";
      case 12:
      case 13:
        return credit(rnd, m, label);
      default: {
        BigInteger asset = m.assets.get(0);
        int action = rnd.nextInt(4);
        if (action == 0) {
          send(OWNER, stack.pledges, stack.pledges(0).pledge(asset, stack.address(LENDER), BigInteger.valueOf(1 + rnd.nextInt(5_000_000))));
        } else if (action == 1) {
          send(LENDER, stack.pledges, stack.pledges(0).acceptPledge(asset));
        } else if (action == 2) {
          send(LENDER, stack.pledges, stack.pledges(0).declareDefault(asset));
        } else {
          send(anyone(rnd), m.lm, m.as(0).refreshUser(asset));
        }
        return "pledge/user action " + action;
      }
    }
  }

  /**
   * Anchors one availability statement covering the unpaid, uncredited part of a running lease
   * and applies it as an SLA credit; applying it a second time must fail.
   */
  String credit(SplittableRandom rnd, Market m, String label) throws Exception {
    List<BigInteger> running = new ArrayList<>();
    for (BigInteger id : m.leases) {
      if (m.as(0).leaseOf(id).send().status.intValue() == 2) {
        running.add(id);
      }
    }
    if (running.isEmpty()) {
      return "credit (no running lease)";
    }
    BigInteger id = running.get(rnd.nextInt(running.size()));
    LeaseManager.Lease l = m.as(0).leaseOf(id).send();
    long now = stack.now();
    long ps = Math.max(Math.max(l.creditedUntil.longValueExact(), l.paidUntil.longValueExact()),
        stack.anchor(0).anchoredUntil(l.assetId).send().longValueExact());
    long pe = Math.min(now, l.end.longValueExact());
    if (pe - ps < 60) {
      return "credit (nothing to prove)";
    }
    int bps = rnd.nextInt(10_001);
    Address anchorAddress = Address.fromHex(stack.anchor);
    Eip712Domain usage = UsageStatement.domain(stack.session.chainId(), anchorAddress);
    UsageStatement st = UsageStatement.builder().assetId(l.assetId).device(DEVICE.address())
        .periodStart(Instant.ofEpochSecond(ps)).periodEnd(Instant.ofEpochSecond(pe)).kind(UsageKind.AVAILABILITY)
        .value(BigInteger.valueOf((pe - ps) * bps / 10_000)).availabilityBps(bps).build();
    StatementBatch batch = StatementBatch.of(l.assetId, Instant.ofEpochSecond(ps), Instant.ofEpochSecond(pe),
        List.of(st.sign(DEVICE, usage)), usage);
    AnchorRoot root = batch.anchorRoot();
    TransactionReceipt anchored = send(STRANGER, stack.anchor, stack.anchor(0).anchor(l.assetId,
        BigInteger.valueOf(ps), BigInteger.valueOf(pe), root.root().toBytes(),
        root.sign(ATTESTER, AnchorRoot.domain(stack.session.chainId(), anchorAddress)).toBytes()));
    assertThat(anchored.isStatusOK()).as("%s: anchoring", label).isTrue();
    LeaseManager.UsageStatement onChain = new LeaseManager.UsageStatement(l.assetId, DEVICE.address().toHex(),
        BigInteger.valueOf(ps), BigInteger.valueOf(pe), BigInteger.ZERO, st.value(), BigInteger.valueOf(bps));
    RemoteFunctionCall<TransactionReceipt> apply =
        m.as(0).applySlaCredit(id, onChain, BigInteger.valueOf(ps), BigInteger.valueOf(pe), List.of());
    TransactionReceipt r = send(anyone(rnd), m.lm, apply);
    record(m, r);
    if (r.isStatusOK()) {
      TransactionReceipt again = send(anyone(rnd), m.lm, apply);
      assertThat(again.isStatusOK()).as("%s: the same statement credited twice", label).isFalse();
    }
    return r.isStatusOK() ? "credit applied" : "credit refused " + id;
  }

  /** A lease still open for acceptance, or {@code fallback} when there is none. */
  BigInteger openOffer(SplittableRandom rnd, Market m, BigInteger fallback) throws Exception {
    List<BigInteger> open = new ArrayList<>();
    for (BigInteger id : m.leases) {
      if (m.as(0).leaseOf(id).send().status.intValue() == 1 && m.as(0).isLive(id).send()) {
        open.add(id);
      }
    }
    return open.isEmpty() ? fallback : open.get(rnd.nextInt(open.size()));
  }

  void record(Market m, TransactionReceipt r) {
    for (LeaseManager.IncomeDistributedEventResponse e : LeaseManager.getIncomeDistributedEvents(r)) {
      m.toHolders = m.toHolders.add(e.distributor.equals(LeaseStack.NONE) ? BigInteger.ZERO : e.toHolders);
    }
  }

  void checkInvariants(Market m, String context) throws Exception {
    LeaseManager lm = m.as(0);
    long now = stack.now();
    BigInteger balance = SharedChain.erc20Balance(m.token, m.lm);
    BigInteger totalEscrow = lm.totalEscrow().send();
    BigInteger totalWithdrawable = lm.totalWithdrawable().send();
    assertThat(balance).as("%s: balance = escrow + withdrawable", context).isEqualTo(totalEscrow.add(totalWithdrawable));
    assertThat(m.escrowedIn).as("%s: escrowed = held + withdrawn + paid to holders", context)
        .isEqualTo(balance.add(m.withdrawn).add(m.toHolders));
    BigInteger sumEscrow = BigInteger.ZERO;
    Map<BigInteger, Long> used = new LinkedHashMap<>();
    List<LeaseManager.Lease> all = new ArrayList<>();
    for (BigInteger id : m.leases) {
      LeaseManager.Lease l = lm.leaseOf(id).send();
      all.add(l);
      sumEscrow = sumEscrow.add(l.escrow);
      if (l.status.intValue() == 2) {
        BigInteger expected = l.ratePerSecond.multiply(l.end.subtract(l.paidUntil)).subtract(l.creditDebt);
        assertThat(l.escrow).as("%s: escrow of lease %s", context, id).isEqualTo(expected);
      }
      if (l.status.intValue() == 3) {
        assertThat(l.escrow).as("%s: escrow of closed lease %s", context, id).isZero();
      }
      if (lm.isLive(id).send()) {
        used.merge(l.assetId, l.units.longValueExact(), Long::sum);
      }
    }
    assertThat(sumEscrow).as("%s: sum of lease escrows", context).isEqualTo(totalEscrow);
    BigInteger sumOwed = BigInteger.ZERO;
    for (int a : new int[] {OWNER, LESSEES[0], LESSEES[1], LESSEES[2], STRANGER, LENDER}) {
      sumOwed = sumOwed.add(lm.withdrawable(stack.address(a)).send());
    }
    assertThat(sumOwed).as("%s: sum of withdrawable balances", context).isEqualTo(totalWithdrawable);
    for (BigInteger asset : m.assets) {
      assertThat(used.getOrDefault(asset, 0L)).as("%s: units held on asset %s", context, asset)
          .isLessThanOrEqualTo(m.capacity.get(asset));
      String user = stack.registry(0).userOf(asset).send();
      if (!user.equals(LeaseStack.NONE)) {
        BigInteger expires = stack.registry(0).userExpires(asset).send();
        assertThat(all).as("%s: ERC-4907 user %s of asset %s holds a running lease ending at %s", context, user, asset,
                expires.add(BigInteger.ONE))
            .anyMatch(l -> l.assetId.equals(asset) && l.status.intValue() == 2 && l.lessee.equalsIgnoreCase(user)
                && l.end.subtract(BigInteger.ONE).equals(expires) && l.end.longValueExact() > now);
      }
    }
  }
}
