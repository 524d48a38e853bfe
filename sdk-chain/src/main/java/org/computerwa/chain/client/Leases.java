package org.computerwa.chain.client;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.computerwa.chain.client.internal.Rpc;
import org.computerwa.chain.internal.contracts.LeaseManager;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.Eip712Struct;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.lease.LeaseStatus;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.revenue.Waterfall;
import org.jspecify.annotations.Nullable;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.tuples.generated.Tuple7;

/**
 * Leases of asset capacity: offer, accept with an EIP-2612 permit, settle, terminate, withdraw.
 *
 * <pre>{@code
 * // the asset owner
 * LeaseId id = operator.leases().offer(assetId, terms, Duration.ofHours(6)).value();
 * // the lessee, with its own client: escrows rate * term through a permit, no approval needed
 * Lease lease = lessee.leases().acceptWithPermit(id).value();
 * // anyone, any time: pays out what accrued (after the settlement lag) through the waterfall
 * Settlement s = operator.leases().settle(id).value();
 * Runway r = operator.leases().runway(id);
 * }</pre>
 *
 * <p><b>How {@link LeaseTerms} map on-chain.</b> The asset is the {@link AssetId} argument ({@code
 * terms.assetId()} is the off-chain id and is not checked); {@code capacityUnits}, {@code rate},
 * {@code lessee} map one to one; the lease runs for {@code terms.term()} from the moment the
 * lessee accepts, and the offer can be accepted until {@code terms.start()}. The lease manager
 * refunds every second of proven downtime beyond the grace period, without a cap, so the SLA must
 * say exactly that: {@code minAvailabilityBps} 10 000, {@code creditBps} 10 000 (a refund at the
 * lease rate), {@code maxBps} 10 000.
 *
 * @since 0.1.0
 */
public final class Leases {
  private static final BigInteger UINT96_MAX = BigInteger.ONE.shiftLeft(96).subtract(BigInteger.ONE);
  private static final long UINT32_MAX = 0xFFFF_FFFFL;
  private static final String PERMIT =
      "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)";
  private static final Duration PERMIT_VALIDITY = Duration.ofHours(1);

  private final ComputeRwaClient client;
  private final Rpc rpc;

  Leases(ComputeRwaClient client) {
    this.client = client;
    this.rpc = client.rpc();
  }

  /**
   * Offers capacity of an asset with no settlement lag (income is paid out as soon as it
   * accrues, so SLA credits can only be applied to time not yet settled).
   *
   * @param asset the asset, owned by this client's signer
   * @param terms the terms; see the class description for how they map
   * @return the new lease id
   * @throws ValidationException for terms the lease manager cannot represent, naming the field
   * @throws ChainException REVERTED with {@code Unauthorized} if the signer does not own the
   *     asset, {@code CapacityExceeded} if the units are not free
   */
  public Outcome<LeaseId> offer(AssetId asset, LeaseTerms terms) {
    return offer(asset, terms, Duration.ZERO);
  }

  /**
   * Offers capacity of an asset without named evidence (the lease has no SLA credits) and with
   * the lessee committed to the whole term.
   *
   * @param asset the asset, owned by this client's signer
   * @param terms the terms; see the class description for how they map
   * @param settlementLag how long income waits before it is paid out: the window in which SLA
   *     credits can still be applied; whole seconds, 0 to 2^32 - 1
   * @return the new lease id
   * @throws ValidationException for terms the lease manager cannot represent, naming the field
   * @throws ChainException REVERTED with {@code Unauthorized} if the signer does not own the
   *     asset, {@code CapacityExceeded} if the units are not free
   */
  public Outcome<LeaseId> offer(AssetId asset, LeaseTerms terms, Duration settlementLag) {
    return offer(asset, validate(asset, terms, settlementLag, terms.term(), Address.ZERO), terms);
  }

