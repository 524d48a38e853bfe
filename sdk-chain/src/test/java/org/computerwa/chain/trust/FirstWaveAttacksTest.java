package org.computerwa.chain.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computerwa.chain.trust.FirstWaveStack.account;
import static org.computerwa.chain.trust.FirstWaveStack.address;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.AnchorRoot;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The eight attacks of the trust model, each performed by the party with the most to gain on the
 * first-wave contracts (as released before the trust-model change, {@code
 * src/test/solidity/firstwave}) on a real anvil chain, and each asserted to SUCCEED there. Each
 * method names the {@link TrustScenariosTest} method that performs the same attack on today's
 * contracts and sees it refused; together the two classes show that those tests can fail.
 *
 * <p>Where the first-wave ABI has no way to express the attack as today's test does (the old
 * contract simply had no such argument or check), the test asserts the old behaviour that made
 * the attack possible and says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstWaveAttacksTest {
  static final int ADMIN = 0;
  static final int OWNER = 1;
  static final int LESSEE = 2;
  static final int BUYER = 3;
  static final int ACCOMPLICE = 4; // the owner's second address
  static final int LENDER = 5;
  static final int HOLDER = 6;
  static final long RATE = 1_000; // base units per second
  static final long HOUR = 3_600;
  static final long DAY = 24 * HOUR;
  static final BigInteger SHARES = BigInteger.valueOf(1_000);
  static final String NONE = FirstWaveStack.NONE;
  static final SigningKey ATTESTER = SigningKey.fromSecret(BigInteger.valueOf(0xA77E57L));
  static final SigningKey OWNER_KEY = SigningKey.fromSecret(BigInteger.valueOf(0x0E4E4L));
  static final String ACCESS_DENIED = "AccessControlUnauthorizedAccount(address,bytes32)";

  FirstWaveStack stack;
  BigInteger asset;
  FirstWaveContract shares;
  FirstWaveContract distributor;

  @BeforeAll
  void deploy() {
    stack = new FirstWaveStack();
    stack.fund(LESSEE, BigInteger.TEN.pow(15));
  }

  @BeforeEach
  void freshAsset() {
    asset = stack.registerAsset(OWNER, 8);
    List<FirstWaveContract> issued = stack.issueShares(asset, stack.token.address, HOLDER, SHARES);
    shares = issued.get(0);
    distributor = issued.get(1);
    stack.anchor.send(account(OWNER), "setAttester", asset, ATTESTER.address().toHex(), true);
  }

  static BigInteger u(long v) {
    return BigInteger.valueOf(v);
  }

  static long holderRate() {
    return RATE - RATE * FirstWaveStack.FEE_BPS.longValueExact() / 10_000;
  }

  BigInteger accepted(long units, long duration, long lag) {
    return accepted(stack, asset, units, duration, lag, NONE);
  }

  static BigInteger accepted(FirstWaveStack on, BigInteger asset, long units, long duration, long lag, String lessee) {
    BigInteger id = on.offer(OWNER, asset, units, RATE, duration, 0, lag, lessee);
    on.leaseManager.send(account(LESSEE), "accept", id);
    return id;
  }

  long start(BigInteger lease) {
    return stack.lease(lease).start.longValueExact();
  }

  static SigningKey device(int i) {
    return SigningKey.fromSecret(BigInteger.valueOf(0xD000L + i));
  }

  static SigningKey deviceOf(UsageStatement s) {
    for (int i = 0; i < 16; i++) {
      if (device(i).address().equals(s.device())) {
        return device(i);
      }
    }
    throw new IllegalArgumentException("unknown device " + s.device());
  }

  UsageStatement statement(SigningKey device, long from, long to, int bps) {
    return statement(asset, device, from, to, bps);
  }

  static UsageStatement statement(BigInteger asset, SigningKey device, long from, long to, int bps) {
    return UsageStatement.builder().assetId(asset).device(device.address())
        .periodStart(Instant.ofEpochSecond(from)).periodEnd(Instant.ofEpochSecond(to))
        .kind(UsageKind.AVAILABILITY).value(u((to - from) * bps / 10_000)).availabilityBps(bps).build();
  }

  /** The statements (of one asset) as one batch over [from, to) for {@code on}'s evidence anchor. */
  static StatementBatch batch(FirstWaveStack on, long from, long to, List<UsageStatement> statements) {
    Eip712Domain usage = UsageStatement.domain(SharedChain.session().chainId(), Address.fromHex(on.anchor.address));
    List<SignedUsageStatement> signed =
        statements.stream().map(s -> s.sign(deviceOf(s), usage)).collect(Collectors.toList());
    return StatementBatch.of(statements.get(0).assetId(), Instant.ofEpochSecond(from), Instant.ofEpochSecond(to),
        signed, usage);
  }

  StatementBatch batch(long from, long to, List<UsageStatement> statements) {
    return batch(stack, from, to, statements);
  }

  /** The first-wave {@code anchor(assetId, periodStart, periodEnd, root, signature)} arguments. */
  static Object[] anchorArgs(FirstWaveStack on, SigningKey attester, StatementBatch b) {
    AnchorRoot m = b.anchorRoot();
    byte[] signature = m.sign(attester,
        AnchorRoot.domain(SharedChain.session().chainId(), Address.fromHex(on.anchor.address))).toBytes();
    return new Object[] {m.assetId(), m.periodStart().getEpochSecond(), m.periodEnd().getEpochSecond(),
        m.root().toBytes(), signature};
  }

  Object[] anchorArgs(SigningKey attester, StatementBatch b) {
    return anchorArgs(stack, attester, b);
  }

  /** Anchors the statements as one root over [from, to) signed by {@code attester}. */
  static StatementBatch anchor(FirstWaveStack on, SigningKey attester, long from, long to,
      List<UsageStatement> statements) {
    StatementBatch b = batch(on, from, to, statements);
    on.anchor.send(account(LESSEE), "anchor", anchorArgs(on, attester, b));
    return b;
  }

  StatementBatch anchor(SigningKey attester, long from, long to, List<UsageStatement> statements) {
    return anchor(stack, attester, from, to, statements);
  }

  /** The first-wave {@code applySlaCredit(leaseId, statement, anchorStart, anchorEnd, proof)} arguments. */
  static Object[] creditArgs(BigInteger lease, StatementBatch b, UsageStatement s) {
    List<byte[]> proof = new ArrayList<>();
    b.proof(s).siblings().forEach(x -> proof.add(x.toBytes()));
    List<Object> onChain = List.of(s.assetId(), s.device().toHex(), s.periodStart().getEpochSecond(),
        s.periodEnd().getEpochSecond(), (long) s.kind().code(), s.value(), (long) s.availabilityBps());
    return new Object[] {lease, onChain, b.anchorRoot().periodStart().getEpochSecond(),
        b.anchorRoot().periodEnd().getEpochSecond(), proof};
  }

  /** The credit the lessee received from one mined applySlaCredit. */
  BigInteger credited(TransactionReceipt r) {
    // SlaCreditApplied(leaseId indexed, periodStart, periodEnd, downtimeSeconds, credit)
    return stack.leaseManager.events(r, "SlaCreditApplied").get(0).get(3);
  }

  /** Seconds of rent a mined settle paid out (LeaseSettled gross / rate). */
  static long settledSeconds(FirstWaveStack on, TransactionReceipt r) {
    return on.leaseManager.events(r, "LeaseSettled").get(0).get(1).longValueExact() / RATE;
  }

  // ------------------------------------------------------------------ 1

  /** Refused today: {@link TrustScenariosTest#shamPledgeNeitherDefaultsAtOnceNorTakesTheHoldersIncome()}. */
  @Test
  @DisplayName("1. First wave: a sham pledge to the owner's second address defaults at once and takes the holders' income")
  void shamPledge() {
    BigInteger lease = accepted(8, 30 * DAY, 0); // rent the lessee escrowed before the pledge
    BigInteger max = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);
    stack.pledges.send(account(OWNER), "pledge", asset, address(ACCOMPLICE), max);
    stack.pledges.send(account(ACCOMPLICE), "acceptPledge", asset);
    stack.pledges.send(account(ACCOMPLICE), "declareDefault", asset); // at once: no schedule, no deadline
    stack.leaseManager.send(account(BUYER), "settle", lease);
    BigInteger holders = stack.balance(distributor.address);
    BigInteger accomplice = stack.withdrawable(ACCOMPLICE);
    SharedChain.advanceTime(7 * DAY);

    TransactionReceipt r = stack.leaseManager.send(account(BUYER), "settle", lease);

    long seconds = settledSeconds(stack, r);
    assertThat(seconds).isGreaterThanOrEqualTo(7 * DAY);
    assertThat(stack.balance(distributor.address).subtract(holders)).as("shareholders' income").isZero();
    assertThat(stack.withdrawable(ACCOMPLICE).subtract(accomplice)).as("the owner's second address")
        .isEqualTo(u(seconds * holderRate()));
  }

  // ------------------------------------------------------------------ 2

  /** Refused today: {@link TrustScenariosTest#creditsAreTrackedPerStatementNotByACursor()}. */
  @Test
  @DisplayName("2. First wave: a later, barely-credited statement applied first makes the earlier outage unusable")
  void creditCursorGriefing() {
    BigInteger lease = accepted(8, 10 * HOUR, 6 * HOUR);
    long t = start(lease);
    SharedChain.advanceTime(2 * HOUR);
    UsageStatement outage = statement(device(0), t, t + HOUR, 0);
    UsageStatement blip = statement(device(0), t + HOUR, t + 2 * HOUR, 9_970); // 10 s of downtime
    StatementBatch b = anchor(ATTESTER, t, t + 2 * HOUR, List.of(outage, blip));
    BigInteger before = stack.withdrawable(LESSEE);

    // the lessor front-runs with the later statement: one forward-only cursor moves past the outage
    TransactionReceipt r = stack.leaseManager.send(account(OWNER), "applySlaCredit", creditArgs(lease, b, blip));
    assertThat(credited(r)).isEqualTo(u(10 * RATE));
    stack.leaseManager.assertReverts(account(LESSEE), "StatementNotApplicable(uint256)", "applySlaCredit",
        creditArgs(lease, b, outage));
    assertThat(stack.withdrawable(LESSEE).subtract(before)).as("the lessee's credit for a full-outage hour")
        .isEqualTo(u(10 * RATE));
  }

  // ------------------------------------------------------------------ 3

  /** Refused today: {@link TrustScenariosTest#statementsAreBoundToTheLeasedShareOfTheAsset()}. */
  @Test
  @DisplayName("3. First wave: a 1-unit lessee is credited the whole lease rate for its worst device; the lessor's best device blocks it")
  void statementsNotBoundToWhatWasLeased() {
    BigInteger worst = accepted(1, 10 * HOUR, 6 * HOUR);
    BigInteger blocked = accepted(1, 10 * HOUR, 6 * HOUR);
    long t = Math.max(start(worst), start(blocked));
    SharedChain.advanceTime(2 * HOUR);
    List<UsageStatement> devices = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      devices.add(statement(device(i), t, t + HOUR, i == 7 ? 0 : 9_990)); // best devices: 3 s down
    }
    StatementBatch b = anchor(ATTESTER, t, t + HOUR, devices);

    // one unit of eight, yet the worst device's hour refunds the lease's whole rate for the hour
    TransactionReceipt r = stack.leaseManager.send(account(LESSEE), "applySlaCredit", creditArgs(worst, b, devices.get(7)));
    assertThat(credited(r)).isEqualTo(u(HOUR * RATE));

    // conversely the lessor presents its best device first and the worst one no longer applies
    stack.leaseManager.send(account(OWNER), "applySlaCredit", creditArgs(blocked, b, devices.get(0)));
    stack.leaseManager.assertReverts(account(LESSEE), "StatementNotApplicable(uint256)", "applySlaCredit",
        creditArgs(blocked, b, devices.get(7)));
  }

  // ------------------------------------------------------------------ 4

  /** Refused today: {@link TrustScenariosTest#revokingTheAttesterMidLeaseRefundsTheLessee()}. */
  @Test
  @DisplayName("4a. First wave: revoking the attester mid-lease stops the evidence and the owner is paid in full")
  void revokingTheAttesterMidLease() {
    BigInteger lease = accepted(8, 10 * HOUR, HOUR);
    long t = start(lease);
    SharedChain.advanceTime(HOUR);
    anchor(ATTESTER, t, t + HOUR, List.of(statement(device(0), t, t + HOUR, 10_000)));
    stack.anchor.send(account(OWNER), "setAttester", asset, ATTESTER.address().toHex(), false);
    SharedChain.advanceTime(HOUR);
    // the honest attester's next hour, an outage, can no longer be anchored
    StatementBatch outage = batch(t + HOUR, t + 2 * HOUR, List.of(statement(device(0), t + HOUR, t + 2 * HOUR, 0)));
    stack.anchor.assertReverts(account(LESSEE), "NotAttester(uint256,address)", "anchor", anchorArgs(ATTESTER, outage));
    SharedChain.advanceTime(3 * HOUR);
    BigInteger owner = stack.withdrawable(OWNER);
    BigInteger lessee = stack.withdrawable(LESSEE);

    TransactionReceipt r = stack.leaseManager.send(account(BUYER), "settle", lease);

    // every second is paid out, the four unproven hours included; nothing returns to the lessee
    long seconds = settledSeconds(stack, r);
    assertThat(seconds).isGreaterThanOrEqualTo(4 * HOUR);
    assertThat(stack.withdrawable(OWNER).subtract(owner)).isEqualTo(u(seconds * (RATE - holderRate())));
    assertThat(stack.withdrawable(LESSEE)).isEqualTo(lessee);
  }

  /** Refused today: {@link TrustScenariosTest#anOwnerHeldKeyCannotPreemptTheLeasesAttester()}. */
  @Test
  @DisplayName("4b. First wave: a clean root anchored first by an owner-held key blocks the honest root forever")
  void anOwnerHeldKeyPreemptsTheHonestRoot() {
    stack.anchor.send(account(OWNER), "setAttester", asset, OWNER_KEY.address().toHex(), true);
    BigInteger lease = accepted(8, 10 * HOUR, 6 * HOUR);
    long t = start(lease);
    SharedChain.advanceTime(2 * HOUR);
    StatementBatch fake = anchor(OWNER_KEY, t, t + HOUR,
        List.of(statement(device(0), t, t + HOUR, 10_000), statement(device(1), t, t + HOUR, 10_000)));
    UsageStatement honest = statement(device(0), t, t + HOUR, 0);
    StatementBatch real = batch(t, t + HOUR, List.of(honest, statement(device(1), t, t + HOUR, 10_000)));

    stack.anchor.assertReverts(account(LESSEE), "PeriodOverlaps(uint64,uint64)", "anchor", anchorArgs(ATTESTER, real));
    SharedChain.advanceTime(HOUR); // and later still: the period stays taken
    stack.anchor.assertReverts(account(LESSEE), "PeriodOverlaps(uint64,uint64)", "anchor", anchorArgs(ATTESTER, real));
    // the outage is no leaf of the only root there is
    stack.leaseManager.assertReverts(account(LESSEE), "StatementNotProven(uint256)", "applySlaCredit",
        creditArgs(lease, real, honest));
    assertThat(stack.anchor.uint("rootOf", asset, t, t + HOUR)).as("the period's root is the owner key's")
        .isEqualTo(new BigInteger(1, fake.anchorRoot().root().toBytes()));
  }

  /** Refused today: {@link TrustScenariosTest#withholdingEvidencePastTheLagRefundsTheLessee()}. */
  @Test
  @DisplayName("4c. First wave: withholding a root past the settlement lag and then settling refuses every credit")
  void withholdingEvidencePastTheLag() {
    BigInteger lease = accepted(8, 10 * HOUR, HOUR);
    long t = start(lease);
    SharedChain.advanceTime(3 * HOUR);
    BigInteger lessee = stack.withdrawable(LESSEE);
    TransactionReceipt r = stack.leaseManager.send(account(OWNER), "settle", lease); // evidence withheld
    assertThat(settledSeconds(stack, r)).isGreaterThanOrEqualTo(2 * HOUR);
    UsageStatement outage = statement(device(0), t, t + HOUR, 0);
    StatementBatch late = anchor(ATTESTER, t, t + HOUR, List.of(outage));

    stack.leaseManager.assertReverts(account(LESSEE), "StatementNotApplicable(uint256)", "applySlaCredit",
        creditArgs(lease, late, outage));
    assertThat(stack.withdrawable(LESSEE)).isEqualTo(lessee);
  }

  /** Refused today: {@link TrustScenariosTest#aSellersKeyCannotAnchorAgainstTheBuyersLeases()}. */
  @Test
  @DisplayName("4d. First wave: the seller's attester key survives the sale and anchors 0 % roots against the buyer's lease")
  void aSellersKeySurvivesTheSale() {
    stack.registry.send(account(OWNER), "transferFrom", address(OWNER), address(BUYER), asset);
    assertThat(stack.anchor.uint("isAttester", asset, ATTESTER.address().toHex())).isEqualTo(BigInteger.ONE);
    BigInteger lease = stack.offer(BUYER, asset, 8, RATE, 10 * HOUR, 0, 6 * HOUR, NONE);
    stack.leaseManager.send(account(LESSEE), "accept", lease);
    long t = start(lease);
    SharedChain.advanceTime(2 * HOUR);

    StatementBatch zero = anchor(ATTESTER, t, t + HOUR, List.of(statement(device(0), t, t + HOUR, 0)));
    TransactionReceipt r = stack.leaseManager.send(account(LESSEE), "applySlaCredit",
        creditArgs(lease, zero, zero.statements().get(0).statement()));
    assertThat(credited(r)).as("the buyer's rent refunded on the seller's key").isEqualTo(u(HOUR * RATE));
  }

  // ------------------------------------------------------------------ 5

  /** Refused today: {@link TrustScenariosTest#acceptanceBindsThePledgeTerms()}. */
  @Test
  @DisplayName("5. First wave: a front-run re-proposal makes the lender accept a debt of 1")
  void pledgeTermsNotBoundAtAcceptance() {
    stack.pledges.send(account(OWNER), "pledge", asset, address(LENDER), u(5_000_000));
    // the owner front-runs the lender's acceptance; acceptPledge(assetId) names no terms to check
    stack.pledges.send(account(OWNER), "cancelPledge", asset);
    stack.pledges.send(account(OWNER), "pledge", asset, address(LENDER), BigInteger.ONE);
    stack.pledges.send(account(LENDER), "acceptPledge", asset);

    // Pledge(lender, debt, accepted, defaulted)
    List<BigInteger> p = stack.pledges.call("pledgeOf", asset);
    assertThat(p.get(1)).as("debt accepted").isEqualTo(BigInteger.ONE);
    assertThat(p.get(2)).as("accepted").isEqualTo(BigInteger.ONE);
  }

  // ------------------------------------------------------------------ 6

  /** Refused today: {@link TrustScenariosTest#noRoleChangeFreezesEscrow()}. */
  @Test
  @DisplayName("6a. First wave: revoking the lease manager's pledge-registry role freezes settlement, termination and credits")
  void aRoleRevocationFreezesEscrow() {
    FirstWaveStack own = new FirstWaveStack(); // the revocation breaks every lease of the deployment
    own.fund(LESSEE, BigInteger.TEN.pow(12));
    BigInteger ownAsset = own.registerAsset(OWNER, 8);
    own.issueShares(ownAsset, own.token.address, HOLDER, SHARES);
    own.anchor.send(account(OWNER), "setAttester", ownAsset, ATTESTER.address().toHex(), true);
    BigInteger lease = accepted(own, ownAsset, 8, 10 * HOUR, 2 * HOUR, NONE);
    long t = own.lease(lease).start.longValueExact();
    SharedChain.advanceTime(3 * HOUR);
    UsageStatement outage = statement(ownAsset, device(0), t + 2 * HOUR, t + 3 * HOUR, 0);
    StatementBatch b = anchor(own, ATTESTER, t, t + 3 * HOUR, List.of(outage));

    own.pledges.send(account(ADMIN), "revokeRole", FirstWaveStack.LEASE_MANAGER_ROLE, own.leaseManager.address);
    String denied = own.leaseManager.assertReverts(account(BUYER), ACCESS_DENIED, "settle", lease);
    assertThat(denied.toLowerCase()).contains(own.leaseManager.address.substring(2).toLowerCase());
    own.leaseManager.assertReverts(account(LESSEE), ACCESS_DENIED, "terminate", lease);
    own.leaseManager.assertReverts(account(LESSEE), ACCESS_DENIED, "applySlaCredit", creditArgs(lease, b, outage));
    assertThat(own.withdrawable(LESSEE)).as("no refund, no credit").isZero();
    assertThat(own.lease(lease).escrow).as("escrow frozen").isEqualTo(u(10 * HOUR * RATE));

    // the role alone was in the way: granted back, the same credit goes through
    own.pledges.send(account(ADMIN), "grantRole", FirstWaveStack.LEASE_MANAGER_ROLE, own.leaseManager.address);
    own.leaseManager.send(account(LESSEE), "applySlaCredit", creditArgs(lease, b, outage));
    assertThat(own.withdrawable(LESSEE)).isEqualTo(u(HOUR * RATE));
  }

  /** Refused today: {@link TrustScenariosTest#theFeeIsFixedAtOffer()}. */
  @Test
  @DisplayName("6b. First wave: a fee change takes the holders' side of rent already escrowed")
  void aFeeChangeResplitsEscrowedRent() {
    FirstWaveStack own = new FirstWaveStack(); // the fee is global to the deployment
    own.fund(LESSEE, BigInteger.TEN.pow(12));
    BigInteger ownAsset = own.registerAsset(OWNER, 8);
    FirstWaveContract ownDistributor = own.issueShares(ownAsset, own.token.address, HOLDER, SHARES).get(1);
    BigInteger lease = accepted(own, ownAsset, 8, 10 * HOUR, 0, NONE); // accepted at a 10 % fee
    own.leaseManager.send(account(ADMIN), "setOperatorFeeBps", 10_000L);
    SharedChain.advanceTime(HOUR);
    BigInteger owner = own.withdrawable(OWNER);

    TransactionReceipt r = own.leaseManager.send(account(BUYER), "settle", lease);

    long seconds = settledSeconds(own, r);
    assertThat(own.balance(ownDistributor.address)).as("holders").isZero();
    assertThat(own.withdrawable(OWNER).subtract(owner)).as("owner").isEqualTo(u(seconds * RATE));
  }

  /** Refused today: {@link TrustScenariosTest#burnsAreEventedComplianceActions()}. */
  @Test
  @DisplayName("6c. First wave: the issuer burns a holder's shares with no event saying why")
  void theIssuerBurnsWithoutAReason() {
    TransactionReceipt r = shares.send(account(ADMIN), "burn", address(HOLDER), u(10));

    assertThat(shares.uint("balanceOf", address(HOLDER))).isEqualTo(SHARES.subtract(u(10)));
    // the only log of the burn is the ERC-20 Transfer to address(0): no reason, no issuer
    assertThat(r.getLogs()).allSatisfy(l -> assertThat(l.getTopics().get(0)).isEqualTo(shares.topic("Transfer")))
        .filteredOn(l -> l.getAddress().equalsIgnoreCase(shares.address)).hasSize(1);
  }

  /** Refused today: {@link TrustScenariosTest#theIssuerCannotDiluteTheHolders()}. */
  @Test
  @DisplayName("6e. First wave: the issuer mints an accomplice a second supply and takes half of later income")
  void theIssuerDilutesTheHolders() {
    stack.verify(ACCOMPLICE);
    shares.send(account(ADMIN), "mint", address(ACCOMPLICE), SHARES);
    BigInteger lease = accepted(8, 10 * HOUR, 0);
    SharedChain.advanceTime(HOUR);

    TransactionReceipt r = stack.leaseManager.send(account(BUYER), "settle", lease);

    long toHolders = settledSeconds(stack, r) * holderRate();
    assertThat(distributor.uint("withdrawableOf", address(ACCOMPLICE))).isEqualTo(u(toHolders / 2));
    assertThat(distributor.uint("withdrawableOf", address(HOLDER))).isEqualTo(u(toHolders / 2));
  }

  /** Refused today: {@link TrustScenariosTest#foreignDebtAndPayoutTokensAreRefused()}. */
  @Test
  @DisplayName("6d. First wave: foreign debt and payout tokens are accepted, and the holders' income goes to the owner")
  void foreignDebtAndPayoutTokensAreAccepted() {
    // a pledge registry counting debts in another token is wired in without complaint
    FirstWaveContract otherToken = FirstWaveContract.deploy("TestStablecoin", account(ADMIN));
    FirstWaveContract foreignPledges = FirstWaveContract.deploy("PledgeRegistry", account(ADMIN),
        stack.registry.address, otherToken.address, address(ADMIN));
    FirstWaveContract mismatched = FirstWaveContract.deploy("LeaseManager", account(ADMIN), stack.registry.address,
        stack.anchor.address, foreignPledges.address, stack.token.address, address(ADMIN), FirstWaveStack.FEE_BPS);
    assertThat(mismatched.addressOf("pledges")).isEqualToIgnoringCase(foreignPledges.address);

    // an asset whose distributor pays another token: the lease manager pays the holders' part to the owner
    BigInteger foreign = stack.registerAsset(OWNER, 8);
    FirstWaveContract foreignDistributor = stack.issueShares(foreign, otherToken.address, HOLDER, SHARES).get(1);
    BigInteger lease = accepted(stack, foreign, 8, 10 * HOUR, 0, NONE);
    SharedChain.advanceTime(HOUR);
    BigInteger owner = stack.withdrawable(OWNER);

    TransactionReceipt r = stack.leaseManager.send(account(BUYER), "settle", lease);

    long seconds = settledSeconds(stack, r);
    assertThat(stack.withdrawable(OWNER).subtract(owner)).isEqualTo(u(seconds * RATE));
    assertThat(stack.balance(foreignDistributor.address)).isZero();
  }

  // ------------------------------------------------------------------ 7

  /** Refused today: {@link TrustScenariosTest#aLesseeCannotWalkAwayInsideItsMinimumTerm()}. */
  @Test
  @DisplayName("7. First wave: accepting an open offer and terminating in the next block is a free option, again and again")
  void freeOptionOnOpenOffers() {
    for (int round = 0; round < 2; round++) { // the owner re-offers; the lessee does it again
      BigInteger lease = accepted(4, 10 * HOUR, 0);
      TransactionReceipt r = stack.leaseManager.send(account(LESSEE), "terminate", lease);

      // LeaseTerminated(leaseId indexed, by indexed, end, refund)
      List<BigInteger> e = stack.leaseManager.events(r, "LeaseTerminated").get(0);
      long used = e.get(0).longValueExact() - start(lease);
      // the lessee pays only the seconds between two transactions (the next block, on a busy machine a few)
      assertThat(used).as("seconds the lessee paid for").isBetween(0L, 60L);
      assertThat(e.get(1)).as("refund").isEqualTo(u((10 * HOUR - used) * RATE));
      // the offer is consumed: nobody else can take it
      stack.leaseManager.assertReverts(account(BUYER), "WrongStatus(uint256,uint8)", "accept", lease);
    }
  }

  // ------------------------------------------------------------------ 8

  /** Refused today: {@link TrustScenariosTest#incomeStreamsByTimeNotBySettlement()}. */
  @Test
  @DisplayName("8. First wave: a buyer of shares settles weeks of accrued rent, takes its part and sells")
  void incomeCaptureByTiming() {
    BigInteger lease = accepted(8, 30 * DAY, 0);
    SharedChain.advanceTime(14 * DAY);
    stack.verify(BUYER);
    BigInteger half = SHARES.divide(u(2));
    shares.send(account(HOLDER), "transfer", address(BUYER), half); // the buyer buys half

    TransactionReceipt r = stack.leaseManager.send(account(BUYER), "settle", lease); // two weeks of rent arrive
    shares.send(account(BUYER), "transfer", address(HOLDER), half); // and sells

    long toHolders = settledSeconds(stack, r) * holderRate();
    assertThat(settledSeconds(stack, r)).isGreaterThanOrEqualTo(14 * DAY);
    assertThat(distributor.uint("withdrawableOf", address(BUYER))).as("held for two transactions")
        .isEqualTo(u(toHolders / 2));
  }
}
