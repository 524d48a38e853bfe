package org.computerwa.chain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.tx.Operation;
import org.computerwa.chain.tx.OperationState;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.money.TokenAmount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's writes go through the pipeline and land in the journal it is given. */
class ClientJournalTest extends OnFreshDeployment {
  @TempDir Path dir;

  @Test
  void aClientWithAJournalRecordsEveryWriteAsAConfirmedOperation() {
    try (Journal journal = Journal.sqlite(dir.resolve("client.db"));
        ComputeRwaClient client = ComputeRwaClient.builder().rpcUrl(f.chain.rpcUrl())
            .privateKey(f.account(7).privateKeyHex()).contracts(f.deployment)
            .journal(journal).confirmations(1).build()) {
      TokenAmount five = TokenAmount.parse("5", client.payments().token());
      Receipt receipt = client.payments().mintTestTokens(client.address(), five);
      Operation op = journal.byTransactionHash(receipt.transactionHash()).orElseThrow();
      assertThat(op.state()).isEqualTo(OperationState.CONFIRMED);
      assertThat(op.action()).isEqualTo(receipt.action());
    }
  }

  @Test
  void aNamedDeploymentIsOneResumableOperation() {
    try (Journal journal = Journal.sqlite(dir.resolve("deploy.db"))) {
      Deployer deployer = Deployer.builder().rpcUrl(f.chain.rpcUrl())
          .signer(org.computerwa.core.crypto.SigningKey.fromHex(f.account(9).privateKeyHex()))
          .operatorFeeBps(500).journal(journal).confirmations(1).name("staging-1").build();
      Outcome<Deployment> first = deployer.deploy();
      int operations = journal.operations().size();
      long nonce = nonceOf(f.account(9).address());
      // run again, as after a crash: every step is found in the journal, nothing is sent
      Outcome<Deployment> again = deployer.deploy();
      assertThat(again.value()).isEqualTo(first.value());
      assertThat(journal.operations()).hasSize(operations);
      assertThat(nonceOf(f.account(9).address())).isEqualTo(nonce);
    }
    assertThatThrownBy(() -> Deployer.builder().rpcUrl(f.chain.rpcUrl())
            .signer(org.computerwa.core.crypto.SigningKey.fromHex(f.account(9).privateKeyHex())).name("x").build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("journal"));
  }

  private long nonceOf(String address) {
    try (org.computerwa.chain.internal.rpc.JsonRpc rpc = org.computerwa.chain.internal.rpc.JsonRpc.connect(f.chain.rpcUrl())) {
      return new org.computerwa.chain.internal.rpc.ChainReader(rpc).transactionCount(address, "latest");
    }
  }

  @Test
  void aJournalNeedsAConfirmationDepth() {
    try (Journal journal = Journal.sqlite(dir.resolve("depth.db"))) {
      assertThatThrownBy(() -> ComputeRwaClient.builder().rpcUrl(f.chain.rpcUrl())
              .privateKey(f.account(7).privateKeyHex()).contracts(f.deployment).journal(journal).build())
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("confirmations"));
    }
  }

  @Test
  void aDeploymentPointingAtNoContractIsNamed() {
    Address nothing = Address.fromHex(f.account(8).address());
    Deployment wrong = Deployment.builder().assetRegistry(nothing).complianceRegistry(nothing).evidenceAnchor(nothing)
        .pledgeRegistry(nothing).leaseManager(nothing).paymentToken(nothing).build();
    assertThatThrownBy(() -> ComputeRwaClient.builder().rpcUrl(f.chain.rpcUrl())
            .privateKey(f.account(7).privateKeyHex()).contracts(wrong).journal(Journal.inMemory()).confirmations(1).build())
        .isInstanceOfSatisfying(ChainException.class, e -> {
          assertThat(e.kind()).isEqualTo(ChainException.Kind.NO_CONTRACT);
          assertThat(e.getMessage()).contains(nothing.toHex());
        });
  }
}
