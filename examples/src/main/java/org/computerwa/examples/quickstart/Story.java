package org.computerwa.examples.quickstart;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.lease.LeaseLedger;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.revenue.DistributorModel;
import org.jspecify.annotations.Nullable;

/**
 * What the acts of the story hand on to each other: the chain, the parties, the assets, the lease
 * and sdk-core's independent models of the lease and of the distributor. Each act sets what it
 * creates; a later act reads it through the accessors, which fail loudly if an earlier act did not
 * run.
 */
final class Story {
  /** The lease's price: 0.01 tUSD per second, 36 tUSD per hour. */
  static final long RATE_PER_SECOND = 10_000;
  /** The lease's term. */
  static final Duration TERM = Duration.ofHours(1);
  /** Income waits this long after each second before it is paid out. */
  static final Duration LAG = Duration.ofMinutes(20);
  /** The operator's part of each lease's rent, in basis points. */
  static final long FEE_BPS = 1_000;
  /** Device statements cover this much time each. */
  static final Duration STATEMENT_PERIOD = Duration.ofMinutes(10);
  /** Whole shares (the token has 18 decimals). */
  static final BigInteger ALICE_SHARES = BigInteger.valueOf(700).multiply(BigInteger.TEN.pow(18));
  static final BigInteger BOB_SHARES = BigInteger.valueOf(300).multiply(BigInteger.TEN.pow(18));
  /**
   * tUSD base units the deployment leaves in the asset registry's registration float. Each
   * registration takes one (0.000001 tUSD) to seed its share token's stablecoin balance, so the
   * story's two registrations need 2; 1,000 (0.001 tUSD) leaves room for anyone who goes on
   * registering on this chain after the story, at no cost that matters on a dev chain.
   */
  static final long REGISTRATION_FLOAT = 1_000;

  final DevChain chain;
  @Nullable Cast cast;
  final Report report;

  @Nullable ComputeAsset gpuNode;
  @Nullable ComputeAsset asicFleet;
  @Nullable AssetId gpuAsset;
  @Nullable AssetId fleetAsset;
  @Nullable DistributorModel distributor;
  @Nullable LeaseId leaseId;
  @Nullable LeaseTerms accepted;
  @Nullable LeaseLedger ledger;
  @Nullable GpuDeviceAgent gpuAgent;
  @Nullable SiteInbox inbox;
  int streamSlot = -1;
  /** What the holders claimed so far. */
  @Nullable TokenAmount claimed;
  /** How far the lease was settled. */
  @Nullable Instant paidUntil;
  /** The holders' part of each second of rent. */
  BigInteger holderRate = BigInteger.valueOf(RATE_PER_SECOND - RATE_PER_SECOND * FEE_BPS / 10_000);

  /** The one base unit each registration moves from the float into the new share token. */
  static TokenAmount seed(org.computerwa.core.money.Token token) {
    return TokenAmount.ofBaseUnits(1, token);
  }

  Story(DevChain chain, Report report) {
    this.chain = chain;
    this.report = report;
  }

  Cast cast() {
    return Objects.requireNonNull(cast, "the parties get their clients in step 1");
  }

  ComputeAsset gpuNode() {
    return Objects.requireNonNull(gpuNode, "the GPU node is registered in step 1");
  }

  ComputeAsset asicFleet() {
    return Objects.requireNonNull(asicFleet, "the ASIC fleet is registered in step 1");
  }

  AssetId gpuAsset() {
    return Objects.requireNonNull(gpuAsset, "the GPU node is registered in step 1");
  }

  AssetId fleetAsset() {
    return Objects.requireNonNull(fleetAsset, "the ASIC fleet is registered in step 1");
  }

  DistributorModel distributor() {
    return Objects.requireNonNull(distributor, "the shares are issued in step 2");
  }

  LeaseId leaseId() {
    return Objects.requireNonNull(leaseId, "the lease is accepted in step 3");
  }

  LeaseTerms accepted() {
    return Objects.requireNonNull(accepted, "the lease is accepted in step 3");
  }

  GpuDeviceAgent gpuAgent() {
    return Objects.requireNonNull(gpuAgent, "the device agent starts in step 4");
  }

  SiteInbox inbox() {
    return Objects.requireNonNull(inbox, "the site's inbox opens in step 4");
  }

  Instant paidUntil() {
    return Objects.requireNonNull(paidUntil, "the lease is accepted in step 3");
  }

  LeaseLedger ledger() {
    return Objects.requireNonNull(ledger, "the lease is accepted in step 3");
  }
}
