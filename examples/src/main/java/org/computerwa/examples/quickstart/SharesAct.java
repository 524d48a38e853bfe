package org.computerwa.examples.quickstart;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Outcome;
import org.computerwa.chain.client.Receipt;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.revenue.DistributorModel;

/**
 * Step 2: the platform verifies two holders and issues the GPU node's shares to them as plain
 * counts (700 and 300 whole shares); a transfer to a holder nobody verified is refused before
 * anything is sent.
 */
final class SharesAct implements Act {
  @Override
  public String title() {
    return "Issue 700 : 300 shares to verified holders; an unverified transfer is refused";
  }

  @Override
  public void play(Story s) {
    Report r = s.report;
    Cast c = s.cast();
    AssetId asset = s.gpuAsset();
    ComputeRwaClient platform = c.platform;
    // tag::issue[]
    Receipt verified = platform.assets().verifyHolders(List.of(c.alice.address(), c.bob.address()));
    Map<Address, BigInteger> shares = new LinkedHashMap<>();
    shares.put(c.alice.address(), Story.ALICE_SHARES);   // 700 shares of 18 decimals
    shares.put(c.bob.address(), Story.BOB_SHARES);       // 300 shares
    Outcome<BigInteger> issued = platform.assets().issueShares(asset, shares);   // the whole, fixed supply
    // end::issue[]
    r.receipt(verified);
    r.receipts(issued);
    // sdk-core's replay of the distributor starts from the same holdings at the same second.
    DistributorModel model = DistributorModel.create(c.platform.payments().token());
    model.mint("alice", Story.ALICE_SHARES, c.platform.chainTime());
    model.mint("bob", Story.BOB_SHARES, c.platform.chainTime());
    s.distributor = model;
    r.say("alice " + whole(Story.ALICE_SHARES) + " shares, bob " + whole(Story.BOB_SHARES) + " shares");
    r.figure("totalShares", issued.value());
    r.check("total shares", issued.value(), Story.ALICE_SHARES.add(Story.BOB_SHARES));
    r.check("alice's shares", c.platform.assets().sharesOf(asset, c.alice.address()), Story.ALICE_SHARES);

    Address carol = c.carol.address();
    BigInteger one = BigInteger.TEN.pow(18);
    ComputeRwaClient alice = c.alice;
    String refusal;
    // tag::refused[]
    try {
      alice.assets().transferShares(asset, carol, one);
      refusal = "sent";
    } catch (ChainException e) {       // simulated first: refused before anything is sent
      refusal = e.errorName().orElse(e.kind().name());   // "NotVerified"
    }
    // end::refused[]
    r.say("expected refusal: alice -> carol (never verified) 1 share: " + refusal + "; nothing was sent");
    r.figure("unverifiedTransfer", refusal);
    r.check("unverified transfer refused", refusal, "NotVerified");
    r.check("carol holds no shares", c.platform.assets().sharesOf(asset, carol), BigInteger.ZERO);
  }

  static String whole(BigInteger shareUnits) {
    return shareUnits.divide(BigInteger.TEN.pow(18)).toString();
  }
}
