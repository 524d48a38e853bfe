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
import org.computerwa.chain.internal.contracts.AssetShareToken;
import org.computerwa.chain.internal.testcontracts.FeeOnTransferToken;
import org.computerwa.chain.internal.testcontracts.ReenteringStablecoin;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.AnchorRoot;
import org.computerwa.core.evidence.SignedUsageStatement;
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
 * Seeded random operation sequences against two lease stacks — one paid in the test stablecoin,
 * one in a token that tries to re-enter the manager on every transfer — plus one paid in a
 * fee-on-transfer token, with the invariants checked after every step. Besides honest moves, the
 * actors attack: the owner revokes attesters mid-lease, sells the asset, pledges it to its own
 * second address with an absurd debt and has that address declare default; the lessee
 * terminates right after accepting; the lender declares default early; the admin changes the fee;
 * keepers settle arbitrary batches. After every step: escrow is conserved, every running lease's
 * escrow is exactly its unpaid, uncredited time, each lease keeps the holders' rate fixed at
 * offer, a lender never receives more than the owner's side, capacity is never double leased,
 * the ERC-4907 user holds a running lease; and after each keeper pass the holders are owed no
 * more than their distributor holds plus what it will still debit. The seed is in every
 * assertion message; the fourth seed is random and printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaseInvariantTest {
  static final int OWNER = 1;
  static final int[] LESSEES = {2, 3, 6};
  static final int STRANGER = 4; // also the owner's accomplice
  static final int LENDER = 5;
  static final int HOLDER = 7;
  static final int STEPS = 40;
  static final long BPS = 10_000;
  static final SigningKey ATTESTER = SigningKey.fromSecret(BigInteger.valueOf(0xA77E57L));
  static final SigningKey DEVICE = SigningKey.fromSecret(BigInteger.valueOf(0xDE1CEL));

  /** One lease stack under test with the assets it leases and the flows seen so far. */
  final class Market {
    final LeaseStack stack;
    final String lm;
    final String token;
    final boolean withShares;
    final List<BigInteger> assets = new ArrayList<>();
    final Map<BigInteger, Long> capacity = new LinkedHashMap<>();
    final List<BigInteger> leases = new ArrayList<>();
    final Map<BigInteger, BigInteger> holderRate = new LinkedHashMap<>();
    BigInteger escrowedIn = BigInteger.ZERO;
    BigInteger withdrawn = BigInteger.ZERO;
    BigInteger toHolders = BigInteger.ZERO;

    Market(LeaseStack stack, boolean withShares) {
      this.stack = stack;
      this.lm = stack.leaseManager;
      this.token = stack.token;
      this.withShares = withShares;
    }

    LeaseManager as(int account) {
      return stack.lm(account);
    }
  }

  static Stream<Long> seeds() {
    return Stream.concat(LongStream.of(1, 2, 3).boxed(), Stream.of(new SecureRandom().nextLong()));
  }

  LeaseStack base;

  @BeforeAll
  void start() throws Exception {
    base = new LeaseStack();
  }

  Market market(String token, boolean withShares) throws Exception {
    Market m = new Market(new LeaseStack(token), withShares);
    for (long cap : new long[] {4, 3}) {
      BigInteger asset = m.stack.registerAsset(OWNER, cap);
      m.assets.add(asset);
      m.capacity.put(asset, cap);
      if (withShares) {
        m.stack.issueShares(asset, HOLDER, BigInteger.TEN.pow(18));
      }
      m.stack.anchor(OWNER).setAttester(asset, ATTESTER.address().toHex(), true).send();
    }
    for (int lessee : LESSEES) {
      base.session.send(LeaseStack.account(lessee), token,
          encode(ReenteringStablecoin.load(token, base.web3j, base.tx(lessee), base.gas)
              .mint(base.address(lessee), BigInteger.TEN.pow(14))));
      base.session.send(LeaseStack.account(lessee), token,
          encode(ReenteringStablecoin.load(token, base.web3j, base.tx(lessee), base.gas)
              .approve(m.lm, BigInteger.TEN.pow(14))));
    }
    return m;
  }

  static String encode(RemoteFunctionCall<?> call) {
    return call.encodeFunctionCall();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomHonestAndAdversarialOperationsKeepEveryPartysPromise(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    String reToken = ReenteringStablecoin.deploy(base.web3j, base.tx(0), base.gas).send().getContractAddress();
    String fotToken = FeeOnTransferToken.deploy(base.web3j, base.tx(0), base.gas).send().getContractAddress();
    Market honest = market(base.token, true);
    Market hostile = market(reToken, false);
    Market skimming = market(fotToken, false);
    ReenteringStablecoin reentering = ReenteringStablecoin.load(reToken, base.web3j, base.tx(0), base.gas);
    Map<String, Integer> ops = new java.util.TreeMap<>();
    // Every seed starts from one live lease, so the invariants below are always exercised on
    // escrow that exists (a random prefix of failed accepts would otherwise leave nothing to check).
    LeaseManager.OfferTerms first = LeaseStack.terms(honest.assets.get(0), 1, 1 + rnd.nextInt(2_000),
        3_600 + rnd.nextInt(20_000), base.now() + 3_600, 0, 0, LeaseStack.NONE);
    TransactionReceipt offered = send(OWNER, honest.lm, honest.as(0).offer(first));
    for (LeaseManager.LeaseOfferedEventResponse e : LeaseManager.getLeaseOfferedEvents(offered)) {
      honest.leases.add(e.leaseId);
      honest.holderRate.put(e.leaseId, honest.as(0).holderRateOf(e.leaseId).send());
    }
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
    keeperPass(honest, "seed " + seed + " final keeper pass");
    System.out.println("lease sequence seed " + seed + " ops " + ops + ", re-entry attempts "
        + reentering.attempts().send());
  }

  void arm(SplittableRandom rnd, Market m, ReenteringStablecoin token) throws Exception {
    LeaseManager lm = m.as(0);
    BigInteger id = m.leases.isEmpty() ? BigInteger.ONE : m.leases.get(rnd.nextInt(m.leases.size()));
    List<RemoteFunctionCall<?>> payloads = List.of(lm.withdraw(), lm.settle(id), lm.accept(id), lm.terminate(id),
        lm.refreshUser(m.assets.get(0)), lm.settleDue(List.of(id)));
    String payload = encode(payloads.get(rnd.nextInt(payloads.size())));
    token.arm(m.lm, Numeric.hexStringToByteArray(payload)).send();
  }

  TransactionReceipt send(int from, String to, RemoteFunctionCall<?> call) {
    return base.session.send(LeaseStack.account(from), to, encode(call));
  }

  int anyone(SplittableRandom rnd) {
    int[] all = {OWNER, LESSEES[0], LESSEES[1], LESSEES[2], STRANGER, LENDER};
    return all[rnd.nextInt(all.length)];
  }

  BigInteger anyLease(SplittableRandom rnd, Market m) {
    return m.leases.isEmpty() ? BigInteger.valueOf(999) : m.leases.get(rnd.nextInt(m.leases.size()));
  }

  void offer(SplittableRandom rnd, Market m) throws Exception {
    int from = rnd.nextInt(8) == 0 ? STRANGER : OWNER;
    BigInteger asset = m.assets.get(rnd.nextInt(m.assets.size()));
    String designated = rnd.nextInt(4) == 0 ? base.address(LESSEES[rnd.nextInt(LESSEES.length)]) : LeaseStack.NONE;
    long duration = 60 + rnd.nextInt(20_000);
    long minTerm = rnd.nextBoolean() ? 0 : rnd.nextLong(duration + 1);
    String attester = rnd.nextBoolean() ? ATTESTER.address().toHex() : LeaseStack.NONE;
    LeaseManager.OfferTerms t = LeaseStack.terms(asset, 1 + rnd.nextInt(3), 1 + rnd.nextInt(2_000),
        duration, base.now() + 600 + rnd.nextInt(6_000), rnd.nextInt(300), rnd.nextInt(3_600), designated,
        minTerm, attester);
    TransactionReceipt r = send(from, m.lm, m.as(0).offer(t));
    if (from == STRANGER) {
      assertThat(r.isStatusOK()).as("stranger offer").isFalse();
    }
    for (LeaseManager.LeaseOfferedEventResponse e : LeaseManager.getLeaseOfferedEvents(r)) {
      m.leases.add(e.leaseId);
      m.holderRate.put(e.leaseId, m.as(0).holderRateOf(e.leaseId).send());
    }
  }

  String randomStep(SplittableRandom rnd, Market m, String label) throws Exception {
    int op = rnd.nextInt(22);
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
        record(m, r, label);
        return "settle " + id;
      case 5: {
        int from = anyone(rnd);
        LeaseManager.Lease l = m.as(0).leaseOf(id).send();
        r = send(from, m.lm, m.as(0).terminate(id));
        record(m, r, label);
        boolean isOwner = from == OWNER;
        boolean party = base.address(from).equalsIgnoreCase(l.lessee) || isOwner;
        if (!party) {
          assertThat(r.isStatusOK()).as("%s: terminate by a non-party", label).isFalse();
        }
        for (LeaseManager.LeaseTerminatedEventResponse e : LeaseManager.getLeaseTerminatedEvents(r)) {
          long committed = l.start.longValueExact() + l.minTerm.longValueExact();
          long earliest = isOwner ? 0 : committed;
          assertThat(e.end.longValueExact()).as("%s: a lessee's termination honours its minimum term", label)
              .isGreaterThanOrEqualTo(Math.min(earliest, l.end.longValueExact()));
          assertThat(e.refund).as("%s: refund at most the time after the new end", label)
              .isLessThanOrEqualTo(l.ratePerSecond.multiply(l.end.subtract(e.end)));
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
        BigInteger owed = m.as(0).withdrawable(base.address(from)).send();
        r = send(from, m.lm, m.as(0).withdraw());
        for (LeaseManager.WithdrawnEventResponse e : LeaseManager.getWithdrawnEvents(r)) {
          assertThat(e.amount).as("%s: withdrawn = owed", label).isEqualTo(owed);
          m.withdrawn = m.withdrawn.add(e.amount);
        }
        return "withdraw by " + from;
      }
      case 8:
        base.warp(1 + rnd.nextInt(2_500));
        return "warp";
      case 9: {
        List<BigInteger> batch = new ArrayList<>();
        for (BigInteger lease : m.leases) {
          if (rnd.nextBoolean()) {
            batch.add(lease);
          }
        }
        batch.add(BigInteger.valueOf(999_999));
        r = send(anyone(rnd), m.lm, m.as(0).settleDue(batch));
        record(m, r, label);
        assertThat(r.isStatusOK()).as("%s: a keeper's batch with unknown and closed leases", label).isTrue();
        return "keeper settleDue";
      }
      case 12:
      case 13:
        return credit(rnd, m, label);
      case 14:
        keeperPass(m, label);
        return "keeper pass";
      case 15:
        return adversarialOwner(rnd, m, label);
      case 16: {
        r = send(LENDER, m.stack.pledges, m.stack.pledges(0).declareDefault(m.assets.get(0)));
        return "lender declares default" + (r.isStatusOK() ? "" : " (refused)");
      }
      case 17: {
        r = send(0, m.lm, m.as(0).setOperatorFeeBps(BigInteger.valueOf(rnd.nextInt(10_001))));
        assertThat(r.isStatusOK()).as("%s: the admin sets the fee of future offers", label).isTrue();
        return "admin sets fee";
      }
      case 18: {
        if (!m.withShares) {
          return "holder claim (no shares)";
        }
        AssetShareToken d = m.stack.distributor(m.assets.get(rnd.nextInt(m.assets.size())), 0);
        r = send(HOLDER, d.getContractAddress(), d.claim());
        return "holder claim" + (r.isStatusOK() ? "" : " (nothing)");
      }
      default: {
        BigInteger asset = m.assets.get(0);
        int action = rnd.nextInt(4);
        if (action == 0) {
          send(OWNER, m.stack.pledges, m.stack.pledges(0).pledge(asset, base.address(LENDER),
              BigInteger.valueOf(1 + rnd.nextInt(5_000_000)), BigInteger.valueOf(base.now() + rnd.nextInt(5_000) + 1)));
        } else if (action == 1) {
          var p = m.stack.pledges(0).pledgeOf(asset).send();
          send(LENDER, m.stack.pledges, m.stack.pledges(0).acceptPledge(asset, p.debt, p.dueBy));
        } else if (action == 2) {
          send(LENDER, m.stack.pledges, m.stack.pledges(0).repay(asset, BigInteger.ONE));
        } else {
          send(anyone(rnd), m.lm, m.as(0).refreshUser(asset));
        }
        return "pledge/user action " + action;
      }
    }
  }

  /** The owner attacks: attester churn, a sale and buy-back, or a sham pledge to its accomplice. */
  String adversarialOwner(SplittableRandom rnd, Market m, String label) throws Exception {
    BigInteger asset = m.assets.get(rnd.nextInt(m.assets.size()));
    switch (rnd.nextInt(3)) {
      case 0: {
        boolean authorize = rnd.nextBoolean();
        send(OWNER, m.stack.anchor, m.stack.anchor(0).setAttester(asset, ATTESTER.address().toHex(), authorize));
        return "owner sets attester " + authorize;
      }
      case 1: {
        TransactionReceipt sold = send(OWNER, m.stack.registry,
            m.stack.registry(0).transferFrom(base.address(OWNER), base.address(STRANGER), asset));
        TransactionReceipt back = send(STRANGER, m.stack.registry,
            m.stack.registry(0).transferFrom(base.address(STRANGER), base.address(OWNER), asset));
        assertThat(sold.isStatusOK() && back.isStatusOK()).as("%s: sale and buy-back", label).isTrue();
        return "owner sells and buys back";
      }
      default: {
        BigInteger max = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);
        long due = base.now() + 3_600;
        send(OWNER, m.stack.pledges, m.stack.pledges(0).pledge(asset, base.address(STRANGER), max,
            BigInteger.valueOf(due)));
        var p = m.stack.pledges(0).pledgeOf(asset).send();
        send(STRANGER, m.stack.pledges, m.stack.pledges(0).acceptPledge(asset, p.debt, p.dueBy));
        TransactionReceipt d = send(STRANGER, m.stack.pledges, m.stack.pledges(0).declareDefault(asset));
        if (m.stack.pledges(0).pledgeOf(asset).send().dueBy.longValueExact() >= base.now()) {
          assertThat(d.isStatusOK()).as("%s: default declared before the deadline", label).isFalse();
        }
        return "owner sham pledge";
      }
    }
  }

  /**
   * Anchors one availability statement of the lease's attester over the time its roots do not
   * cover yet (up to now) and applies it as an SLA credit; applying it a second time must fail.
   */
  String credit(SplittableRandom rnd, Market m, String label) throws Exception {
    List<BigInteger> running = new ArrayList<>();
    for (BigInteger id : m.leases) {
      LeaseManager.Lease l = m.as(0).leaseOf(id).send();
      if (l.status.intValue() == 2 && !l.attester.equals(LeaseStack.NONE)) {
        running.add(id);
      }
    }
    if (running.isEmpty()) {
      return "credit (no running attested lease)";
    }
    BigInteger id = running.get(rnd.nextInt(running.size()));
    LeaseManager.Lease l = m.as(0).leaseOf(id).send();
    long now = base.now();
    long covered = m.stack.anchor(0).coverage(l.assetId, ATTESTER.address().toHex()).send().component2()
        .longValueExact();
    long anchorStart = covered == 0 ? l.start.longValueExact() : covered;
    long ps = Math.max(anchorStart, Math.max(l.paidUntil.longValueExact(), l.start.longValueExact()));
    long pe = Math.min(now, l.end.longValueExact());
    if (pe - ps < 60 || anchorStart > ps) {
      return "credit (nothing to prove)";
    }
    int bps = rnd.nextInt(10_001);
    Address anchorAddress = Address.fromHex(m.stack.anchor);
    Eip712Domain usage = UsageStatement.domain(base.session.chainId(), anchorAddress);
    UsageStatement st = UsageStatement.builder().assetId(l.assetId).device(DEVICE.address())
        .periodStart(Instant.ofEpochSecond(ps)).periodEnd(Instant.ofEpochSecond(pe)).kind(UsageKind.AVAILABILITY)
        .value(BigInteger.valueOf((pe - ps) * bps / 10_000)).availabilityBps(bps).build();
    SignedUsageStatement signed = st.sign(DEVICE, usage);
    StatementBatch batch = StatementBatch.of(l.assetId, Instant.ofEpochSecond(anchorStart), Instant.ofEpochSecond(pe),
        List.of(signed), usage);
    AnchorRoot root = batch.anchorRoot();
    TransactionReceipt anchored = send(STRANGER, m.stack.anchor, m.stack.anchor(0).anchor(l.assetId,
        BigInteger.valueOf(anchorStart), BigInteger.valueOf(pe), root.root().toBytes(),
        root.sign(ATTESTER, AnchorRoot.domain(base.session.chainId(), anchorAddress)).toBytes()));
    if (!anchored.isStatusOK()) {
      // the owner revoked the attester: the missing evidence counts against the owner at settlement
      assertThat(m.stack.anchor(0).isAttester(l.assetId, ATTESTER.address().toHex()).send())
          .as("%s: anchoring refused only for a revoked attester", label).isFalse();
      return "credit (attester revoked)";
    }
    LeaseManager.UsageStatement onChain = new LeaseManager.UsageStatement(l.assetId, DEVICE.address().toHex(),
        BigInteger.valueOf(ps), BigInteger.valueOf(pe), BigInteger.ZERO, st.value(), BigInteger.valueOf(bps));
    RemoteFunctionCall<TransactionReceipt> apply =
        m.as(0).applySlaCredit(id, onChain, signed.signature().toBytes(), BigInteger.valueOf(anchorStart),
            BigInteger.valueOf(pe), List.of());
    TransactionReceipt r = send(anyone(rnd), m.lm, apply);
    record(m, r, label);
    if (r.isStatusOK()) {
      TransactionReceipt again = send(anyone(rnd), m.lm, apply);
      assertThat(again.isStatusOK()).as("%s: the same statement credited twice", label).isFalse();
    }
    return r.isStatusOK() ? "credit applied" : "credit refused " + id;
  }

  /** A keeper settles every lease; then the holders are owed no more than the distributor holds. */
  void keeperPass(Market m, String label) throws Exception {
    TransactionReceipt r = send(STRANGER, m.lm, m.as(0).settleDue(m.leases));
    record(m, r, label);
    if (!m.withShares) {
      return;
    }
    for (BigInteger asset : m.assets) {
      AssetShareToken d = m.stack.distributor(asset, 0);
      BigInteger held = SharedChain.erc20Balance(m.token, d.getContractAddress());
      BigInteger owed = d.withdrawableOf(base.address(HOLDER)).send();
      BigInteger pendingDebit = BigInteger.ZERO;
      for (Object open : d.openStreams().send()) {
        pendingDebit = pendingDebit.add(d.pendingDebitOf((BigInteger) open).send());
      }
      assertThat(owed).as("%s: holders of asset %s are owed at most what the distributor holds plus later debits",
          label, asset).isLessThanOrEqualTo(held.add(pendingDebit));
      assertThat(owed.add(BigInteger.ONE)).as("%s: the distributor holds nothing the holders are not owed (asset %s)",
          label, asset).isGreaterThanOrEqualTo(held);
    }
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

  /**
   * Books what reached the holders and checks the waterfall of each single-lease settlement: the
   * owner's side (fee to owner and lender) and the holders' side split in the lease's fixed ratio.
   */
  void record(Market m, TransactionReceipt r, String label) throws Exception {
    List<LeaseManager.IncomeDistributedEventResponse> income = new ArrayList<>();
    for (LeaseManager.IncomeDistributedEventResponse e : LeaseManager.getIncomeDistributedEvents(r)) {
      m.toHolders = m.toHolders.add(e.toHolders);
      if (!e.owner.equals(LeaseStack.NONE)) {
        income.add(e); // a settlement's waterfall (owner zero: a holders' part paid outside one)
      }
    }
    List<LeaseManager.LeaseSettledEventResponse> settled = LeaseManager.getLeaseSettledEvents(r);
    if (settled.size() == 1 && income.size() == 1 && LeaseManager.getEvidenceMissingEvents(r).isEmpty()) {
      LeaseManager.Lease l = m.as(0).leaseOf(settled.get(0).leaseId).send();
      BigInteger hr = m.holderRate.get(settled.get(0).leaseId);
      BigInteger ownerSide = income.get(0).operatorFee.add(income.get(0).toLender);
      assertThat(ownerSide.multiply(hr)).as("%s: owner's side : holders' side = fee : holder rate", label)
          .isEqualTo(income.get(0).toHolders.multiply(l.ratePerSecond.subtract(hr)));
    }
  }

  void checkInvariants(Market m, String context) throws Exception {
    LeaseManager lm = m.as(0);
    long now = base.now();
    BigInteger balance = SharedChain.erc20Balance(m.token, m.lm);
    BigInteger totalWithdrawable = lm.totalWithdrawable().send();
    assertThat(m.escrowedIn).as("%s: escrowed = held + withdrawn + paid to holders", context)
        .isEqualTo(balance.add(m.withdrawn).add(m.toHolders));
    BigInteger sumEscrow = BigInteger.ZERO;
    Map<BigInteger, Long> used = new LinkedHashMap<>();
    List<LeaseManager.Lease> all = new ArrayList<>();
    for (BigInteger id : m.leases) {
      LeaseManager.Lease l = lm.leaseOf(id).send();
      all.add(l);
      sumEscrow = sumEscrow.add(l.escrow);
      assertThat(lm.holderRateOf(id).send()).as("%s: holders' rate of lease %s fixed at offer", context, id)
          .isEqualTo(m.holderRate.get(id));
      if (l.status.intValue() == 2) {
        BigInteger expected = l.ratePerSecond.multiply(l.end.subtract(l.paidUntil).subtract(l.creditedSeconds));
        assertThat(l.escrow).as("%s: escrow of lease %s", context, id).isEqualTo(expected);
      }
      if (l.status.intValue() == 3) {
        assertThat(l.escrow).as("%s: escrow of closed lease %s", context, id).isZero();
      }
      if (lm.isLive(id).send()) {
        used.merge(l.assetId, l.units.longValueExact(), Long::sum);
      }
    }
    assertThat(balance).as("%s: balance = sum of lease escrows + withdrawable", context)
        .isEqualTo(sumEscrow.add(totalWithdrawable));
    BigInteger sumOwed = BigInteger.ZERO;
    for (int a : new int[] {OWNER, LESSEES[0], LESSEES[1], LESSEES[2], STRANGER, LENDER}) {
      sumOwed = sumOwed.add(lm.withdrawable(base.address(a)).send());
    }
    assertThat(sumOwed).as("%s: sum of withdrawable balances", context).isEqualTo(totalWithdrawable);
    for (BigInteger asset : m.assets) {
      assertThat(used.getOrDefault(asset, 0L)).as("%s: units held on asset %s", context, asset)
          .isLessThanOrEqualTo(m.capacity.get(asset));
      String user = m.stack.registry(0).userOf(asset).send();
      if (!user.equals(LeaseStack.NONE)) {
        BigInteger expires = m.stack.registry(0).userExpires(asset).send();
        assertThat(all).as("%s: ERC-4907 user %s of asset %s holds a running lease ending at %s", context, user, asset,
                expires.add(BigInteger.ONE))
            .anyMatch(l -> l.assetId.equals(asset) && l.status.intValue() == 2 && l.lessee.equalsIgnoreCase(user)
                && l.end.subtract(BigInteger.ONE).equals(expires) && l.end.longValueExact() > now);
      }
    }
  }
}
