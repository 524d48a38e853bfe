package org.computerwa.chain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.VerificationException;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.core.lease.LeaseLedger;
import org.computerwa.core.lease.LeaseStatus;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.revenue.Distribution;
import org.computerwa.core.revenue.DistributorModel;
import org.computerwa.core.revenue.ProRataSplit;
import org.junit.jupiter.api.Test;

/**
 * The whole story through the client on a real anvil chain, every figure checked against the
 * sdk-core computation of the same thing (LeaseLedger, SlaTerms, Waterfall, ProRataSplit).
 */
class ComputeRwaClientTest extends OnFreshDeployment {
  static final long HOUR = 3_600;
  static final long RATE = 1_000; // base units (10^-6 tUSD) per second
  static final SigningKey ATTESTER =
      SigningKey.fromHex("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
  static final SigningKey DEVICE =
      SigningKey.fromHex("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");
  // Plain share counts (7 and 3 whole shares of 18 decimals): the distributor's 2^128 fixed point
  // rounds, and sdk-core's DistributorModel reproduces the rounding exactly.
  static final BigInteger ALICE_SHARES = BigInteger.valueOf(7).multiply(BigInteger.TEN.pow(18));
  static final BigInteger BOB_SHARES = BigInteger.valueOf(3).multiply(BigInteger.TEN.pow(18));

  @Test
  void theWholeStoryPaysEveryPartyExactlyWhatSdkCoreComputes() {
    // 1. register the asset with its shares issued to two verified holders, in one transaction
    ComputeAsset node = f.gpuNode("gpu-node-story");
    f.platform.assets().verifyHolders(List.of(f.alice.address(), f.bob.address()));
    Outcome<AssetId> registered =
        f.platform.assets().register(node, Map.of(f.alice.address(), ALICE_SHARES, f.bob.address(), BOB_SHARES));
    assertThat(registered.receipts()).hasSize(1);
    AssetId asset = registered.value();
    DistributorModel model = DistributorModel.create(f.platform.payments().token());
    model.mint("alice", ALICE_SHARES, f.platform.chainTime());
    model.mint("bob", BOB_SHARES, f.platform.chainTime());
    assertThat(f.platform.assets().specHash(asset)).isEqualTo(node.specHash());
    assertThat(f.platform.assets().ownerOf(asset)).isEqualTo(f.operator.address());
    assertThat(f.platform.assets().totalShares(asset)).isEqualTo(ALICE_SHARES.add(BOB_SHARES));
    assertThat(f.platform.assets().sharesOf(asset, f.alice.address())).isEqualTo(ALICE_SHARES);

    // 2. the operator offers 4 GPUs for 10 hours; the lessee accepts with a permit
    LeaseTerms terms = f.terms(node.id(), 4, RATE, Duration.ofHours(10));
    f.operator.evidence().authorizeAttester(asset, ATTESTER.address());
    LeaseId leaseId =
        f.operator.leases().offer(asset, terms, Duration.ofHours(6), terms.term(), ATTESTER.address()).value();
    f.lessee.payments().mintTestTokens(f.lessee.address(), terms.totalRent());
    Outcome<Lease> accepted = f.lessee.leases().acceptWithPermit(leaseId);
    Lease lease = accepted.value();
    BigInteger holderRate = BigInteger.valueOf(RATE - RATE * 1_000 / 10_000);
    Instant lag = lease.start().orElseThrow().plus(Duration.ofHours(6));
    int slot = model.openStream(leaseId.value().longValueExact(), holderRate, lag,
        lease.end().orElseThrow().plus(Duration.ofHours(6)), f.platform.chainTime());
    assertThat(accepted.receipts()).hasSize(1);
    assertThat(lease.status()).isEqualTo(LeaseStatus.ACTIVE);
    assertThat(lease.escrow()).isEqualTo(terms.totalRent());
    assertThat(f.lessee.payments().balanceOf(f.lessee.address()).isZero()).isTrue();
    LeaseTerms real = lease.asAccepted(terms);
    Instant start = real.start();
    LeaseLedger ledger = LeaseLedger.open(real).deposit(terms.totalRent());

    // 3. three hours pass: accrual and runway agree with the ledger
    SharedChain.advanceTime(3 * HOUR);
    Instant now = f.operator.chainTime();
    assertThat(f.operator.leases().accrued(leaseId)).isEqualTo(ledger.accruedAt(now));
    Runway runway = f.operator.leases().runway(leaseId);
    assertThat(runway.remaining()).isEqualTo(ledger.runwayAt(now));
    assertThat(runway.escrow()).isEqualTo(ledger.escrowBalance());

    // 4. the device signs hourly availability statements; the site anchors them as one batch
    Eip712Domain usage = f.operator.evidence().usageDomain();
    int[] bps = {9_000, 10_000, 9_950};
    List<SignedUsageStatement> signed = new ArrayList<>();
    for (int h = 0; h < bps.length; h++) {
      signed.add(statement(asset, start.plusSeconds(h * HOUR), bps[h]).sign(DEVICE, usage));
    }
    StatementBatch batch =
        StatementBatch.of(asset.value(), start, start.plusSeconds(3 * HOUR), signed, usage);
    assertThat(f.platform.evidence().anchor(batch, ATTESTER).value()).isEqualTo(batch.root());
    assertThat(f.platform.evidence().anchoredUntil(asset, ATTESTER.address())).contains(start.plusSeconds(3 * HOUR));

    // 5. the outage hour of one device earns the lease its share of the asset: one statement
    // stands for one of the asset's units, so the ledger's lease-level credit is divided by the
    // capacity (whole seconds); the 99.5 % hour is within grace
    UsageStatement outage = signed.get(0).statement();
    // a device signature made for another chain is refused before anything is sent
    SignedUsageStatement forOtherChain = SignedUsageStatement.of(outage,
        DEVICE.sign(outage.digest(UsageStatement.domain(usage.chainId().longValueExact() + 1, usage.verifyingContract()))));
    assertThatThrownBy(() -> f.lessee.evidence().applySlaCredit(leaseId, batch, forOtherChain))
        .isInstanceOf(VerificationException.class);
    TokenAmount credit = f.lessee.evidence().applySlaCredit(leaseId, batch, signed.get(0)).value();
    long capacity = node.capacityUnits();
    long creditSeconds = (360 - 60) / capacity;
    assertThat(credit.baseUnits()).isEqualTo(BigInteger.valueOf(creditSeconds * RATE));
    model.debitStream(slot, leaseId.value().longValueExact(), holderRate.multiply(BigInteger.valueOf(creditSeconds)),
        f.platform.chainTime());
    assertThat(ledger.slaCredit(outage.periodStart(), outage.periodEnd(), 9_000).baseUnits())
        .isEqualTo(BigInteger.valueOf((360 - 60) * RATE));
    UsageStatement fine = signed.get(2).statement();
    assertThat(ledger.slaCredit(fine.periodStart(), fine.periodEnd(), 9_950).isZero()).isTrue();
    assertThatThrownBy(() -> f.lessee.evidence().applySlaCredit(leaseId, batch, signed.get(2)))
        .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.errorName()).contains("NoCreditDue"));

