package org.computerwa.examples.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployer;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.client.Outcome;
import org.computerwa.chain.client.Receipt;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.money.TokenAmount;

/**
 * Share transfers, revenue deposits and claims measured at each holder count, through the public
 * client on a fresh deployment per count, to show that their cost does not depend on how many
 * holders an asset has. The deployment itself is measured once.
 *
 * <pre>{@code
 * new ShareGasScenario().measure(bench);
 * }</pre>
 */
public final class ShareGasScenario implements GasScenario {
  private static final BigInteger SHARE = BigInteger.TEN.pow(18);
  private static final long INCOME = 1_000_000_000L;

  @Override
  public String name() {
    return "shares";
  }

  @Override
  public void measure(GasBench bench) {
    boolean first = true;
    for (int holders : bench.holderCounts()) {
      measureAt(bench, holders, first);
      first = false;
    }
    bench.explain("first claim (holder holds no stablecoin yet)", ClaimFloor.firstClaimNote());
  }

  private static void measureAt(GasBench bench, int holders, boolean recordDeployment) {
    Outcome<Deployment> deployed = Deployer.builder().rpcUrl(bench.rpcUrl()).signer(bench.key(0))
        .operatorFeeBps(1_000).journal(Journal.inMemory()).confirmations(1)
        .registrationFloat(ClientGasScenario.REGISTRATION_FLOAT).build().deploy();
    if (recordDeployment) {
      for (Receipt r : deployed.receipts()) {
        bench.record(r.action(), GasBench.ONE_OFF, r, 0);
      }
    }
    Deployment deployment = deployed.value();
    try (ComputeRwaClient platform = client(bench, deployment, 0);
        ComputeRwaClient sender = client(bench, deployment, 1);
        ComputeRwaClient existing = client(bench, deployment, 2);
        ComputeRwaClient fresh = client(bench, deployment, 3);
        ComputeRwaClient firstClaimer = client(bench, deployment, 4)) {
      List<Address> others = GasBench.syntheticHolders("holders-" + holders, Math.max(0, holders - 3));
      List<Address> all = new ArrayList<>(others);
      all.addAll(List.of(sender.address(), existing.address(), firstClaimer.address(), fresh.address()));
      for (int from = 0; from < all.size(); from += 200) {
        platform.assets().verifyHolders(all.subList(from, Math.min(all.size(), from + 200)));
      }
      // The supply is issued once, at registration; the other holders get theirs by transfer.
      Map<Address, BigInteger> initial = new LinkedHashMap<>();
      initial.put(sender.address(), SHARE.multiply(BigInteger.valueOf(100L + others.size())));
      initial.put(existing.address(), SHARE);
      initial.put(firstClaimer.address(), SHARE);
      AssetId asset =
          platform.assets().register(ClientGasScenario.node(platform.address(), "shares-" + holders), initial).value();
      for (Address h : others) {
        sender.assets().transferShares(asset, h, SHARE);
      }

      // Earlier deposit and claims put the accounts in their steady state (non-zero balances and
      // checkpoints, the contract already holding the stablecoin).
      TokenAmount income = TokenAmount.ofBaseUnits(INCOME, platform.payments().token());
      platform.payments().mintTestTokens(platform.address(), income.plus(income));
      platform.revenue().deposit(asset, income);
      sender.revenue().claim(asset);
      existing.revenue().claim(asset);

      bench.record("share transfer to an existing holder", holders,
          sender.assets().transferShares(asset, existing.address(), SHARE), ClientGasScenario.TRANSFER_TARGET);
      bench.record("share transfer to a first-time holder", holders,
          sender.assets().transferShares(asset, fresh.address(), SHARE), ClientGasScenario.TRANSFER_NEW_TARGET);
      bench.record("revenue deposit (distribution)", holders,
          platform.revenue().deposit(asset, income).receipts().get(1), ClientGasScenario.DEPOSIT_TARGET);
      bench.record("claim (holder already holds the stablecoin)", holders,
          only(sender.revenue().claim(asset).receipts()), ClientGasScenario.CLAIM_TARGET);
      bench.record("first claim (holder holds no stablecoin yet)", holders,
          only(firstClaimer.revenue().claim(asset).receipts()), ClientGasScenario.CLAIM_TARGET);
    }
  }

  private static ComputeRwaClient client(GasBench bench, Deployment deployment, int account) {
    return ComputeRwaClient.builder().rpcUrl(bench.rpcUrl()).signer(bench.key(account)).contracts(deployment)
        .journal(Journal.inMemory()).confirmations(1).build();
  }

  private static Receipt only(List<Receipt> receipts) {
    if (receipts.size() != 1) {
      throw new IllegalStateException("expected one transaction, got " + receipts.size());
    }
    return receipts.get(0);
  }
}
