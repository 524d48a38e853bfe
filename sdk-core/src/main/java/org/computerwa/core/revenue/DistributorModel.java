package org.computerwa.core.revenue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.jspecify.annotations.Nullable;

/**
 * An exact model of the on-chain revenue distribution of one asset (its share token, which is
 * also its revenue distributor): replay the same share moves,
 * deposits and lease streams at the same chain times, and every holder's claim equals the
 * chain's, to the base unit, for any share supply.
 *
 * <pre>{@code
 * DistributorModel m = DistributorModel.create(usdc);
 * m.mint("alice", BigInteger.valueOf(3), t0);
 * m.mint("bob", BigInteger.valueOf(7), t0);
 * int slot = m.openStream(1, BigInteger.valueOf(900), start, end, acceptedAt); // holders' rate
 * TokenAmount alice = m.owed("alice", now);   // what AssetShareToken.withdrawableOf returns
 * }</pre>
 *
 * <p><b>What it reproduces.</b> Points per share scaled by 2^128; each credit of {@code x} base
 * units adds {@code x * 2^128 / supply} rounded up while the total rounding excess stays below
 * {@link #EXCESS_CAP} (2^112), rounded down otherwise; a holder's points are {@code
 * pointsPerShare * balance + correction}, corrections moving on every balance change by {@code
 * pointsPerShare * shares} rounded to a multiple of {@link #CORRECTION_UNIT} (2^18) towards less
 * entitlement on both sides (exact for whole shares, under 2^-110 base units per side otherwise),
 * and a negative point total owing nothing; the bounds {@link #MAX_SUPPLY} and {@link
 * #MAX_CREDITED} (deposits plus each opened stream in full) refused as the contract refuses them;
 * streams accrue {@code rate} per second over [start, end) minus their debit first, at every
 * balance change and stream change (not at a deposit or a claim, which change no balance: a claim
 * pays against the points the streams add up to its time without accruing them), in the slot
 * order the contract uses; income streamed while no share exists is carried to the next credit
 * that finds shares. Where {@link ProRataSplit} answers "how would an amount be
 * split", this class answers "what does the contract owe", which differs by rounding unless the
 * supply divides 2^128.
 *
 * <p>Not thread-safe: one model per asset, driven in chain order. Times are the block timestamps
 * of the transactions being replayed.
 *
 * @since 0.1.0
 */
public final class DistributorModel {
  /** The fixed-point scale of points per share (2^128). */
  public static final BigInteger MAGNITUDE = BigInteger.ONE.shiftLeft(128);

  /** Stream slots of a distributor. */
  public static final int MAX_STREAMS = 16;

  /** Rounding up stops while the total excess would reach this (2^112). */
  public static final BigInteger EXCESS_CAP = BigInteger.ONE.shiftLeft(112);

  /** Corrections are whole multiples of this many points (2^18). */
  public static final BigInteger CORRECTION_UNIT = BigInteger.ONE.shiftLeft(18);

  /** Most share base units that can exist (2^88 - 1). */
  public static final BigInteger MAX_SUPPLY = BigInteger.ONE.shiftLeft(88).subtract(BigInteger.ONE);

  /** Most payout base units ever credited: deposits plus each opened stream in full (2^54 - 1). */
  public static final BigInteger MAX_CREDITED = BigInteger.ONE.shiftLeft(54).subtract(BigInteger.ONE);

  private final Token token;
  private BigInteger pointsPerShare = BigInteger.ZERO;
  private BigInteger totalShares = BigInteger.ZERO;
  private BigInteger excess = BigInteger.ZERO;
  private BigInteger carry = BigInteger.ZERO;
  private BigInteger credited = BigInteger.ZERO;
  private long lastAccrual;
  private int occupied;
  private final BigInteger[] rates = new BigInteger[MAX_STREAMS];
  private final long[] start = new long[MAX_STREAMS];
  private final long[] end = new long[MAX_STREAMS];
  private final BigInteger[] debit = new BigInteger[MAX_STREAMS];
  private final long[] leaseOf = new long[MAX_STREAMS];
  private final Map<String, BigInteger> balances = new HashMap<>();
  private final Map<String, BigInteger> corrections = new HashMap<>();

  private DistributorModel(Token token) {
    this.token = Objects.requireNonNull(token, "token");
  }

