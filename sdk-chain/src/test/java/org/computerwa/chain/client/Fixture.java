package org.computerwa.chain.client;

import org.computerwa.chain.tx.Journal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.computerwa.chain.devchain.DevAccount;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.asset.AssetKind;
import org.computerwa.core.asset.AssetStatus;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.asset.GpuSpec;
import org.computerwa.core.asset.Site;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaCredit;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;

/**
 * A fresh deployment on the shared anvil chain, with one client per party: account 0 is the
 * platform (deployer, registrar, compliance desk, share issuer), 1 the operator that owns the
 * asset, 2 the lessee, 3 and 4 two share holders.
 */
final class Fixture implements AutoCloseable {
  static final int FEE_BPS = 1_000;

  final DevChain chain = SharedChain.chain();
  final Deployment deployment;
  final Outcome<Deployment> deployed;
  final ComputeRwaClient platform;
  final ComputeRwaClient operator;
  final ComputeRwaClient lessee;
  final ComputeRwaClient alice;
  final ComputeRwaClient bob;

  Fixture() {
    this(0);
  }

  /** A deployment whose asset registry holds {@code registrationFloat} payment-token units. */
  Fixture(long registrationFloat) {
    deployed =
        Deployer.builder()
            .rpcUrl(chain.rpcUrl())
            .signer(org.computerwa.core.crypto.SigningKey.fromHex(account(0).privateKeyHex()))
            .operatorFeeBps(FEE_BPS)
            .journal(Journal.inMemory())
            .confirmations(1)
            .registrationFloat(registrationFloat)
            .build()
            .deploy();
    deployment = deployed.value();
    platform = client(0);
    operator = client(1);
    lessee = client(2);
    alice = client(3);
    bob = client(4);
  }

  DevAccount account(int i) {
    return chain.accounts().get(i);
  }

  ComputeRwaClient client(int account) {
    return ComputeRwaClient.builder()
        .rpcUrl(chain.rpcUrl())
        .privateKey(account(account).privateKeyHex())
        .contracts(deployment)
        .journal(Journal.inMemory())
        .confirmations(1)
        .pollInterval(Duration.ofMillis(5))
        .build();
  }

  Token token() {
    return platform.payments().token();
  }

  /** An 8-GPU node owned by the operator; {@code id} makes its spec hash unique. */
  ComputeAsset gpuNode(String id) {
    return ComputeAsset.builder()
        .id(id)
        .kind(AssetKind.GPU_NODE)
        .owner(operator.address())
        .site(
            Site.builder()
                .id("tx-abilene-1")
                .gridRegion("ERCOT")
                .powerCapacityMw(new BigDecimal("12.5"))
                .timeZone(ZoneId.of("America/Chicago"))
                .build())
        .gpu(
            GpuSpec.builder()
                .model("H100 SXM")
                .count(8)
                .memoryGib(80)
                .boardPowerWatts(700)
                .denseBf16Tflops(new BigDecimal("989.4"))
                .build())
        .capacityUnits(8)
        .status(AssetStatus.ACTIVE)
        .build();
  }

  /**
   * Terms the lease manager can represent: {@code units} GPUs for {@code term} at {@code rate}
   * base units per second, acceptable for one hour, 60 s grace, full refund of further downtime.
   */
  LeaseTerms terms(String assetId, long units, long rate, Duration term) {
    Instant acceptBy = operator.chainTime().plus(Duration.ofHours(1));
    return LeaseTerms.builder()
        .assetId(assetId)
        .lessor(operator.address())
        .lessee(lessee.address())
        .capacityUnits(units)
        .start(acceptBy)
        .end(acceptBy.plus(term))
        .rate(Rate.of(java.math.BigInteger.valueOf(rate), token()))
        .token(token())
        .sla(exactSla())
        .build();
  }

  static SlaTerms exactSla() {
    return SlaTerms.builder()
        .minAvailabilityBps(10_000)
        .gracePeriod(Duration.ofSeconds(60))
        .credit(SlaCredit.builder().creditBps(10_000).maxBps(10_000).build())
        .build();
  }

  /** The next nonce of an account, counting transactions still in the pool. */
  static java.math.BigInteger pendingNonce(Address account) throws java.io.IOException {
    return SharedChain.session()
        .web3j()
        .ethGetTransactionCount(account.toHex(), org.web3j.protocol.core.DefaultBlockParameterName.PENDING)
        .send()
        .getTransactionCount();
  }

  @Override
  public void close() {
    platform.close();
    operator.close();
    lessee.close();
    alice.close();
    bob.close();
  }
}
