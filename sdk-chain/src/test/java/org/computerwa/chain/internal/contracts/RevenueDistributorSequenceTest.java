package org.computerwa.chain.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import static org.computerwa.chain.internal.ShareStack.call;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.ShareStack;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.chain.internal.testcontracts.FeeOnTransferToken;
import org.computerwa.chain.internal.testcontracts.HookedPayoutToken;
import org.computerwa.chain.internal.testcontracts.ReentrantClaimer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Seeded random sequences of deposits, transfers, refused dilutions, burns, claims and compliance changes by
 * several holders, checked against an exact rational model after every step. Set
 * {@code -Dcomputerwa.seed=N} to replay one seed; the seed is in every failure message.
 */
class RevenueDistributorSequenceTest {
  private static final byte[] REASON = org.computerwa.core.crypto.Keccak256.hashUtf8("redemption").toBytes();
  private static final int STEPS = 80;
  private static final BigInteger SHARE = BigInteger.TEN.pow(18);

  enum Payout {
    STABLECOIN,
    /** The stablecoin, with the share token given one unit by the registry's float at registration. */
    SEEDED_STABLECOIN,
    FEE_ON_TRANSFER,
    HOOKED_WITH_REENTRANT_HOLDER
  }

  static Stream<Arguments> sequences() {
    String fixed = System.getProperty("computerwa.seed");
    List<Long> seeds = fixed == null ? List.of(7L, 20261128L) : List.of(Long.parseLong(fixed));
    return seeds.stream()
        .flatMap(seed -> Stream.of(Payout.values()).map(p -> Arguments.of(p, seed)));
  }

  /** An exact non-negative rational. */
  private static final class Q {
    final BigInteger num;
    final BigInteger den;

    Q(BigInteger num, BigInteger den) {
      BigInteger g = num.gcd(den);
      this.num = g.signum() == 0 ? num : num.divide(g);
      this.den = g.signum() == 0 ? den : den.divide(g);
    }

    static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);

