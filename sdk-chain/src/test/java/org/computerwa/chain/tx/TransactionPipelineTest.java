package org.computerwa.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionPipelineTest {
  static TokenChain t;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    t = TokenChain.start();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @AfterEach
  void automineOn() {
    t.chain.automine(true);
  }

  private Journal journal() {
    return Journal.sqlite(dir.resolve("journal.db"));
  }

  @Test
  void aSentOperationIsConfirmedJournaledAndFoundByItsHash() {
    Address alice = TokenChain.recipient(1, 1);
    try (Journal j = journal(); TransactionPipeline p = t.pipeline(t.key(1), j, 1).build()) {
      Operation op = p.send(t.mint(alice, 5).build());
      assertThat(op.state()).isEqualTo(OperationState.CONFIRMED);
      assertThat(op.attemptHashes()).containsExactly(op.transactionHash().orElseThrow());
      assertThat(op.blockHash()).hasValueSatisfying(h -> assertThat(h).matches("0x[0-9a-f]{64}"));
      assertThat(t.balanceOf(alice)).isEqualTo(BigInteger.valueOf(5));
      assertThat(p.lookup(op.transactionHash().orElseThrow())).contains(op);
      assertThat(j.operations()).containsExactly(op);
      assertThat(p.lookup("0x" + "ab".repeat(32))).isEmpty();
    }
  }

  @Test
  void anIdempotencyKeyReturnsTheOriginalOperationAndSendsNothing() {
    Address bob = TokenChain.recipient(1, 2);
    try (Journal j = journal(); TransactionPipeline p = t.pipeline(t.key(1), j, 1).build()) {
      Operation first = p.send(t.mint(bob, 7).idempotencyKey("invoice-42").build());
      Operation again = p.send(t.mint(bob, 7).idempotencyKey("invoice-42").build());
      assertThat(again).isEqualTo(first);
      assertThat(t.balanceOf(bob)).isEqualTo(BigInteger.valueOf(7));
      assertThat(p.find("invoice-42")).contains(first);
      assertThatThrownBy(() -> p.send(t.mint(bob, 8).idempotencyKey("invoice-42").build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("idempotencyKey")
          .hasMessageContaining("different call");
    }
  }

  @Test
  void aSimulatedRevertFailsTypedTakesNoNonceAndLeavesNoGap() {
    try (Journal j = journal(); TransactionPipeline p = t.pipeline(t.key(1), j, 1).build()) {
      long before = t.reader.transactionCount(p.sender(), "latest");
      // mint to the zero address reverts with OpenZeppelin's ERC20InvalidReceiver(address(0))
      assertThatThrownBy(() -> p.send(t.mint(Address.ZERO, 1).build()))
          .isInstanceOfSatisfying(ChainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ChainException.Kind.REVERTED);
            assertThat(e.errorName()).contains("ERC20InvalidReceiver");
            assertThat(e.transactionHash()).isEmpty();
          });
      Operation failed = j.operations().get(0);
      assertThat(failed.failure()).contains(Failure.SIMULATION_REVERTED);
      assertThat(failed.nonce()).isEmpty();
      Operation next = p.send(t.mint(TokenChain.recipient(1, 3), 1).build());
      assertThat(next.nonce()).hasValue(before);
    }
  }

  @Test
  void aTargetWithoutCodeIsNamedAndNothingIsSigned() {
    try (Journal j = journal(); TransactionPipeline p = t.pipeline(t.key(1), j, 1).build()) {
      Address nothing = TokenChain.recipient(9, 9);
      assertThatThrownBy(() -> p.send(TransactionRequest.builder().action("call nothing").to(nothing).data("0x12345678").build()))
          .isInstanceOfSatisfying(ChainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ChainException.Kind.NO_CONTRACT);
            assertThat(e.getMessage()).contains(nothing.toHex());
            assertThat(e.retryable()).isFalse();
          });
      assertThat(j.operations().get(0).failure()).contains(Failure.NO_CONTRACT);
    }
  }

  @Test
  void theNodeMustBeOnTheNamedChainAndTheJournalOnTheNodesChain() throws InterruptedException {
    try (Journal j = journal()) {
      assertThatThrownBy(() -> t.pipeline(t.key(1), j, 1).chainId(1).build())
          .isInstanceOfSatisfying(ChainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ChainException.Kind.WRONG_CHAIN);
            assertThat(e.getMessage()).contains("chain 31337, not the configured chain 1");
          });
      t.pipeline(t.key(1), j, 1).build().close();
      Thread.sleep(1_100); // anvil's genesis hash follows its start second: another second, another genesis
      try (DevChain other = DevChain.builder().accounts(2).toolchainDirectory(TokenChain.moduleDir()).build()) {
        // same chain id, another genesis: another deployment
        assertThatThrownBy(() -> TokenChain.pipeline(other, TokenChain.key(other, 1), j, 1).build())
            .isInstanceOfSatisfying(ChainException.class, e -> {
              assertThat(e.kind()).isEqualTo(ChainException.Kind.WRONG_CHAIN);
              assertThat(e.getMessage()).contains("genesis");
            });
      }
    }
  }

  @Test
  void requiredSettingsAreNamed() {
    try (Journal j = journal()) {
      assertThatThrownBy(() -> TransactionPipeline.builder().rpcUrl(t.chain.rpcUrl()).chainId(31337).signer(t.key(1)).journal(j).build())
          .isInstanceOf(ValidationException.class).hasMessageContaining("confirmations");
      assertThatThrownBy(() -> TransactionPipeline.builder().confirmations(0))
          .isInstanceOf(ValidationException.class).hasMessageContaining("confirmations");
      assertThatThrownBy(() -> TransactionPipeline.builder().rpcUrl("ws://127.0.0.1:1/secret-key"))
          .isInstanceOf(ValidationException.class).hasMessageNotContaining("secret-key");
    }
  }

  @Test
  void aTransactionStuckInThePoolIsReplacedWithHigherFeesAndMinedOnce() throws Exception {
    Address carol = TokenChain.recipient(1, 4);
    try (Journal j = journal(); TransactionPipeline p = t.pipeline(t.key(2), j, 1).bumpAfter(Duration.ofMillis(300)).build()) {
      t.chain.automine(false);
      CompletableFuture<Operation> sent = CompletableFuture.supplyAsync(() -> p.send(t.mint(carol, 3).build()));
      awaitAttempts(j, 3);
      t.chain.mine(1);
      Operation op = sent.get(60, TimeUnit.SECONDS);
      assertThat(op.attemptHashes()).hasSizeGreaterThanOrEqualTo(3).contains(op.transactionHash().orElseThrow());
      assertThat(t.balanceOf(carol)).isEqualTo(BigInteger.valueOf(3));
      List<BigInteger> fees = new ArrayList<>();
      for (var a : j.store().find(op.id()).orElseThrow().attempts()) {
        fees.add(new BigInteger(a.maxFee()));
      }
      for (int i = 1; i < fees.size(); i++) {
        // the EIP-1559 replacement rule: at least 10% more each time
        assertThat(fees.get(i).multiply(BigInteger.TEN)).isGreaterThanOrEqualTo(fees.get(i - 1).multiply(BigInteger.valueOf(11)));
      }
    }
  }

  @Test
  void aTransactionTheNodeDroppedIsBroadcastAgain() throws Exception {
    Address dave = TokenChain.recipient(1, 5);
    try (Journal j = journal(); TransactionPipeline p = t.pipeline(t.key(2), j, 1).bumpAfter(Duration.ofMinutes(5)).build()) {
      t.chain.automine(false);
      Operation submitted = p.submit(t.mint(dave, 4).build());
      assertThat(submitted.state()).isEqualTo(OperationState.BROADCAST);
      t.chain.dropTransaction(submitted.attemptHashes().get(0));
      CompletableFuture<Operation> done = CompletableFuture.supplyAsync(() -> p.await(submitted.id()));
      Thread.sleep(300); // the pipeline notices the drop and broadcasts the same bytes again
      t.chain.mine(1);
      Operation op = done.get(60, TimeUnit.SECONDS);
      assertThat(op.transactionHash()).contains(submitted.attemptHashes().get(0));
      assertThat(t.balanceOf(dave)).isEqualTo(BigInteger.valueOf(4));
    }
  }

  @Test
  void anOperationIsFinalOnlyAtTheConfirmationDepthAndSurvivesAReorg() throws Exception {
    Address erin = TokenChain.recipient(1, 6);
    try (Journal j = journal(); TransactionPipeline p = t.pipeline(t.key(3), j, 3).build()) {
      Operation submitted = p.submit(t.mint(erin, 9).build());
      long minedIn = t.reader.receipt(submitted.attemptHashes().get(0)).orElseThrow().blockNumber();
      t.chain.mine(1);
      Thread.sleep(200);
      assertThat(j.operation(submitted.id()).orElseThrow().state()).isEqualTo(OperationState.BROADCAST);
      CompletableFuture<Operation> done = CompletableFuture.supplyAsync(() -> p.await(submitted.id()));
      Thread.sleep(200);
      assertThat(done).as("two blocks deep is not final at depth 3").isNotDone();
      t.chain.mine(1);
      Operation op = done.get(30, TimeUnit.SECONDS);
      assertThat(op.blockNumber()).hasValue(minedIn);
    }
    // a reorg removes the block before the depth is reached: mined again, once
    Address frank = TokenChain.recipient(1, 7);
    try (Journal j = journal(); TransactionPipeline p = t.pipeline(t.key(3), j, 3).build()) {
      Operation submitted = p.submit(t.mint(frank, 2).build());
      t.chain.reorg(1);
      assertThat(t.reader.receipt(submitted.attemptHashes().get(0))).isEmpty();
      CompletableFuture<Operation> done = CompletableFuture.supplyAsync(() -> p.await(submitted.id()));
      for (int i = 0; i < 600 && !done.isDone(); i++) {
        Thread.sleep(50);
        t.chain.mine(1);
      }
      Operation op = done.get(30, TimeUnit.SECONDS);
      assertThat(t.chain.blockNumber() - op.blockNumber().getAsLong() + 1).isGreaterThanOrEqualTo(3);
      assertThat(t.balanceOf(frank)).isEqualTo(BigInteger.valueOf(2));
    }
  }

  @Test
  void anOperationLeftSignedByACrashIsFinishedByResume() {
    Address gina = TokenChain.recipient(1, 8);
    Path file = dir.resolve("crash.db");
    try (Journal j = Journal.sqlite(file);
        TransactionPipeline crashing = t.pipeline(t.key(1), j, 1).listener(new OperationListener() {
          @Override
          public void onTransition(Operation op) {
            if (op.state() == OperationState.SIGNED) {
              throw new IllegalStateException("power cut after signing");
            }
          }
        }).build()) {
      assertThatThrownBy(() -> crashing.send(t.mint(gina, 6).idempotencyKey("gina").build()))
          .hasMessageContaining("power cut");
    }
    assertThat(t.balanceOf(gina)).isZero();
    try (Journal j = Journal.sqlite(file); TransactionPipeline p = t.pipeline(t.key(1), j, 1).build()) {
      assertThat(p.find("gina").orElseThrow().state()).isEqualTo(OperationState.SIGNED);
      List<Operation> resumed = p.resume();
      assertThat(resumed).extracting(Operation::state).containsExactly(OperationState.CONFIRMED);
      assertThat(p.send(t.mint(gina, 6).idempotencyKey("gina").build()).id()).isEqualTo(resumed.get(0).id());
    }
    assertThat(t.balanceOf(gina)).isEqualTo(BigInteger.valueOf(6));
  }

  @Test
  void aLegacyChainWithoutBaseFeeIsPricedByGasPrice() {
    // berlin predates EIP-1559 (and PUSH0, so no contract of ours deploys): a plain value transfer
    try (DevChain legacy = DevChain.builder().accounts(2).hardfork("berlin").toolchainDirectory(TokenChain.moduleDir()).build();
        Journal j = journal();
        TransactionPipeline p = TokenChain.pipeline(legacy, TokenChain.key(legacy, 1), j, 1).build()) {
      assertThat(p.eip1559()).isFalse();
      Address to = TokenChain.recipient(2, 1);
      Operation op = p.send(TransactionRequest.builder().action("pay 1 wei").to(to).data("0x").value(BigInteger.ONE).build());
      assertThat(j.store().find(op.id()).orElseThrow().attempts().get(0).gasPrice()).isNotNull();
      assertThat(j.store().find(op.id()).orElseThrow().attempts().get(0).maxFee()).isNull();
      try (org.computerwa.chain.internal.rpc.JsonRpc rpc = org.computerwa.chain.internal.rpc.JsonRpc.connect(legacy.rpcUrl())) {
        assertThat(rpc.call("eth_getBalance", to.toHex(), "latest").asText()).isEqualTo("0x1");
      }
    }
  }

  private static void awaitAttempts(Journal j, int count) throws InterruptedException {
    for (int i = 0; i < 3_000; i++) {
      if (j.operations().stream().anyMatch(o -> o.attemptHashes().size() >= count)) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no operation reached " + count + " attempts");
  }

  @Test
  void aNonceTheNodeRefusedIsFilledSoALaterTransactionIsNotStuckBehindIt() {
    Address hank = TokenChain.recipient(1, 9);
    AtomicReference<TransactionPipeline> self = new AtomicReference<>();
    AtomicReference<Operation> later = new AtomicReference<>();
    OperationListener interleave = new OperationListener() {
      @Override
      public void onTransition(Operation op) {
        if (op.action().equals("overdraw") && op.state() == OperationState.SIGNED && later.get() == null) {
          // another caller's transaction takes the next nonce and reaches the node first
          later.set(CompletableFuture.supplyAsync(() -> self.get().submit(t.mint(hank, 3).build())).join());
        }
      }
    };
    try (Journal j = journal();
        TransactionPipeline p = t.pipeline(t.key(3), j, 1).listener(interleave).receiptTimeout(Duration.ofSeconds(20)).build()) {
      self.set(p);
      long before = t.reader.transactionCount(p.sender(), "latest");
      // more ether than the account has: the node refuses it for good once signed
      TransactionRequest overdraw = TransactionRequest.builder().action("overdraw").to(hank).data("0x")
          .value(BigInteger.TEN.pow(30)).gasLimit(21_000).build();
      assertThatThrownBy(() -> p.submit(overdraw))
          .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.kind()).isEqualTo(ChainException.Kind.REJECTED));
      Operation mint = p.await(later.get().id());
      assertThat(mint.state()).isEqualTo(OperationState.CONFIRMED);
      assertThat(mint.nonce()).hasValue(before + 1);
      assertThat(t.balanceOf(hank)).isEqualTo(BigInteger.valueOf(3));
      // the refused nonce went to a zero-value transfer to the sender itself, journaled like any
      // operation; resume() drives it to its terminal state
      p.resume();
      Operation filler = j.operations().stream()
          .filter(o -> o.nonce().equals(java.util.OptionalLong.of(before)) && o.state() == OperationState.CONFIRMED)
          .findFirst().orElseThrow();
      assertThat(j.operations()).extracting(Operation::state)
          .containsExactlyInAnyOrder(OperationState.FAILED, OperationState.CONFIRMED, OperationState.CONFIRMED);
      assertThat(filler.to()).contains(Address.fromHex(p.sender()));
      assertThat(filler.value()).isZero();
      assertThat(t.reader.transactionCount(p.sender(), "latest")).isEqualTo(before + 2);
    }
  }
}
