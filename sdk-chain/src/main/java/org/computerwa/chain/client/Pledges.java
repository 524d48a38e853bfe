package org.computerwa.chain.client;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.computerwa.chain.client.internal.Rpc;
import org.computerwa.chain.internal.contracts.PledgeRegistry;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.money.TokenAmount;

/**
 * Pledges of an asset owner's lease income to a lender.
 *
 * <pre>{@code
 * operator.pledges().propose(assetId, lenderAddress, debt, dueBy);   // the asset owner
 * lender.pledges().accept(assetId, debt, dueBy);                      // exactly these terms
 * operator.pledges().repay(assetId, part);                            // anyone may repay
 * lender.pledges().declareDefault(assetId);                           // only after dueBy
 * lender.pledges().release(assetId);                                  // the lender ends it
 * }</pre>
 *
 * <p>What is pledged is the owner's side of the asset's lease income (the operator fee fixed in
 * each offer), never the share holders' part. In default the lease manager pays the owner's side
 * to the lender until the debt is repaid. Acceptance names the terms, so a proposal replaced
 * between the lender's reading and its acceptance is refused ({@code TermsMismatch}); default is
 * objective, declared only after the repayment deadline with debt left ({@code NotYetDue}).
 *
 * @since 0.1.0
 */
public final class Pledges {
  private static final long UINT40_MAX = (1L << 40) - 1;
  private static final BigInteger UINT128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private final ComputeRwaClient client;
  private final Rpc rpc;

  Pledges(ComputeRwaClient client) {
    this.client = client;
    this.rpc = client.rpc();
  }

  /**
   * Proposes a pledge of the asset's owner side of income; the asset owner only, one at a time.
   *
   * @param asset the asset, owned by this client's signer
   * @param lender the lender, not zero and not the signer
   * @param debt the debt, positive, in the payment token, below 2^128 base units
   * @param dueBy the repayment deadline, after the chain time
   * @return the receipt
   * @throws ValidationException for a zero lender, a debt out of range or a past deadline
   * @throws ChainException REVERTED with {@code NotAssetOwner} or {@code AlreadyPledged}
   */
  public Receipt propose(AssetId asset, Address lender, TokenAmount debt, Instant dueBy) {
    Assets.nonZero("lender", lender);
    BigInteger units = debt(debt);
    Instant now = client.chainTime();
    if (!dueBy.isAfter(now) || dueBy.getEpochSecond() > UINT40_MAX) {
      throw new ValidationException("dueBy", dueBy, "must be after the chain time " + now + " and fit in 40 bits");
    }
    return rpc.send(
            "propose a pledge of asset " + asset + " to " + lender,
            registryHex(),
            registry().pledge(asset.value(), lender.toHex(), units, BigInteger.valueOf(dueBy.getEpochSecond()))
                .encodeFunctionCall())
        .receipt();
  }

  /**
   * Accepts the proposed pledge if its terms are exactly these and the owner that proposed it
   * still owns the asset; the named lender only.
   *
   * @param asset the asset
   * @param debt the debt the lender agreed to
   * @param dueBy the deadline the lender agreed to
   * @return the receipt
   * @throws ChainException REVERTED with {@code TermsMismatch} if the proposal differs, {@code
   *     ProposerNotOwner} if the asset changed hands since the proposal, {@code NotLender} for
   *     anyone else
   */
  public Receipt accept(AssetId asset, TokenAmount debt, Instant dueBy) {
    return rpc.send(
            "accept the pledge of asset " + asset,
            registryHex(),
            registry().acceptPledge(asset.value(), debt(debt), BigInteger.valueOf(dueBy.getEpochSecond()))
                .encodeFunctionCall())
        .receipt();
  }

  /**
   * Repays part of the debt from this client's wallet to the lender: an approval of the pledge
   * registry for the amount, then the repayment (two transactions).
   *
   * @param asset the asset
   * @param amount positive, at most the debt
   * @return the remaining debt, with both receipts
   * @throws ChainException REVERTED with {@code InvalidPledge} beyond the debt, {@code
   *     WrongPledgeState} before acceptance
   */
  public Outcome<TokenAmount> repay(AssetId asset, TokenAmount amount) {
    BigInteger units = debt(amount);
    String token = client.deployment().paymentToken().toHex();
    TestStablecoin erc20 = TestStablecoin.load(token, rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
    Receipt approved =
        rpc.send("approve the pledge registry for " + amount, token, erc20.approve(registryHex(), units).encodeFunctionCall())
            .receipt();
    Rpc.Sent repaid =
        rpc.send("repay " + amount + " of the pledge of asset " + asset, registryHex(),
            registry().repay(asset.value(), units).encodeFunctionCall());
    BigInteger remaining = PledgeRegistry.getRepaidEvents(repaid.raw()).get(0).remainingDebt;
    return Outcome.of(TokenAmount.of(remaining, client.token()), List.of(approved, repaid.receipt()));
  }

  /**
   * Declares default; the lender only, after the deadline with debt left.
   *
   * @param asset the asset
   * @return the receipt
   * @throws ChainException REVERTED with {@code NotYetDue} before the deadline
   */
  public Receipt declareDefault(AssetId asset) {
    return rpc.send("declare default on the pledge of asset " + asset, registryHex(),
            registry().declareDefault(asset.value()).encodeFunctionCall())
        .receipt();
  }

  /**
   * Releases the pledge whatever the debt; the lender only.
   *
   * @param asset the asset
   * @return the receipt
   */
  public Receipt release(AssetId asset) {
    return rpc.send("release the pledge of asset " + asset, registryHex(),
            registry().release(asset.value()).encodeFunctionCall())
        .receipt();
  }

  /**
   * The pledge of an asset.
   *
   * @param asset the asset
   * @return the pledge, empty when the asset is not pledged
   */
  public Optional<Pledge> pledgeOf(AssetId asset) {
    PledgeRegistry.Pledge p = rpc.view("read the pledge of asset " + asset, registryHex(), registry().pledgeOf(asset.value()));
    Address lender = Address.fromHex(p.lender);
    if (lender.equals(Address.ZERO)) {
      return Optional.empty();
    }
    return Optional.of(new Pledge(asset, lender, TokenAmount.of(p.debt, client.token()),
        Instant.ofEpochSecond(p.dueBy.longValueExact()), p.accepted, p.defaulted));
  }

  private BigInteger debt(TokenAmount amount) {
    if (!amount.token().equals(client.token())) {
      throw new ValidationException("debt", amount, "must be in the payment token " + client.token());
    }
    BigInteger units = amount.baseUnits();
    if (units.signum() <= 0 || units.compareTo(UINT128_MAX) > 0) {
      throw new ValidationException("debt", amount, "must be positive and below 2^128 base units");
    }
    return units;
  }

  private String registryHex() {
    return client.deployment().pledgeRegistry().toHex();
  }

  private PledgeRegistry registry() {
    return PledgeRegistry.load(registryHex(), rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
  }
}
