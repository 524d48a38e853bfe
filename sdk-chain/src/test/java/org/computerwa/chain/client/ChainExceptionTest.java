package org.computerwa.chain.client;

import org.computerwa.chain.tx.Journal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.SigningKey;
import org.junit.jupiter.api.Test;

/** Which chain failures are retryable, and what they carry. */
class ChainExceptionTest {
  static final SigningKey KEY =
      SigningKey.fromHex("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
  static final Address SOME = Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

  static Deployment deployment() {
    return Deployment.builder().assetRegistry(SOME).complianceRegistry(SOME).evidenceAnchor(SOME)
        .pledgeRegistry(SOME).leaseManager(SOME).paymentToken(SOME).build();
  }

  @Test
  void anUnreachableNodeIsARetryableTransportFailure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    assertThatThrownBy(() -> ComputeRwaClient.builder().rpcUrl(url).signer(KEY).contracts(deployment()).journal(Journal.inMemory()).confirmations(1).build())
        .isInstanceOfSatisfying(ChainException.class, e -> {
          assertThat(e.kind()).isEqualTo(ChainException.Kind.TRANSPORT);
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains(url);
        })
        .isInstanceOf(ComputeRwaException.class);
  }

  @Test
  void aRevertIsNotRetryableAndNamesTheErrorAndTheTransaction() {
    ChainException e = ChainException.reverted("settle lease 7", "WrongStatus", List.of("7", "3"), "0xa5d15e1f", "0xabc");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("settle lease 7 reverted with WrongStatus(7, 3) in transaction 0xabc");
    assertThat(e.revertData()).contains("0xa5d15e1f");
    assertThat(ChainException.of(ChainException.Kind.TIMEOUT, "slow", "0xabc", null).retryable()).isTrue();
    assertThat(ChainException.of(ChainException.Kind.REJECTED, "nonce too low", null, null).retryable()).isFalse();
  }

  @Test
  void missingSettingsAreValidationExceptionsNamingTheSetting() {
    assertThatThrownBy(() -> ComputeRwaClient.builder().signer(KEY).contracts(deployment()).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rpcUrl"));
    assertThatThrownBy(() -> ComputeRwaClient.builder().rpcUrl("ftp://node"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rpcUrl"));
    assertThatThrownBy(() -> Deployment.builder().assetRegistry(SOME).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("complianceRegistry"));
    assertThatThrownBy(() -> Deployer.builder().operatorFeeBps(10_001))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("operatorFeeBps"));
  }
}
