package org.computerwa.core.lease;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.time.Instant;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.asset.AssetStatus;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.immutables.value.Value;

/**
 * What a lessor offers a lessee: capacity of one asset for a time window at a streaming rate,
 * under service-level terms.
 *
 * <pre>{@code
 * LeaseTerms terms = LeaseTerms.builder()
 *     .assetId("gpu-node-001")
 *     .lessor(operator)
 *     .lessee(customer)
 *     .capacityUnits(8)
 *     .start(Instant.parse("2026-01-01T00:00:00Z"))
 *     .end(Instant.parse("2026-02-01T00:00:00Z"))
 *     .rate(Rate.of(BigInteger.valueOf(3_858), usdc))   // about 10 000 USDC per 30 days
 *     .token(usdc)
 *     .sla(sla)
 *     .build();
 * TokenAmount total = terms.totalRent();
 * }</pre>
 *
 * <p>Rules: the asset id is a valid identifier; lessor and lessee are different, non-zero
 * addresses; capacity units are positive; start and end are whole seconds (chains count time in
 * seconds) and {@code end} is after {@code start}, at most 100 years later; the rate is positive
 * and in {@code token}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLeaseTerms.class)
@JsonDeserialize(as = ImmutableLeaseTerms.class)
public abstract class LeaseTerms {
  private static final Duration MAX_TERM = Duration.ofDays(36_525);

  LeaseTerms() {}

  /**
   * The leased asset.
   *
   * @return the asset's id
   */
  public abstract String assetId();

  /**
   * Who leases the capacity out (the asset's operator).
   *
   * @return the lessor's address
   */
  public abstract Address lessor();

  /**
   * Who leases the capacity and pays.
   *
   * @return the lessee's address
   */
  public abstract Address lessee();

  /**
   * How much of the asset's capacity is leased, in the asset's units.
   *
   * @return a positive number of units
   */
  public abstract long capacityUnits();

  /**
   * When the lease starts and rent begins to accrue.
   *
   * @return the start, a whole second
   */
  public abstract Instant start();

  /**
   * When the lease ends and rent stops accruing.
   *
   * @return the end, a whole second after the start
   */
  public abstract Instant end();

  /**
   * The rent per second.
   *
   * @return the rate, in {@link #token()}
   */
  public abstract Rate rate();

  /**
   * The token rent is paid in.
   *
   * @return the token
   */
  public abstract Token token();

  /**
   * The service level.
   *
   * @return the SLA terms
   */
  public abstract SlaTerms sla();

  /**
   * The lease's length.
   *
   * @return {@code end - start}
   */
  public Duration term() {
    return Duration.between(start(), end());
  }

  /**
   * Rent over the whole term.
   *
   * @return {@code rate * seconds(end - start)}
   */
  public TokenAmount totalRent() {
    return rate().accrue(start(), end());
  }

  /**
   * Checks that these terms can be offered on {@code asset}: it is the asset named by
   * {@link #assetId()}, the lessor owns it, it has at least {@link #capacityUnits()} units and it
   * is not retired. (Whether other leases already hold some of its capacity is the chain's
   * business.)
   *
   * @param asset the asset to lease
   * @return these terms
   * @throws ValidationException naming {@code assetId}, {@code lessor}, {@code capacityUnits} or
   *     {@code asset.status}
   */
  public LeaseTerms requireFits(ComputeAsset asset) {
    if (!asset.id().equals(assetId())) {
      throw new ValidationException("assetId", assetId(), "must be the id of the leased asset (" + asset.id() + ")");
    }
    if (!asset.owner().equals(lessor())) {
      throw new ValidationException("lessor", lessor(), "must be the asset's owner (" + asset.owner() + ")");
    }
    if (capacityUnits() > asset.capacityUnits()) {
      throw new ValidationException("capacityUnits", capacityUnits(),
          "must be at most the asset's capacity (" + asset.capacityUnits() + ")");
    }
    if (asset.status() == AssetStatus.RETIRED) {
      throw new ValidationException("asset.status", asset.status(), "must not be RETIRED to be leased");
    }
    return this;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.id("assetId", assetId());
    Checks.nonZero("lessor", lessor());
    Checks.nonZero("lessee", lessee());
    if (lessee().equals(lessor())) {
      throw new ValidationException("lessee", lessee(), "must differ from the lessor");
    }
    if (capacityUnits() < 1) {
      throw new ValidationException("capacityUnits", capacityUnits(), "must be at least 1");
    }
    wholeSecond("start", start());
    wholeSecond("end", end());
    if (!end().isAfter(start())) {
      throw new ValidationException("end", end(), "must be after start (" + start() + ")");
    }
    if (term().compareTo(MAX_TERM) > 0) {
      throw new ValidationException("end", end(), "must be at most 100 years after start (" + start() + ")");
    }
    if (!rate().token().equals(token())) {
      throw new MixedTokenException("rate.token", token(), rate().token());
    }
    if (rate().isZero()) {
      throw new ValidationException("rate.baseUnitsPerSecond", "0", "must be positive");
    }
  }

  private static void wholeSecond(String field, Instant instant) {
    if (instant.getNano() != 0) {
      throw new ValidationException(field, instant, "must be a whole second (chains count time in seconds)");
    }
  }

  /**
   * Builds {@link LeaseTerms}: one setter per attribute, named after it, each returning
   * this builder; {@code from(LeaseTerms)} copies an existing value; {@code build()} checks every
   * rule and throws {@link org.computerwa.core.ValidationException} naming the field.
   */
  public static final class Builder extends ImmutableLeaseTerms.Builder {
    Builder() {}
  }
}
