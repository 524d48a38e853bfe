package org.computerwa.core.lease;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.time.Duration;
import java.time.Instant;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The money side of one lease: escrow deposited by the lessee, rent paid out to the lessor, and
 * the answers that follow at any instant: accrued, outstanding, escrow runway and SLA credits.
 *
 * <pre>{@code
 * LeaseLedger ledger = LeaseLedger.open(terms)
 *     .deposit(TokenAmount.parse("5000", usdc));
 * ledger.accruedAt(now);           // rent earned so far
 * ledger.outstandingAt(now);       // earned but not yet paid out
 * ledger.runwayAt(now);            // time until the escrow is used up (or the lease ends)
 * ledger = ledger.settle(now);     // pay the lessor what has accrued, from escrow
 * ledger.slaCredit(monthStart, monthEnd, 9_870);
 * }</pre>
 *
 * <p><b>Arithmetic.</b> Rent accrues per whole second from {@code terms.start()} to
 * {@code terms.end()} exactly as {@link org.computerwa.core.money.Rate#accrue(Instant, Instant)}
 * counts it; instants before the start accrue nothing and after the end no more. The escrow covers
 * {@code floor(deposited / rate)} whole seconds from the start; {@link #escrowCoveredUntil()} is
 * that instant (capped at the end) and {@link #runwayAt(Instant)} the time from {@code t} to it.
 * So at {@code t + runwayAt(t)} the accrued rent never exceeds the deposit, and one second later
 * (if the lease is still running) it does. Values never hold floating point.
 *
 * <p>Rules: deposited and paid are in the lease token; paid never exceeds deposited nor the total
 * rent.
 *
 * @param terms the terms of the lease
 * @param deposited escrow the lessee has deposited in total
 * @param paid rent paid out of escrow to the lessor in total
 * @since 0.1.0
 */
@JsonDeserialize(builder = LeaseLedger.Builder.class)
public record LeaseLedger(
    @JsonProperty("terms") LeaseTerms terms,
    @JsonProperty("deposited") TokenAmount deposited,
    @JsonProperty("paid") TokenAmount paid) {
  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param terms the terms
   * @param deposited the total deposit
   * @param paid the total paid
   * @throws ValidationException naming the first field that breaks a rule
   */
  public LeaseLedger {
    Checks.required("terms", terms);
    Checks.required("deposited", deposited);
    Checks.required("paid", paid);
    if (!deposited.token().equals(terms.token())) {
      throw new MixedTokenException("deposited.token", terms.token(), deposited.token());
    }
    if (!paid.token().equals(terms.token())) {
      throw new MixedTokenException("paid.token", terms.token(), paid.token());
    }
    if (paid.compareTo(deposited) > 0) {
      throw new ValidationException("paid", paid.toDecimalString(),
          "must not exceed deposited (" + deposited.toDecimalString() + ")");
    }
    if (paid.compareTo(terms.totalRent()) > 0) {
      throw new ValidationException("paid", paid.toDecimalString(),
          "must not exceed the total rent (" + terms.totalRent().toDecimalString() + ")");
    }
  }

  /**
   * A ledger with nothing deposited or paid.
   *
   * @param terms the lease terms
   * @return the empty ledger
   */
  public static LeaseLedger open(LeaseTerms terms) {
    TokenAmount zero = TokenAmount.zero(terms.token());
    return builder().terms(terms).deposited(zero).paid(zero).build();
  }

  /**
   * Records a further escrow deposit.
   *
   * @param amount the amount deposited, in the lease token
   * @return the new ledger
   * @throws MixedTokenException if the amount is in another token
   */
  public LeaseLedger deposit(TokenAmount amount) {
    return builder().from(this).deposited(deposited().plus(amount)).build();
  }

  /**
   * Pays the lessor, out of escrow, everything accrued by {@code at} that is not yet paid, as far
   * as the escrow reaches.
   *
   * @param at the instant of settlement
   * @return the new ledger (this one if nothing is due)
   */
  public LeaseLedger settle(Instant at) {
    TokenAmount payable = accruedAt(at).min(deposited());
    if (payable.compareTo(paid()) <= 0) {
      return this;
    }
    return builder().from(this).paid(payable).build();
  }

  /**
   * Rent accrued from the start to {@code t} (clamped to the lease window).
   *
   * @param t any instant
   * @return the accrued rent
   */
  public TokenAmount accruedAt(Instant t) {
    return terms().rate().accrue(terms().start(), clamp(t));
  }

  /**
   * Rent accrued by {@code t} but not yet paid out.
   *
   * @param t any instant
   * @return {@code max(0, accruedAt(t) - paid)}
   */
  public TokenAmount outstandingAt(Instant t) {
    return accruedAt(t).saturatingMinus(paid());
  }

  /**
   * Rent accrued by {@code t} that the escrow cannot pay: non-zero means the lessee is in arrears.
   *
   * @param t any instant
   * @return {@code max(0, accruedAt(t) - deposited)}
   */
  public TokenAmount shortfallAt(Instant t) {
    return accruedAt(t).saturatingMinus(deposited());
  }

  /**
   * Escrow still held.
   *
   * @return {@code deposited - paid}
   */
  public TokenAmount escrowBalance() {
    return deposited().minus(paid());
  }

  /**
   * The last instant up to which the deposit pays the rent: the start plus
   * {@code floor(deposited / rate)} seconds, capped at the end of the lease.
   *
   * @return the instant the escrow is used up, or the lease end if it never is
   */
  public Instant escrowCoveredUntil() {
    long covered = terms().rate().secondsCoveredBy(deposited());
    long term = terms().term().getSeconds();
    return terms().start().plusSeconds(Math.min(covered, term));
  }

  /**
   * Time from {@code t} until the escrow is used up (or the lease ends, if sooner).
   *
   * @param t any instant
   * @return {@code max(0, escrowCoveredUntil() - t)}
   */
  public Duration runwayAt(Instant t) {
    Duration left = Duration.between(t, escrowCoveredUntil());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * The SLA credit for a measured period, computed by {@link SlaTerms#creditFor} over the rent
   * that accrued within the period (the period is clamped to the lease window).
   *
   * @param periodStart start of the measured period
   * @param periodEnd end of the measured period, not before its start
   * @param measuredAvailabilityBps measured availability, 0 to 10 000 bps
   * @return the credit owed to the lessee, rounded down
   * @throws ValidationException if the period runs backwards or the availability is out of range
   */
  public TokenAmount slaCredit(Instant periodStart, Instant periodEnd, int measuredAvailabilityBps) {
    if (periodEnd.isBefore(periodStart)) {
      throw new ValidationException("periodEnd", periodEnd, "must not be before periodStart (" + periodStart + ")");
    }
    Instant from = clamp(periodStart);
    Instant to = clamp(periodEnd);
    TokenAmount rent = terms().rate().accrue(from, to);
    return terms().sla().creditFor(rent, to.getEpochSecond() - from.getEpochSecond(), measuredAvailabilityBps);
  }

  private Instant clamp(Instant t) {
    if (t.isBefore(terms().start())) {
      return terms().start();
    }
    return t.isAfter(terms().end()) ? terms().end() : t;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link LeaseLedger}: one setter per component, named after it, each returning this builder;
   * {@code from(LeaseLedger)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable LeaseTerms terms;
    private @Nullable TokenAmount deposited;
    private @Nullable TokenAmount paid;

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(LeaseLedger instance) {
      this.terms = instance.terms();
      this.deposited = instance.deposited();
      this.paid = instance.paid();
      return this;
    }

    /**
     * Sets {@link LeaseLedger#terms()}: the terms of the lease.
     *
     * @param terms the value
     * @return this builder
     */
    @JsonProperty("terms")
    public Builder terms(LeaseTerms terms) {
      this.terms = terms;
      return this;
    }

    /**
     * Sets {@link LeaseLedger#deposited()}: escrow the lessee has deposited in total.
     *
     * @param deposited the value
     * @return this builder
     */
    @JsonProperty("deposited")
    public Builder deposited(TokenAmount deposited) {
      this.deposited = deposited;
      return this;
    }

    /**
     * Sets {@link LeaseLedger#paid()}: rent paid out of escrow to the lessor in total.
     *
     * @param paid the value
     * @return this builder
     */
    @JsonProperty("paid")
    public Builder paid(TokenAmount paid) {
      this.paid = paid;
      return this;
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public LeaseLedger build() {
      return new LeaseLedger(Checks.required("terms", terms), Checks.required("deposited", deposited), Checks.required("paid", paid));
    }
  }
}