  /**
   * A distributor with no shares, deposits or streams.
   *
   * @param payoutToken the token it pays out
   * @return the model
   */
  public static DistributorModel create(Token payoutToken) {
    return new DistributorModel(payoutToken);
  }

  /**
   * Shares issued to a holder.
   *
   * @param holder the holder id
   * @param shares share base units, positive
   * @param at the block time
   * @throws ValidationException (field {@code shares}) beyond {@link #MAX_SUPPLY} in total
   */
  public void mint(String holder, BigInteger shares, Instant at) {
    move(null, holder, positive("shares", shares), at);
  }

  /**
   * Shares moved between holders.
   *
   * @param from the sender
   * @param to the receiver
   * @param shares share base units, positive, at most the sender's balance
   * @param at the block time
   * @throws ValidationException (field {@code shares}) beyond the sender's balance
   */
  public void transfer(String from, String to, BigInteger shares, Instant at) {
    move(from, to, positive("shares", shares), at);
  }

  /**
   * Shares burned (a compliance burn).
   *
   * @param holder the holder
   * @param shares share base units, positive, at most its balance
   * @param at the block time
   */
  public void burn(String holder, BigInteger shares, Instant at) {
    move(holder, null, positive("shares", shares), at);
  }

  /**
   * A deposit that arrived in full.
   *
   * @param amount payout base units
   * @param at the block time (a deposit accrues no stream, so the result does not depend on it)
   * @throws ValidationException (field {@code amount}) while no share exists or beyond {@link
   *     #MAX_CREDITED} in total, as the contract refuses it
   */
  public void deposit(TokenAmount amount, Instant at) {
    BigInteger received = positive("amount", sameToken(amount).baseUnits());
    if (totalShares.signum() == 0) {
      throw new ValidationException("amount", amount, "cannot be deposited while no share exists");
    }
    Objects.requireNonNull(at, "at");
    credited = credit("amount", received);
    // as the contract: a deposit does not accrue the streams (no balance changed since the last accrual)
    addPoints(received);
  }

  /**
   * A lease's stream opened, as the lease manager opens it at acceptance.
   *
   * @param leaseId the lease
   * @param ratePerSecond the holders' part of the rent per second, positive
   * @param from first second credited (acceptance plus settlement lag)
   * @param until end of the stream (lease end plus settlement lag)
   * @param at the block time
   * @return the slot, as the contract picks it
   * @throws ValidationException (field {@code ratePerSecond}) when the stream in full would take
   *     the credited income beyond {@link #MAX_CREDITED}
   */
  public int openStream(long leaseId, BigInteger ratePerSecond, Instant from, Instant until, Instant at) {
    positive("ratePerSecond", ratePerSecond);
    if (!until.isAfter(from)) {
      throw new ValidationException("leaseId", leaseId, "cannot open a stream over an empty period");
    }
    BigInteger after =
        credit("ratePerSecond", ratePerSecond.multiply(BigInteger.valueOf(until.getEpochSecond() - from.getEpochSecond())));
    accrue(at);
    int slot = 0;
    while (slot < MAX_STREAMS && (occupied & (1 << slot)) != 0) {
      slot++;
    }
    if (slot == MAX_STREAMS) {
      throw new ValidationException("leaseId", leaseId, "cannot open a stream: all slots taken");
    }
    credited = after;
    if (occupied == 0) {
      lastAccrual = at.getEpochSecond();
    }
    rates[slot] = ratePerSecond;
    start[slot] = from.getEpochSecond();
    end[slot] = until.getEpochSecond();
    debit[slot] = BigInteger.ZERO;
    leaseOf[slot] = leaseId;
    occupied |= 1 << slot;
    return slot;
  }

  /**
   * A lease's stream cut short (termination).
   *
   * @param slot the stream's slot
   * @param leaseId the lease
   * @param until the new end (the contract never ends a stream before {@code at})
   * @param at the block time
   */
  public void endStream(int slot, long leaseId, Instant until, Instant at) {
    accrue(at);
    if (!holds(slot, leaseId)) {
      return;
    }
    long now = at.getEpochSecond();
    long from = Math.max(now, start[slot]);
    long newEnd = Math.max(until.getEpochSecond(), from);
    if (newEnd >= end[slot]) {
      return;
    }
    end[slot] = newEnd;
    BigInteger left = rates[slot].multiply(BigInteger.valueOf(newEnd - from));
    debit[slot] = debit[slot].min(left);
  }