    // 6. the site anchors the other seven hours; past the end and the lag, settlement pays the
    // full rent less the credit, by the waterfall
    SharedChain.advanceTime(20 * HOUR);
    List<SignedUsageStatement> rest = new ArrayList<>();
    for (int h = 3; h < 10; h++) {
      rest.add(statement(asset, start.plusSeconds(h * HOUR), 10_000).sign(DEVICE, usage));
    }
    f.platform.evidence().anchor(
        StatementBatch.of(asset.value(), start.plusSeconds(3 * HOUR), start.plusSeconds(10 * HOUR), rest, usage),
        ATTESTER);
    Settlement s = f.platform.leases().settle(leaseId).value();
    LeaseLedger settled = ledger.settle(f.platform.chainTime());
    assertThat(s.gross()).isEqualTo(settled.paid());
    assertThat(s.net()).isEqualTo(s.gross().minus(credit));
    Distribution expected = f.platform.leases().waterfall().distribute(s.net());
    assertThat(s.operatorFee()).isEqualTo(expected.operatorFee());
    assertThat(s.toLender()).isEqualTo(expected.debtService());
    assertThat(s.toHolders()).isEqualTo(expected.holders());
    Lease closed = f.platform.leases().lease(leaseId);
    assertThat(closed.status()).isEqualTo(LeaseStatus.EXPIRED);
    assertThat(closed.escrow().isZero()).isTrue();