  /**
   * Offers capacity of an asset with its evidence named: the lease's SLA credits are proven only
   * against roots anchored by {@code attester} (authorised for the asset by its owner now), and a
   * second that key has not covered with an anchored root once the settlement lag has passed is
   * refunded to the lessee as downtime. The lessee commits to {@code minimumTerm}: its own early
   * termination takes effect no earlier than that after acceptance.
   *
   * @param asset the asset, owned by this client's signer
   * @param terms the terms; see the class description for how they map
   * @param settlementLag how long income waits before it is paid out: the window in which the
   *     attester anchors and SLA credits can still be applied; whole seconds, 0 to 2^32 - 1
   * @param minimumTerm the lessee's commitment, whole seconds, 0 to {@code terms.term()}
   * @param attester the attester key of the lease's evidence, or {@link Address#ZERO} for a lease
   *     without evidence (no SLA credits, no missing-evidence refunds)
   * @return the new lease id
   * @throws ValidationException for terms the lease manager cannot represent, naming the field
   * @throws ChainException REVERTED with {@code AttesterNotAuthorized} if the owner has not
   *     authorised the attester, {@code Unauthorized} if the signer does not own the asset, {@code
   *     CapacityExceeded} if the units are not free
   */
  public Outcome<LeaseId> offer(
      AssetId asset, LeaseTerms terms, Duration settlementLag, Duration minimumTerm, Address attester) {
    return offer(asset, validate(asset, terms, settlementLag, minimumTerm, attester), terms);
  }

  private Outcome<LeaseId> offer(AssetId asset, LeaseManager.OfferTerms onChain, LeaseTerms terms) {
    Rpc.Sent sent =
        rpc.send(
            "offer " + terms.capacityUnits() + " units of asset " + asset,
            leaseManagerAddress(),
            manager().offer(onChain).encodeFunctionCall());
    LeaseId id = LeaseId.of(LeaseManager.getLeaseOfferedEvents(sent.raw()).get(0).leaseId);
    return Outcome.of(id, List.of(sent.receipt()));
  }

  private LeaseManager.OfferTerms validate(
      AssetId asset, LeaseTerms terms, Duration settlementLag, Duration minimumTerm, Address attester) {
    if (minimumTerm.isNegative() || minimumTerm.getNano() != 0 || minimumTerm.compareTo(terms.term()) > 0) {
      throw new ValidationException(
          "minimumTerm", minimumTerm, "must be whole seconds from 0 to the lease term " + terms.term());
    }
    Address signer = client.address();
    if (!terms.lessor().equals(signer)) {
      throw new ValidationException(
          "terms.lessor", terms.lessor(), "must be this client's signer " + signer + " (the asset owner offers)");
    }
    if (!terms.token().equals(client.token())) {
      throw new ValidationException(
          "terms.token", terms.token(), "must be the lease manager's payment token " + client.token());
    }
    SlaTerms sla = terms.sla();
    String exact = "the lease manager refunds every second of downtime beyond the grace period, uncapped";
    if (sla.minAvailabilityBps() != 10_000) {
      throw new ValidationException("terms.sla.minAvailabilityBps", sla.minAvailabilityBps(), "must be 10000: " + exact);
    }
    if (sla.credit().creditBps() != 10_000) {
      throw new ValidationException("terms.sla.credit.creditBps", sla.credit().creditBps(), "must be 10000: " + exact);
    }
    if (sla.credit().maxBps() != 10_000) {
      throw new ValidationException("terms.sla.credit.maxBps", sla.credit().maxBps(), "must be 10000: " + exact);
    }
    if (sla.gracePeriod().getNano() != 0) {
      throw new ValidationException("terms.sla.gracePeriod", sla.gracePeriod(), "must be whole seconds");
    }
    if (settlementLag.isNegative() || settlementLag.getNano() != 0 || settlementLag.getSeconds() > UINT32_MAX) {
      throw new ValidationException("settlementLag", settlementLag, "must be whole seconds from 0 to 2^32 - 1");
    }
    BigInteger rate = terms.rate().baseUnitsPerSecond();
    if (rate.compareTo(UINT96_MAX) > 0) {
      throw new ValidationException("terms.rate.baseUnitsPerSecond", rate, "must fit in 96 bits");
    }
    if (terms.totalRent().baseUnits().compareTo(UINT96_MAX) > 0) {
      throw new ValidationException(
          "terms.end", terms.end(), "must keep the total rent (" + terms.totalRent() + ") within 96 bits");
    }
    Instant now = client.chainTime();
    if (terms.start().isBefore(now)) {
      throw new ValidationException(
          "terms.start", terms.start(),
          "must not be before the chain time " + now + " (it is the last moment the offer can be accepted)");
    }
    return new LeaseManager.OfferTerms(
        asset.value(),
        BigInteger.valueOf(terms.capacityUnits()),
        rate,
        BigInteger.valueOf(terms.term().getSeconds()),
        BigInteger.valueOf(terms.start().getEpochSecond()),
        BigInteger.valueOf(sla.gracePeriod().getSeconds()),
        BigInteger.valueOf(settlementLag.getSeconds()),
        terms.lessee().toHex(),
        BigInteger.valueOf(minimumTerm.getSeconds()),
        attester.toHex());
  }

