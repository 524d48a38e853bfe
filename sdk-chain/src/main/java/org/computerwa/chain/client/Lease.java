package org.computerwa.chain.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.lease.LeaseStatus;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.TokenAmount;
import org.jspecify.annotations.Nullable;

/**
 * A lease as the lease manager holds it at one moment: parties, capacity, rate, window, escrow.
 *
 * <pre>{@code
 * Lease lease = client.leases().lease(leaseId);
 * lease.status();             // ACTIVE
 * lease.escrow();             // 86.4 tUSD still held
 * lease.start();              // Optional[2026-11-28T21:40:00Z]: the acceptance time
 * LeaseTerms accepted = lease.asAccepted(offeredTerms);   // the terms with the real window
 * LeaseLedger ledger = LeaseLedger.open(accepted).deposit(accepted.totalRent());
 * }</pre>
 *
 * <p>Status mapping: an open offer is {@link LeaseStatus#OFFERED}; an accepted lease is {@link
 * LeaseStatus#ACTIVE} until it is fully paid out (which may be after its end); a paid-out lease
 * that ran its full term is {@link LeaseStatus#EXPIRED}; a withdrawn offer or a paid-out lease
 * that was ended early is {@link LeaseStatus#TERMINATED}.
 *
 * @since 0.1.0
 */
public final class Lease {
  private final LeaseId id;
  private final AssetId assetId;
  private final LeaseStatus status;
  private final Address lessor;
  private final Address lessee;
  private final long units;
  private final Rate rate;
  private final Duration term;
  private final Instant acceptBy;
  private final @Nullable Instant start;
  private final @Nullable Instant end;
  private final @Nullable Instant paidUntil;
  private final TokenAmount escrow;
  private final TokenAmount creditDebt;
  private final Duration grace;
  private final Duration settlementLag;

  Lease(
      LeaseId id,
      AssetId assetId,
      LeaseStatus status,
      Address lessor,
      Address lessee,
      long units,
      Rate rate,
      Duration term,
      Instant acceptBy,
      @Nullable Instant start,
      @Nullable Instant end,
      @Nullable Instant paidUntil,
      TokenAmount escrow,
      TokenAmount creditDebt,
      Duration grace,
      Duration settlementLag) {
    this.id = id;
    this.assetId = assetId;
    this.status = status;
    this.lessor = lessor;
    this.lessee = lessee;
    this.units = units;
    this.rate = rate;
    this.term = term;
    this.acceptBy = acceptBy;
    this.start = start;
    this.end = end;
    this.paidUntil = paidUntil;
    this.escrow = escrow;
    this.creditDebt = creditDebt;
    this.grace = grace;
    this.settlementLag = settlementLag;
  }

  /**
   * The lease's id.
   *
   * @return the id
   */
  public LeaseId id() {
    return id;
  }

  /**
   * The leased asset.
   *
   * @return the asset id
   */
  public AssetId assetId() {
    return assetId;
  }

  /**
   * Where the lease is in its life.
   *
   * @return the status
   */
  public LeaseStatus status() {
    return status;
  }

  /**
   * Who offered the lease (the asset owner at the time).
   *
   * @return the lessor
   */
  public Address lessor() {
    return lessor;
  }

  /**
   * Who may accept (an offer) or who accepted (a lease).
   *
   * @return the lessee
   */
  public Address lessee() {
    return lessee;
  }

  /**
   * Leased capacity, in the asset's units.
   *
   * @return the units
   */
  public long units() {
    return units;
  }

  /**
   * Rent per second.
   *
   * @return the rate in the payment token
   */
  public Rate rate() {
    return rate;
  }

  /**
   * The lease's length as offered; an early termination shortens {@link #end()}, not this.
   *
   * @return the term
   */
  public Duration term() {
    return term;
  }

  /**
   * The last moment the offer could be (or could have been) accepted.
   *
   * @return the acceptance deadline
   */
  public Instant acceptBy() {
    return acceptBy;
  }

  /**
   * When the lease started: the block time of acceptance.
   *
   * @return the start, empty for an offer never accepted
   */
  public Optional<Instant> start() {
    return Optional.ofNullable(start);
  }

  /**
   * When the lease ends (or ended, if terminated early).
   *
   * @return the end, empty for an offer never accepted
   */
  public Optional<Instant> end() {
    return Optional.ofNullable(end);
  }

  /**
   * Up to when rent has been paid out of escrow.
   *
   * @return the paid-until instant, empty for an offer never accepted
   */
  public Optional<Instant> paidUntil() {
    return Optional.ofNullable(paidUntil);
  }

  /**
   * Escrow still held for the lease.
   *
   * @return the escrow
   */
  public TokenAmount escrow() {
    return escrow;
  }

  /**
   * SLA credits taken out of escrow and not yet deducted from a payout: refunded to the lessee,
   * except the holders' part of a credit that their stream could no longer take back (missing
   * evidence took it already), which was paid to the holders.
   *
   * @return the outstanding credit
   */
  public TokenAmount creditDebt() {
    return creditDebt;
  }

  /**
   * Downtime excused per statement period before an SLA credit is due.
   *
   * @return the grace period
   */
  public Duration grace() {
    return grace;
  }

  /**
   * How long income waits before it is paid out (the window for SLA credits).
   *
   * @return the settlement lag
   */
  public Duration settlementLag() {
    return settlementLag;
  }

  /**
   * The offered terms with the window the chain actually gave the lease: from acceptance for the
   * offered term. Use it to compute the lease with sdk-core's {@code LeaseLedger}.
   *
   * @param offered the terms the lease was offered with
   * @return the terms with {@code start} and {@code end} as accepted
   * @throws ValidationException (field {@code lease}) if the lease was never accepted, or (field
   *     {@code offered}) if the terms do not describe this lease
   */
  public LeaseTerms asAccepted(LeaseTerms offered) {
    if (start == null) {
      throw new ValidationException("lease", id, "must have been accepted");
    }
    if (!offered.rate().equals(rate)
        || offered.capacityUnits() != units
        || !offered.term().equals(term)
        || !offered.lessee().equals(lessee)) {
      throw new ValidationException(
          "offered", offered.assetId(), "must have the rate, units, term and lessee of lease " + id);
    }
    return LeaseTerms.builder().from(offered).start(start).end(start.plus(term)).build();
  }

  @Override
  public String toString() {
    return "Lease[" + id + " of asset " + assetId + ", " + status + ", " + units + " units at " + rate
        + ", escrow " + escrow + "]";
  }
}