    // 7. holders claim exactly what the distributor model computes (and, within a base unit,
    // their pro-rata part of what reached the holders); operator and lessee withdraw fee and credit
    SortedMap<String, TokenAmount> split =
        ProRataSplit.of(Map.of("alice", ALICE_SHARES, "bob", BOB_SHARES)).split(s.toHolders());
    TokenAmount aliceOwed = model.owed("alice", f.platform.chainTime());
    assertThat(f.alice.revenue().claimable(asset, f.alice.address())).isEqualTo(aliceOwed);
    TokenAmount held = f.platform.payments().balanceOf(f.platform.assets().distributorOf(asset));
    TokenAmount aliceClaim = f.alice.revenue().claim(asset).value();
    assertThat(aliceClaim).isEqualTo(model.claim("alice", held, f.platform.chainTime()));
    held = held.minus(aliceClaim);
    TokenAmount bobClaim = f.bob.revenue().claim(asset).value();
    assertThat(bobClaim).isEqualTo(model.claim("bob", held, f.platform.chainTime()));
    assertThat(aliceClaim.baseUnits().subtract(split.get("alice").baseUnits()).abs()).isLessThanOrEqualTo(BigInteger.ONE);
    assertThat(bobClaim.baseUnits().subtract(split.get("bob").baseUnits()).abs()).isLessThanOrEqualTo(BigInteger.ONE);
    assertThat(aliceClaim.plus(bobClaim).compareTo(s.toHolders())).isLessThanOrEqualTo(0);
    assertThat(f.alice.payments().balanceOf(f.alice.address())).isEqualTo(aliceClaim);
    assertThat(f.alice.revenue().claimable(asset, f.alice.address()).isZero()).isTrue();
    assertThat(f.operator.leases().withdraw().value()).isEqualTo(s.operatorFee());
    assertThat(f.lessee.leases().withdraw().value()).isEqualTo(credit);
    assertThat(f.lessee.payments().balanceOf(f.lessee.address())).isEqualTo(credit);
  }

  @Test
  void earlyTerminationRefundsTheUnusedTimeAsTheLedgerCountsIt() {
    ComputeAsset node = f.gpuNode("gpu-node-terminated");
    AssetId asset = f.platform.assets().register(node).value();
    LeaseTerms terms = f.terms(node.id(), 2, RATE, Duration.ofHours(4));
    LeaseId id = f.operator.leases().offer(asset, terms, Duration.ZERO, Duration.ZERO, Address.ZERO).value();
    f.lessee.payments().mintTestTokens(f.lessee.address(), terms.totalRent());
    LeaseLedger ledger =
        LeaseLedger.open(f.lessee.leases().acceptWithPermit(id).value().asAccepted(terms)).deposit(terms.totalRent());
    SharedChain.advanceTime(HOUR);
    TokenAmount refund = f.lessee.leases().terminate(id).value();
    Lease ended = f.operator.leases().lease(id);
    Instant at = ended.end().orElseThrow();
    assertThat(refund).isEqualTo(terms.totalRent().minus(ledger.accruedAt(at)));
    assertThat(ended.status()).isEqualTo(LeaseStatus.TERMINATED);
    assertThat(f.operator.leases().runway(id).remaining()).isZero();
  }

  static UsageStatement statement(AssetId asset, Instant from, int bps) {
    return UsageStatement.builder()
        .assetId(asset.value())
        .device(DEVICE.address())
        .periodStart(from)
        .periodEnd(from.plusSeconds(HOUR))
        .kind(UsageKind.AVAILABILITY)
        .value(BigInteger.valueOf(HOUR * bps / 10_000))
        .availabilityBps(bps)
        .build();
  }
}