  /**
   * Withdraws an offer nobody has accepted; the lessor or the asset's current owner. Its units
   * are free again at once.
   *
   * @param id the offer
   * @return the receipt
   * @throws ChainException REVERTED with {@code WrongStatus} if it is not an open offer, {@code
   *     Unauthorized} for anyone else
   */
  public Receipt cancelOffer(LeaseId id) {
    return rpc.send("cancel offer " + id, leaseManagerAddress(), manager().cancelOffer(id.value()).encodeFunctionCall())
        .receipt();
  }

  /**
   * Accepts an offer as this client's signer, escrowing its full price with an EIP-2612 permit
   * signed here (valid for one hour of chain time), in one transaction and without a prior
   * approval.
   *
   * @param id the offer
   * @return the lease as accepted
   * @throws ChainException REVERTED with {@code WrongStatus} if not an open offer, {@code
   *     OfferExpired} after its deadline, {@code Unauthorized} if reserved for another lessee,
   *     {@code ERC20InsufficientBalance} if the signer cannot pay
   */
  public Outcome<Lease> acceptWithPermit(LeaseId id) {
    LeaseManager.Lease offer = raw(id);
    BigInteger price = offer.ratePerSecond.multiply(offer.duration);
    String token = client.deployment().paymentToken().toHex();
    TestStablecoin erc20 = TestStablecoin.load(token, rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
    Tuple7<byte[], String, String, BigInteger, String, byte[], List<BigInteger>> d =
        rpc.view("read the payment token's EIP-712 domain", token, erc20.eip712Domain());
    BigInteger nonce = rpc.view("read the permit nonce", token, erc20.nonces(rpc.from()));
    long deadline = client.chainTime().plus(PERMIT_VALIDITY).getEpochSecond();
    Eip712Domain domain =
        Eip712Domain.of(d.component2(), d.component3(), rpc.chainId(),
            Address.fromHex(d.component5()));
    Bytes32 permit =
        Eip712Struct.of(PERMIT)
            .address(Address.fromHex(rpc.from()))
            .address(Address.fromHex(leaseManagerAddress()))
            .uint(price)
            .uint(nonce)
            .uint(deadline)
            .hash();
    Signature sig = rpc.signer().sign(domain.digest(permit));
    Rpc.Sent sent =
        rpc.send(
            "accept lease " + id + " with a permit for " + TokenAmount.of(price, client.token()),
            leaseManagerAddress(),
            manager()
                .acceptWithPermit(
                    id.value(),
                    BigInteger.valueOf(deadline),
                    BigInteger.valueOf(sig.v()),
                    Bytes32.fromUint(sig.r()).toBytes(),
                    Bytes32.fromUint(sig.s()).toBytes())
                .encodeFunctionCall());
    return Outcome.of(lease(id), List.of(sent.receipt()));
  }

  /**
   * Pays out what has accrued and is older than the settlement lag; anyone may call it.
   *
   * @param id a running lease
   * @return what was paid out and where it went (all zero when nothing was due)
   * @throws ChainException REVERTED with {@code WrongStatus} if the lease is not running
   */
  public Outcome<Settlement> settle(LeaseId id) {
    Rpc.Sent sent = rpc.send("settle lease " + id, leaseManagerAddress(), manager().settle(id.value()).encodeFunctionCall());
    return Outcome.of(settlement(id, sent), List.of(sent.receipt()));
  }

  /**
   * Settles every running lease among {@code ids} in one transaction and skips the others (a
   * keeper's batch: closed, unknown or not yet accepted leases cost a storage read each, nothing
   * more).
   *
   * @param ids 1 to 100 leases
   * @return how many were running and settled, with the receipt
   * @throws ValidationException (field {@code ids}) for an empty or too long list
   */
  public Outcome<Integer> settleDue(List<LeaseId> ids) {
    if (ids.isEmpty() || ids.size() > 100) {
      throw new ValidationException("ids", ids.size() + " leases", "must name 1 to 100 leases");
    }
    List<BigInteger> raw = new java.util.ArrayList<>();
    ids.forEach(i -> raw.add(i.value()));
    Rpc.Sent sent =
        rpc.send("settle " + ids.size() + " lease(s) that are due", leaseManagerAddress(),
            manager().settleDue(raw).encodeFunctionCall());
    int settled = LeaseManager.getLeaseSettledEvents(sent.raw()).size();
    return Outcome.of(settled, List.of(sent.receipt()));
  }

  Settlement settlement(LeaseId id, Rpc.Sent sent) {
    TokenAmount zero = TokenAmount.zero(client.token());
    List<LeaseManager.LeaseSettledEventResponse> settled = LeaseManager.getLeaseSettledEvents(sent.raw());
    if (settled.isEmpty()) {
      Lease now = lease(id);
      return new Settlement(now.paidUntil().orElse(Instant.EPOCH), zero, zero, zero, zero, zero);
    }
    LeaseManager.LeaseSettledEventResponse s = settled.get(0);
    List<LeaseManager.IncomeDistributedEventResponse> income = LeaseManager.getIncomeDistributedEvents(sent.raw());
    TokenAmount fee = zero;
    TokenAmount lender = zero;
    TokenAmount holders = zero;
    if (!income.isEmpty()) {
      fee = amount(income.get(0).operatorFee);
      lender = amount(income.get(0).toLender);
      holders = amount(income.get(0).toHolders);
    }
    return new Settlement(
        Instant.ofEpochSecond(s.paidUntil.longValueExact()), amount(s.gross), amount(s.net), fee, lender, holders);
  }

  /**
   * Ends a running lease early; the asset owner ends it now, the lessee now or, within its
   * minimum term, at the end of the minimum term. The unused time is refunded to the lessee
   * (withdrawable from the lease manager), less the holders' part of cut-off time that the
   * holders' stream had already given back for missing evidence, and what accrued keeps settling
   * after the lag.
   *
   * @param id a running lease
   * @return the refund
   * @throws ChainException REVERTED with {@code Unauthorized} for anyone else, {@code LeaseEnded}
   *     after its end or when the lessee's minimum term runs to the end anyway
   */
  public Outcome<TokenAmount> terminate(LeaseId id) {
    Rpc.Sent sent =
        rpc.send("terminate lease " + id, leaseManagerAddress(), manager().terminate(id.value()).encodeFunctionCall());
    BigInteger refund = LeaseManager.getLeaseTerminatedEvents(sent.raw()).get(0).refund;
    return Outcome.of(amount(refund), List.of(sent.receipt()));
  }

  /**
   * A lease as the lease manager holds it now.
   *
   * @param id the lease
   * @return the lease
   * @throws ValidationException (field {@code leaseId}) if no such lease exists
   */
  public Lease lease(LeaseId id) {
    LeaseManager.Lease l = raw(id);
    int code = l.status.intValueExact();
    boolean accepted = code == 2 || code == 3;
    Instant start = accepted ? Instant.ofEpochSecond(l.start.longValueExact()) : null;
    Instant end = accepted ? Instant.ofEpochSecond(l.end.longValueExact()) : null;
    LeaseStatus status;
    switch (code) {
      case 1:
        status = LeaseStatus.OFFERED;
        break;
      case 2:
        status = LeaseStatus.ACTIVE;
        break;
      case 3:
        status = l.end.subtract(l.start).equals(l.duration) ? LeaseStatus.EXPIRED : LeaseStatus.TERMINATED;
        break;
      default:
        status = LeaseStatus.TERMINATED;
    }
    return new Lease(
        id,
        AssetId.of(l.assetId),
        status,
        Address.fromHex(l.lessor),
        Address.fromHex(l.lessee),
        l.units.longValueExact(),
        Rate.of(l.ratePerSecond, client.token()),
        Duration.ofSeconds(l.duration.longValueExact()),
        Instant.ofEpochSecond(l.acceptBy.longValueExact()),
        start,
        end,
        accepted ? Instant.ofEpochSecond(l.paidUntil.longValueExact()) : null,
        amount(l.escrow),
        amount(l.creditedSeconds.multiply(l.ratePerSecond)),
        Duration.ofSeconds(l.graceSeconds.longValueExact()),
        Duration.ofSeconds(l.settlementLag.longValueExact()));
  }

  private LeaseManager.Lease raw(LeaseId id) {
    LeaseManager.Lease l = rpc.view("read lease " + id, leaseManagerAddress(), manager().leaseOf(id.value()));
    if (l.status.signum() == 0) {
      throw new ValidationException("leaseId", id, "must name a lease offered in this lease manager");
    }
    return l;
  }

  /**
   * Time left and escrow held, at the latest block.
   *
   * @param id the lease
   * @return the runway (zero for a lease that is not running)
   */
  public Runway runway(LeaseId id) {
    Tuple2<BigInteger, BigInteger> r = rpc.view("read runway of lease " + id, leaseManagerAddress(), manager().runway(id.value()));
    return new Runway(Duration.ofSeconds(r.component1().longValueExact()), amount(r.component2()));
  }

  /**
   * Rent accrued up to the latest block and not yet paid out (before SLA credits).
   *
   * @param id the lease
   * @return the accrued rent
   */
  public TokenAmount accrued(LeaseId id) {
    return amount(rpc.view("read accrued rent of lease " + id, leaseManagerAddress(), manager().accrued(id.value())));
  }

  /**
   * What an account can withdraw from the lease manager: operator fees, refunds, SLA credits.
   *
   * @param account the account
   * @return the withdrawable balance
   */
  public TokenAmount withdrawable(Address account) {
    return amount(
        rpc.view("read withdrawable of " + account, leaseManagerAddress(), manager().withdrawable(account.toHex())));
  }

  /**
   * Withdraws this client's balance from the lease manager to its wallet.
   *
   * @return the amount withdrawn
   * @throws ChainException REVERTED with {@code NothingToWithdraw} for a zero balance
   */
  public Outcome<TokenAmount> withdraw() {
    Rpc.Sent sent = rpc.send("withdraw from the lease manager", leaseManagerAddress(), manager().withdraw().encodeFunctionCall());
    return Outcome.of(amount(LeaseManager.getWithdrawnEvents(sent.raw()).get(0).amount), List.of(sent.receipt()));
  }

  /**
   * The waterfall the lease manager applies to income (the operator fee; a pledge lender's part
   * depends on the pledge and is not included), as an sdk-core {@link Waterfall}.
   *
   * @return the waterfall
   */
  public Waterfall waterfall() {
    int bps = rpc.view("read the operator fee", leaseManagerAddress(), manager().operatorFeeBps()).intValueExact();
    return Waterfall.builder().operatorFeeBps(bps).build();
  }

  TokenAmount amount(@Nullable BigInteger baseUnits) {
    return TokenAmount.of(baseUnits == null ? BigInteger.ZERO : baseUnits, client.token());
  }

  private String leaseManagerAddress() {
    return client.deployment().leaseManager().toHex();
  }

  LeaseManager manager() {
    return LeaseManager.load(leaseManagerAddress(), rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
  }
}
