package org.computerwa.examples.chain;

import static org.computerwa.chain.internal.ShareStack.call;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.ShareStack;
import org.computerwa.chain.internal.contracts.AssetShareToken;
import org.computerwa.chain.internal.contracts.ComplianceRegistry;
import org.computerwa.chain.internal.contracts.ComputeAssetRegistry;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Registration, compliance, share transfers, revenue deposits and claims, with transfers,
 * deposits and claims measured at each holder count.
 *
 * <pre>{@code
 * new ShareGasScenario().measure(bench);
 * }</pre>
 */
public final class ShareGasScenario implements GasScenario {
  /** Target for a share transfer to an existing holder (compliance check, distributor checkpoint). */
  public static final long TRANSFER_TARGET = 60_000;

  /** Target for a share transfer to a first-time holder (two fresh storage slots). */
  public static final long TRANSFER_NEW_TARGET = 80_000;

  /** Target for a revenue deposit (distribution). */
  public static final long DEPOSIT_TARGET = 60_000;

  /** Target for a claim. */
  public static final long CLAIM_TARGET = 60_000;

  private static final BigInteger SHARE = BigInteger.TEN.pow(18);
  private static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  @Override
  public String name() {
    return "shares";
  }

  @Override
  public void measure(GasBench bench) {
    measureOneOffs(bench);
    explain(bench);
    for (int holders : bench.holderCounts()) {
      measureAt(bench, holders);
    }
  }

  private static void measureOneOffs(GasBench bench) {
    ChainSession s = bench.session();
    Credentials admin = bench.account(0);
    String a = admin.getAddress();
    TestStablecoin coin = ShareStack.deployStablecoin(s, admin);
    bench.record("deploy TestStablecoin", GasBench.ONE_OFF, receipt(coin), 0);
    ComplianceRegistry compliance = call(ComplianceRegistry.deploy(s.web3j(), s.as(admin), s.gas(), a));
    bench.record("deploy ComplianceRegistry", GasBench.ONE_OFF, receipt(compliance), 0);
    ComputeAssetRegistry registry = call(ComputeAssetRegistry.deploy(s.web3j(), s.as(admin), s.gas(), a,
        compliance.getContractAddress(), coin.getContractAddress()));
    bench.record("deploy ComputeAssetRegistry (with the share token and distributor implementations)",
        GasBench.ONE_OFF, receipt(registry), 0);
    bench.record("verify one holder", GasBench.ONE_OFF, call(compliance.setVerified(a, true)), 0);
    TransactionReceipt registered =
        call(
            registry.register(
                a, Hash.sha3(new byte[] {1}), ShareStack.shortString("GPU_NODE"), BigInteger.valueOf(8),
                List.of(), List.of()));
    bench.record("register asset with its share token and distributor, no shares", GasBench.ONE_OFF, registered, 0);
    BigInteger assetId = ComputeAssetRegistry.getAssetRegisteredEvents(registered).get(0).assetId;
    AssetShareToken shares = AssetShareToken.load(call(registry.shareTokenOf(assetId)), s.web3j(), s.as(admin), s.gas());
    bench.record("issue the whole supply to one holder (asset registered without holders)", GasBench.ONE_OFF,
        call(shares.issue(List.of(a), List.of(SHARE))), 0);
  }

  private static void explain(GasBench bench) {
    bench.explain(
        "first claim (holder holds no stablecoin yet)",
        "over the 60,000 claim target by the payout token's own first write of the holder's"
            + " stablecoin balance (22,100 instead of 5,000 gas, inside the stablecoin)");
  }

  private static TransactionReceipt receipt(org.web3j.tx.Contract contract) {
    return contract.getTransactionReceipt().orElseThrow();
  }

  private static void measureAt(GasBench bench, int holders) {
    ChainSession s = bench.session();
    Credentials admin = bench.account(0);
    Credentials sender = bench.account(1);
    Credentials existing = bench.account(2);
    Credentials fresh = bench.account(3);
    Credentials firstClaimer = bench.account(4);
    ShareStack stack = ShareStack.deploy(s, admin);
    TestStablecoin coin = TestStablecoin.load(stack.payoutToken(), s.web3j(), s.as(admin), s.gas());

    List<String> others = GasBench.syntheticHolders("holders-" + holders, Math.max(0, holders - 3));
    List<String> all = new ArrayList<>(others);
    all.add(sender.getAddress());
    all.add(existing.getAddress());
    all.add(firstClaimer.getAddress());
    all.add(fresh.getAddress());
    stack.verify(all);
    // The supply is issued once (it is fixed afterwards); the other holders get theirs by transfer.
    call(stack.shares().issue(
        List.of(sender.getAddress(), existing.getAddress(), firstClaimer.getAddress()),
        List.of(SHARE.multiply(BigInteger.valueOf(100L + others.size())), SHARE, SHARE)));
    for (String h : others) {
      call(stack.sharesAs(sender).transfer(h, SHARE));
    }

    // A standing approval, as a lease manager or treasury would hold; earlier deposit and claims
    // put every account in its steady state (non-zero balances and checkpoints).
    BigInteger amount = BigInteger.valueOf(1_000_000_000L);
    call(coin.mint(admin.getAddress(), amount.multiply(BigInteger.TEN)));
    call(coin.approve(stack.distributor().getContractAddress(), MAX));
    call(stack.distributor().deposit(amount));
    call(stack.distributorAs(sender).claim());
    call(stack.distributorAs(existing).claim());

    bench.record("share transfer to an existing holder", holders,
        call(stack.sharesAs(sender).transfer(existing.getAddress(), SHARE)), TRANSFER_TARGET);
    bench.record("share transfer to a first-time holder", holders,
        call(stack.sharesAs(sender).transfer(fresh.getAddress(), SHARE)), TRANSFER_NEW_TARGET);
    bench.record("revenue deposit (distribution)", holders,
        call(stack.distributor().deposit(amount)), DEPOSIT_TARGET);
    bench.record("claim (holder already holds the stablecoin)", holders,
        call(stack.distributorAs(sender).claim()), CLAIM_TARGET);
    bench.record("first claim (holder holds no stablecoin yet)", holders,
        call(stack.distributorAs(firstClaimer).claim()), 0);
  }
}
