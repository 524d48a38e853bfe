package org.computerwa.chain.client;

import java.math.BigInteger;
import java.util.List;
import org.computerwa.chain.client.internal.Rpc;
import org.computerwa.chain.internal.contracts.AssetShareToken;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.money.TokenAmount;

/**
 * Holders' lease income: what each can claim from an asset's revenue distributor, and the claim.
 *
 * <pre>{@code
 * TokenAmount due = alice.revenue().claimable(assetId, alice.address());
 * TokenAmount paid = alice.revenue().claim(assetId).value();   // == due
 * }</pre>
 *
 * <p>Lease income streams to holders by time: each second of rent (past the lease's settlement
 * lag) is split pro rata to the shares held at that second, so when anyone settles has no
 * influence on who earns it. Deposits are split over the shares held when they arrive. Claims pay
 * whole base units (up to the tokens the distributor holds; settlement brings the rest), and a
 * fraction below one base unit stays with the holder for a later claim. sdk-core's {@code
 * DistributorModel} reproduces every figure exactly.
 *
 * @since 0.1.0
 */
public final class Revenue {
  private final ComputeRwaClient client;
  private final Rpc rpc;

  Revenue(ComputeRwaClient client) {
    this.client = client;
    this.rpc = client.rpc();
  }

  /**
   * What a holder could claim now.
   *
   * @param asset the asset
   * @param holder the holder
   * @return the claimable income, in the payment token
   */
  public TokenAmount claimable(AssetId asset, Address holder) {
    String distributor = client.assets().distributorAddress(asset);
    BigInteger units =
        rpc.view("read claimable income of " + holder, distributor, distributor(distributor).withdrawableOf(holder.toHex()));
    return TokenAmount.of(units, client.token());
  }

  /**
   * Claims this client's income from an asset into its wallet.
   *
   * @param asset the asset
   * @return the amount paid
   * @throws ChainException REVERTED with {@code NothingToClaim} below one base unit
   */
  public Outcome<TokenAmount> claim(AssetId asset) {
    String distributor = client.assets().distributorAddress(asset);
    Rpc.Sent sent =
        rpc.send("claim income of asset " + asset, distributor, distributor(distributor).claim().encodeFunctionCall());
    BigInteger paid = AssetShareToken.getClaimedEvents(sent.raw()).get(0).amount;
    return Outcome.of(TokenAmount.of(paid, client.token()), List.of(sent.receipt()));
  }

  /**
   * Deposits income for an asset's holders from this client's wallet (beyond lease income, which
   * streams in by itself): an approval of the distributor, then the deposit (two transactions).
   * It is split over the shares held at the moment of the deposit.
   *
   * @param asset the asset
   * @param amount positive, in the payment token
   * @return the amount deposited, with both receipts (the deposit's last)
   * @throws ValidationException (field {@code amount}) if not positive or in another token
   * @throws ChainException REVERTED with {@code NoShares} while no share exists
   */
  public Outcome<TokenAmount> deposit(AssetId asset, TokenAmount amount) {
    if (!amount.token().equals(client.token()) || amount.isZero()) {
      throw new ValidationException("amount", amount, "must be positive and in the payment token " + client.token());
    }
    String distributor = client.assets().distributorAddress(asset);
    String token = client.deployment().paymentToken().toHex();
    org.computerwa.chain.internal.contracts.TestStablecoin erc20 =
        org.computerwa.chain.internal.contracts.TestStablecoin.load(token, rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
    Receipt approved =
        rpc.send("approve the distributor of asset " + asset, token,
            erc20.approve(distributor, amount.baseUnits()).encodeFunctionCall()).receipt();
    Rpc.Sent sent =
        rpc.send("deposit " + amount + " for the holders of asset " + asset, distributor,
            distributor(distributor).deposit(amount.baseUnits()).encodeFunctionCall());
    BigInteger received = AssetShareToken.getDepositedEvents(sent.raw()).get(0).received;
    return Outcome.of(TokenAmount.of(received, client.token()), List.of(approved, sent.receipt()));
  }

  private AssetShareToken distributor(String address) {
    return AssetShareToken.load(address, rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
  }
}