    Q plus(Q o) {
      return new Q(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Q minus(BigInteger whole) {
      return new Q(num.subtract(whole.multiply(den)), den);
    }

    int compareTo(BigInteger whole) {
      return num.compareTo(whole.multiply(den));
    }

    @Override
    public String toString() {
      return num + "/" + den;
    }
  }

  private final ChainSession session = SharedChain.session();

  private void assertReverts(
      Credentials from,
      org.web3j.tx.Contract contract,
      org.web3j.protocol.core.RemoteFunctionCall<?> call,
      String error) {
    org.computerwa.chain.internal.Reverts.assertReverts(from, contract, call, error);
    count("rejected");
  }
  private final Credentials admin = SharedChain.account(0);

  // model
  private final Map<String, BigInteger> shares = new HashMap<>();
  private final Map<String, Q> owed = new HashMap<>();
  private final Map<String, Boolean> verified = new HashMap<>();
  private BigInteger deposited = BigInteger.ZERO;
  private BigInteger claimed = BigInteger.ZERO;
  /** The unit the registry's float gave the share token: surplus that no claim may take. */
  private BigInteger seedUnit = BigInteger.ZERO;

  private ShareStack stack;
  private String payoutToken;
  private final Map<String, Credentials> signers = new HashMap<>();
  private final List<String> actors = new ArrayList<>();
  private ReentrantClaimer attacker;
  private String context = "";
  private final Map<String, Integer> done = new java.util.TreeMap<>();

  private void count(String op) {
    done.merge(op, 1, Integer::sum);
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("sequences")
  void randomOperationsKeepEntitlementsExactAndTheDistributorSolvent(Payout payout, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    setUp(payout);
    for (int step = 0; step < STEPS; step++) {
      int op = random.nextInt(100);
      context = "payout " + payout + " seed " + seed + " step " + step + " op " + op;
      if (op < 18) {
        deposit(random);
      } else if (op < 48) {
        transfer(random);
      } else if (op < 66) {
        claim(random, false);
      } else if (op < 72) {
        claim(random, true);
      } else if (op < 84) {
        mint(random);
      } else if (op < 89) {
        burn(random);
      } else if (op < 93) {
        toggleVerification(random);
      } else if (attacker != null) {
        attack();
      } else {
        mint(random);
      }
      checkInvariants();
    }
    System.out.printf("distributor sequence: payout %s seed %d ops %s%n", payout, seed, done);
    assertThat(done).as("seed %d exercised the distributor", seed)
        .containsKeys("deposit", "transfer", "claim", "dilution refused", "rejected");
    if (attacker != null) {
      assertThat(done).as("seed %d", seed).containsKey("reentrant claim");
    }
  }

  private void setUp(Payout payout) {
    switch (payout) {
      case STABLECOIN:
      case SEEDED_STABLECOIN:
        payoutToken = ShareStack.deployStablecoin(session, admin).getContractAddress();
        break;
      case FEE_ON_TRANSFER:
        payoutToken =
            call(FeeOnTransferToken.deploy(session.web3j(), session.as(admin), session.gas()))
                .getContractAddress();
        break;
      default:
        payoutToken =
            call(HookedPayoutToken.deploy(session.web3j(), session.as(admin), session.gas()))
                .getContractAddress();
    }
    seedUnit = payout == Payout.SEEDED_STABLECOIN ? BigInteger.ONE : BigInteger.ZERO;
    stack = ShareStack.deploy(session, admin, payoutToken, seedUnit);
    for (int i = 11; i <= 15; i++) {
      Credentials c = SharedChain.account(i);
      signers.put(c.getAddress(), c);
      actors.add(c.getAddress());
    }
    if (payout == Payout.HOOKED_WITH_REENTRANT_HOLDER) {
      attacker =
          call(
              ReentrantClaimer.deploy(
                  session.web3j(),
                  session.as(admin),
                  session.gas(),
                  stack.distributor().getContractAddress()));
      actors.add(attacker.getContractAddress());
    }
    for (String a : actors) {
      shares.put(a, BigInteger.ZERO);
      owed.put(a, Q.ZERO);
      verified.put(a, false);
    }
    List<String> initial = new ArrayList<>(actors.subList(0, 4));
    if (attacker != null) {
      initial.add(attacker.getContractAddress());
    }
    stack.verify(initial);
    initial.forEach(a -> verified.put(a, true));
    // The whole supply is issued at once (it is fixed afterwards): one share to each initial holder.
    List<BigInteger> amounts = new ArrayList<>();
    initial.forEach(a -> amounts.add(SHARE));
    call(stack.shares().issue(initial, amounts));
    initial.forEach(a -> shares.put(a, SHARE));
  }

  private String pick(SplittableRandom random) {
    return actors.get(random.nextInt(actors.size()));
  }

  private BigInteger supply() {
    return shares.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }

  private BigInteger someShares(SplittableRandom random) {
    return random.nextInt(4) == 0
        ? BigInteger.valueOf(1 + random.nextInt(1000))
        : SHARE.multiply(BigInteger.valueOf(1 + random.nextInt(50)));
  }

  private void deposit(SplittableRandom random) {
    BigInteger amount =
        BigInteger.valueOf(random.nextInt(3) == 0 ? 1 + random.nextInt(10) : 1 + random.nextInt(1_000_000_000));
    Payouts.mint(session, admin, payoutToken, admin.getAddress(), amount);
    Payouts.approve(session, admin, payoutToken, stack.distributor().getContractAddress(), amount);
    AssetShareToken d = stack.distributor();
    BigInteger supply = supply();
    if (supply.signum() == 0) {
      assertReverts(admin, d, d.deposit(amount), "NoShares()");
      return;
    }
    TransactionReceipt receipt = call(d.deposit(amount));
    BigInteger received = AssetShareToken.getDepositedEvents(receipt).get(0).received;
    assertThat(received).as(context).isLessThanOrEqualTo(amount).isPositive();
    deposited = deposited.add(received);
    count("deposit");
    for (String a : actors) {
      BigInteger bal = shares.get(a);
      if (bal.signum() > 0) {
        owed.put(a, owed.get(a).plus(new Q(received.multiply(bal), supply)));
      }
    }
  }

  private void transfer(SplittableRandom random) {
    String from = pick(random);
    String to = pick(random);
    if (!signers.containsKey(from)) {
      return; // the reentrant contract holds but does not send shares
    }
    BigInteger bal = shares.get(from);
    BigInteger amount =
        random.nextInt(5) == 0 ? bal.add(BigInteger.ONE) : bal.signum() == 0 ? BigInteger.ZERO
            : new BigInteger(bal.bitLength(), new java.util.Random(random.nextLong())).mod(bal.add(BigInteger.ONE));
    AssetShareToken token = stack.sharesAs(signers.get(from));
    if (!verified.get(from) || !verified.get(to)) {
      assertReverts(signers.get(from), token, token.transfer(to, amount), "NotVerified(address)");
    } else if (amount.compareTo(bal) > 0) {
      assertReverts(
          signers.get(from),
          token,
          token.transfer(to, amount),
          "ERC20InsufficientBalance(address,uint256,uint256)");
    } else {
      call(token.transfer(to, amount));
      count("transfer");
      shares.put(from, bal.subtract(amount));
      shares.put(to, shares.get(to).add(amount));
    }
  }

  private void claim(SplittableRandom random, boolean forOther) {
    String holder = pick(random);
    if (attacker != null && holder.equals(attacker.getContractAddress()) && !forOther) {
      attack();
      return;
    }
    Credentials caller = forOther ? SharedChain.account(16) : signers.get(holder);
    if (caller == null) {
      caller = SharedChain.account(16);
      forOther = true;
    }
    AssetShareToken d = stack.distributorAs(caller);
    BigInteger expected = call(d.withdrawableOf(holder));
    var claimCall = forOther ? d.claimFor(holder) : d.claim();
    if (expected.signum() == 0) {
      assertReverts(caller, d, claimCall, "NothingToClaim(address)");
      return;
    }
    TransactionReceipt receipt = call(claimCall);
    BigInteger paid = AssetShareToken.getClaimedEvents(receipt).get(0).amount;
    assertThat(paid).as(context).isEqualTo(expected);
    recordClaim(holder, paid);
    count("claim");
    assertReverts(caller, d, claimCall, "NothingToClaim(address)");
  }

  private void attack() {
    count("attack");
    AssetShareToken d = stack.distributor();
    String holder = attacker.getContractAddress();
    BigInteger expected = call(d.withdrawableOf(holder));
    if (expected.signum() == 0) {
      assertReverts(admin, attacker, attacker.attack(), "NothingToClaim(address)");
      return;
    }
    BigInteger before = SharedChain.erc20Balance(payoutToken, holder);
    call(attacker.attack());
    assertThat(SharedChain.erc20Balance(payoutToken, holder).subtract(before))
        .as(context)
        .isEqualTo(expected);
    assertThat(call(attacker.reentrySuccesses())).as(context).isZero();
    recordClaim(holder, expected);
    count("reentrant claim");
  }

  private void recordClaim(String holder, BigInteger paid) {
    claimed = claimed.add(paid);
    owed.put(holder, owed.get(holder).minus(paid));
    assertThat(owed.get(holder).compareTo(BigInteger.ZERO))
        .as("%s: %s paid more than it earned", context, holder)
        .isGreaterThanOrEqualTo(0);
  }

  /** The issuer as the attacker: issuing more shares once any exist would dilute the holders. */
  private void mint(SplittableRandom random) {
    String to = pick(random);
    BigInteger amount = someShares(random);
    AssetShareToken token = stack.shares();
    BigInteger supply = shares.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    if (supply.signum() > 0) {
      assertReverts(admin, token, token.issue(List.of(to), List.of(amount)), "SupplyFixed(uint256)");
      count("dilution refused");
      return;
    }
    if (!verified.get(to)) {
      assertReverts(admin, token, token.issue(List.of(to), List.of(amount)), "NotVerified(address)");
      return;
    }
    call(token.issue(List.of(to), List.of(amount)));
    count("issue");
    shares.put(to, shares.get(to).add(amount));
  }

  private void burn(SplittableRandom random) {
    String from = pick(random);
    BigInteger bal = shares.get(from);
    if (bal.signum() == 0) {
      return;
    }
    BigInteger amount = bal.divide(BigInteger.valueOf(1 + random.nextInt(3)));
    AssetShareToken token = stack.shares();
    if (!verified.get(from)) {
      assertReverts(admin, token, token.complianceBurn(from, amount, REASON), "NotVerified(address)");
      return;
    }
    call(token.complianceBurn(from, amount, REASON));
    count("burn");
    shares.put(from, bal.subtract(amount));
  }

  private void toggleVerification(SplittableRandom random) {
    String who = actors.get(random.nextInt(Math.min(actors.size(), 5)));
    boolean now = !verified.get(who);
    if (!now && random.nextInt(3) != 0) {
      return; // revoke one time in three, so most of the run has verified holders
    }
    count(now ? "verify" : "revoke");
    call(stack.compliance().setVerified(who, now));
    verified.put(who, now);
  }

  private void checkInvariants() {
    AssetShareToken d = stack.distributor();
    String dAddr = d.getContractAddress();
    BigInteger supply = supply();
    assertThat(call(stack.shares().totalSupply())).as(context).isEqualTo(supply);
    assertThat(call(d.totalShares())).as(context).isEqualTo(supply);
    assertThat(claimed).as("%s: sum of claims <= deposits", context).isLessThanOrEqualTo(deposited);
    assertThat(SharedChain.erc20Balance(payoutToken, dAddr))
        .as("%s: distributor holds deposits - claims (+ the registration seed)", context)
        .isEqualTo(deposited.subtract(claimed).add(seedUnit));
    assertThat(call(d.excessPoints())).as(context).isLessThan(call(d.MAGNITUDE()));
    BigInteger sumWithdrawable = BigInteger.ZERO;
    for (String a : new LinkedHashSet<>(actors)) {
      assertThat(call(stack.shares().balanceOf(a))).as("%s: shares of %s", context, a).isEqualTo(shares.get(a));
      BigInteger w = call(d.withdrawableOf(a));
      Q exact = owed.get(a);
      // on-chain withdrawable is the exact entitlement rounded to a whole unit (never 1 off)
      assertThat(exact.compareTo(w.add(BigInteger.ONE)))
          .as("%s: %s withdrawable %s vs exact %s", context, a, w, exact)
          .isLessThan(0);
      assertThat(exact.compareTo(w.subtract(BigInteger.ONE)))
          .as("%s: %s withdrawable %s vs exact %s", context, a, w, exact)
          .isGreaterThan(0);
      sumWithdrawable = sumWithdrawable.add(w);
    }
    BigInteger dust = deposited.subtract(claimed).subtract(sumWithdrawable);
    assertThat(dust)
        .as("%s: unclaimable dust is >= 0 and < one unit per account", context)
        .isBetween(BigInteger.ZERO, BigInteger.valueOf(actors.size()));
  }
}
