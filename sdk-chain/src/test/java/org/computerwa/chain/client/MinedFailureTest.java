package org.computerwa.chain.client;

import org.computerwa.chain.tx.Journal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.money.TokenAmount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Request;

/**
 * Failures that only show once a transaction is mined: the chain's automatic mining is switched
 * off so that the chain can change between simulation and mining, then switched on again.
 */
class MinedFailureTest extends OnFreshDeployment {

  @AfterEach
  void mineAgain() throws Exception {
    rpc("evm_setAutomine", List.of(true));
  }

  static void rpc(String method, List<?> params) throws Exception {
    new Request<>(method, params, SharedChain.session().service(), SharedChain.RawResponse.class).send();
  }

  static void awaitPending(Address sender, BigInteger nonceBefore) throws Exception {
    for (int i = 0; i < 2_000; i++) {
      if (Fixture.pendingNonce(sender).compareTo(nonceBefore) > 0) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the transaction never reached the pool");
  }

  @Test
  void aTransactionThatRevertsWhenMinedIsReplayedForItsReasonAndCarriesItsHash() throws Exception {
    ComputeAsset node = f.gpuNode("gpu-node-mined-revert");
    AssetId asset = f.platform.assets().register(node).value();
    LeaseTerms terms = f.terms(node.id(), 1, 1_000, Duration.ofHours(1)); // acceptable for one hour
    LeaseId id = f.operator.leases().offer(asset, terms).value();
    f.lessee.payments().mintTestTokens(f.lessee.address(), terms.totalRent());
    BigInteger nonce = Fixture.pendingNonce(f.lessee.address());
    rpc("evm_setAutomine", List.of(false));
    // simulated now, while the offer is open; mined two hours later, after its deadline
    CompletableFuture<Outcome<Lease>> accept = CompletableFuture.supplyAsync(() -> f.lessee.leases().acceptWithPermit(id));
    awaitPending(f.lessee.address(), nonce);
    rpc("evm_increaseTime", List.of(2 * 3_600));
    rpc("evm_mine", List.of());
    assertThatThrownBy(() -> accept.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(ChainException.class, e -> {
          assertThat(e.kind()).isEqualTo(ChainException.Kind.REVERTED);
          assertThat(e.errorName()).contains("OfferExpired");
          assertThat(e.errorArguments()).containsExactly(id.toString());
          assertThat(e.transactionHash()).hasValueSatisfying(h -> assertThat(h).matches("0x[0-9a-f]{64}"));
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test
  void noReceiptWithinTheTimeoutIsARetryableFailureThatKeepsTheHash() throws Exception {
    try (ComputeRwaClient impatient = ComputeRwaClient.builder()
        .rpcUrl(f.chain.rpcUrl())
        .privateKey(f.account(2).privateKeyHex())
        .contracts(f.deployment)
        .journal(Journal.inMemory())
        .confirmations(1)
        .receiptTimeout(Duration.ofMillis(300))
        .pollInterval(Duration.ofMillis(20))
        .build()) {
      rpc("evm_setAutomine", List.of(false));
      TokenAmount one = TokenAmount.parse("1", impatient.payments().token());
      assertThatThrownBy(() -> impatient.payments().mintTestTokens(impatient.address(), one))
          .isInstanceOfSatisfying(ChainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ChainException.Kind.TIMEOUT);
            assertThat(e.retryable()).isTrue();
            assertThat(e.transactionHash()).isPresent();
          });
      rpc("evm_mine", List.of());
    }
  }
}