  /**
   * A debit of a lease's stream (SLA credit or missing evidence refunded to the lessee).
   *
   * @param slot the stream's slot
   * @param leaseId the lease
   * @param amount payout base units asked for
   * @param at the block time
   * @return the part debited, as the contract returns it
   */
  public BigInteger debitStream(int slot, long leaseId, BigInteger amount, Instant at) {
    accrue(at);
    if (!holds(slot, leaseId)) {
      return BigInteger.ZERO;
    }
    long from = Math.max(at.getEpochSecond(), start[slot]);
    BigInteger left = end[slot] > from ? rates[slot].multiply(BigInteger.valueOf(end[slot] - from)) : BigInteger.ZERO;
    BigInteger room = left.subtract(debit[slot]).max(BigInteger.ZERO);
    BigInteger debited = amount.min(room);
    debit[slot] = debit[slot].add(debited);
    return debited;
  }

  /**
   * What a holder is owed at a time, as {@code withdrawableOf} reads it from the chain then.
   *
   * @param holder the holder
   * @param at the block time
   * @return whole base units owed
   */
  public TokenAmount owed(String holder, Instant at) {
    return TokenAmount.of(whole(pointsPerShareAt(at).multiply(balanceOf(holder)).add(correctionOf(holder))), token);
  }

  /** Points per share with the streams accrued to {@code at} and the carry credited, without accruing. */
  private BigInteger pointsPerShareAt(Instant at) {
    BigInteger pps = pointsPerShare;
    if (totalShares.signum() != 0) {
      BigInteger pending = pendingAt(at.getEpochSecond()).add(carry);
      if (pending.signum() != 0) {
        pps = pps.add(increment(pending, excess)[0]);
      }
    }
    return pps;
  }

  /**
   * A claim, as the contract pays it: what is owed, up to what the distributor holds.
   *
   * @param holder the holder
   * @param held payout base units the distributor holds before the claim
   * @param at the block time
   * @return the amount paid (zero means the contract would revert with NothingToClaim)
   */
  public TokenAmount claim(String holder, TokenAmount held, Instant at) {
    // as the contract: a claim pays against the streams accrued to now but does not accrue them
    // (no balance changed since the last accrual; the next accrual credits the whole time at once)
    BigInteger correction = correctionOf(holder);
    BigInteger amount = whole(pointsPerShareAt(at).multiply(balanceOf(holder)).add(correction));
    amount = amount.min(sameToken(held).baseUnits());
    if (amount.signum() > 0) {
      corrections.put(holder, correction.subtract(amount.multiply(MAGNITUDE)));
    }
    return TokenAmount.of(amount, token);
  }

  /**
   * A holder's share balance.
   *
   * @param holder the holder
   * @return share base units
   */
  public BigInteger balanceOf(String holder) {
    return balances.getOrDefault(holder, BigInteger.ZERO);
  }

  /**
   * Payout base units credited so far: deposits plus each opened stream in full.
   *
   * @return base units, at most {@link #MAX_CREDITED}
   */
  public BigInteger credited() {
    return credited;
  }

  /**
   * All shares.
   *
   * @return share base units
   */
  public BigInteger totalShares() {
    return totalShares;
  }

  private void move(@Nullable String from, @Nullable String to, BigInteger value, Instant at) {
    if (from != null && balanceOf(from).compareTo(value) < 0) {
      throw new ValidationException("shares", value, "must not exceed the balance " + balanceOf(from) + " of " + from);
    }
    if (from == null && totalShares.add(value).compareTo(MAX_SUPPLY) > 0) {
      throw new ValidationException("shares", value, "must not take the supply beyond " + MAX_SUPPLY);
    }
    accrue(at);
    BigInteger[] units = pointsPerShare.multiply(value).divideAndRemainder(CORRECTION_UNIT);
    BigInteger down = units[0].multiply(CORRECTION_UNIT);
    BigInteger up = units[1].signum() == 0 ? down : down.add(CORRECTION_UNIT);
    if (from == null) {
      totalShares = totalShares.add(value);
    } else {
      balances.put(from, balanceOf(from).subtract(value));
      corrections.put(from, correctionOf(from).add(down));
    }
    if (to == null) {
      totalShares = totalShares.subtract(value);
    } else {
      balances.put(to, balanceOf(to).add(value));
      corrections.put(to, correctionOf(to).subtract(up));
    }
  }

