package org.computerwa.chain.client;

import java.math.BigInteger;
import java.util.List;
import org.computerwa.chain.client.internal.Rpc;
import org.computerwa.chain.internal.contracts.RevenueDistributor;
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
 * <p>Income is split pro rata to the shares held when it was deposited; claims pay whole base
 * units, and a fraction below one base unit stays with the holder for a later claim.
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
    BigInteger paid = RevenueDistributor.getClaimedEvents(sent.raw()).get(0).amount;
    return Outcome.of(TokenAmount.of(paid, client.token()), List.of(sent.receipt()));
  }

  private RevenueDistributor distributor(String address) {
    return RevenueDistributor.load(address, rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
  }
}