  /**
   * Accrues the open streams up to a time, as the contract's {@code accrue()} does (and as every
   * balance change and stream change does first; a deposit or a claim does not).
   *
   * @param at the block time
   */
  public void accrue(Instant at) {
    long now = at.getEpochSecond();
    BigInteger total = BigInteger.ZERO;
    if (occupied != 0 && lastAccrual != now) {
      int bits = occupied;
      for (int i = 0; i < MAX_STREAMS; i++) {
        if ((occupied & (1 << i)) == 0) {
          continue;
        }
        long from = Math.max(lastAccrual, start[i]);
        long to = Math.min(now, end[i]);
        if (to > from) {
          BigInteger amount = rates[i].multiply(BigInteger.valueOf(to - from));
          BigInteger take = amount.min(debit[i]);
          debit[i] = debit[i].subtract(take);
          total = total.add(amount.subtract(take));
        }
        if (now >= end[i]) {
          bits &= ~(1 << i);
        }
      }
      lastAccrual = now;
      occupied = bits;
    }
    if (total.signum() == 0 && carry.signum() == 0) {
      return;
    }
    if (totalShares.signum() == 0) {
      carry = carry.add(total);
      return;
    }
    BigInteger credit = total.add(carry);
    carry = BigInteger.ZERO;
    addPoints(credit);
  }

  private BigInteger pendingAt(long now) {
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < MAX_STREAMS; i++) {
      if ((occupied & (1 << i)) == 0) {
        continue;
      }
      long from = Math.max(lastAccrual, start[i]);
      long to = Math.min(now, end[i]);
      if (to > from) {
        BigInteger amount = rates[i].multiply(BigInteger.valueOf(to - from));
        total = total.add(amount.subtract(amount.min(debit[i])));
      }
    }
    return total;
  }

  private void addPoints(BigInteger received) {
    BigInteger[] step = increment(received, excess);
    pointsPerShare = pointsPerShare.add(step[0]);
    excess = step[1];
  }

  /** The points-per-share increment of a credit and the excess after it: {increment, excess}. */
  private BigInteger[] increment(BigInteger received, BigInteger excessBefore) {
    BigInteger[] qr = received.multiply(MAGNITUDE).divideAndRemainder(totalShares);
    BigInteger increment = qr[0];
    BigInteger remainder = qr[1];
    BigInteger after = excessBefore;
    if (remainder.signum() != 0) {
      BigInteger up = totalShares.subtract(remainder);
      if (excessBefore.add(up).compareTo(EXCESS_CAP) < 0) {
        increment = increment.add(BigInteger.ONE);
        after = excessBefore.add(up);
      } else {
        after = excessBefore.subtract(remainder);
      }
    }
    return new BigInteger[] {increment, after};
  }

  /** Whole base units of a point total; a negative total (rounding of a fresh holder) owes nothing. */
  private static BigInteger whole(BigInteger points) {
    return points.signum() > 0 ? points.divide(MAGNITUDE) : BigInteger.ZERO;
  }

  /** The credited total after {@code amount} more, refused beyond MAX_CREDITED. */
  private BigInteger credit(String field, BigInteger amount) {
    BigInteger after = credited.add(amount);
    if (after.compareTo(MAX_CREDITED) > 0) {
      throw new ValidationException(field, amount, "must not take the credited income beyond " + MAX_CREDITED);
    }
    return after;
  }

  private boolean holds(int slot, long leaseId) {
    return slot >= 0 && slot < MAX_STREAMS && (occupied & (1 << slot)) != 0 && leaseOf[slot] == leaseId;
  }

  private BigInteger correctionOf(String holder) {
    return corrections.getOrDefault(holder, BigInteger.ZERO);
  }

  private TokenAmount sameToken(TokenAmount amount) {
    if (!amount.token().equals(token)) {
      throw new ValidationException("amount", amount, "must be in the payout token " + token);
    }
    return amount;
  }

  private static BigInteger positive(String field, @Nullable BigInteger value) {
    if (value == null || value.signum() <= 0) {
      throw new ValidationException(field, value, "must be positive");
    }
    return value;
  }
}
