package org.computerwa.chain.devchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.computerwa.chain.internal.rpc.ChainReader;
import org.computerwa.chain.internal.rpc.JsonRpc;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev chain's controls: mining, time travel, snapshots, reorgs, state files and restarts. */
class DevChainControlTest {
  @TempDir Path dir;

  private static DevChain start() {
    return DevChain.builder().accounts(2).toolchainDirectory(Path.of(System.getProperty("computerwa.chain.moduleDir", "."))).build();
  }

  @Test
  void minesTravelsInTimeAndRevertsToASnapshot() {
    try (DevChain chain = start(); JsonRpc rpc = JsonRpc.connect(chain.rpcUrl())) {
      ChainReader reader = new ChainReader(rpc);
      long start = chain.blockNumber();
      String snapshot = chain.snapshot();
      chain.mine(3);
      assertThat(chain.blockNumber()).isEqualTo(start + 3);
      long before = reader.block("latest").orElseThrow().timestamp();
      chain.advanceTime(Duration.ofHours(2));
      assertThat(reader.block("latest").orElseThrow().timestamp() - before).isGreaterThanOrEqualTo(7_200);
      chain.revertTo(snapshot);
      assertThat(chain.blockNumber()).isEqualTo(start);
      assertThatThrownBy(() -> chain.revertTo(snapshot)).isInstanceOf(DevChainException.class);
      assertThatThrownBy(() -> chain.mine(0)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> chain.advanceTime(Duration.ofMillis(10))).isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void aReorgReplacesTheLastBlocks() {
    try (DevChain chain = start(); JsonRpc rpc = JsonRpc.connect(chain.rpcUrl())) {
      ChainReader reader = new ChainReader(rpc);
      chain.mine(5);
      long head = chain.blockNumber();
      String old = reader.block(head - 1).orElseThrow().hash();
      chain.reorg(2);
      assertThat(chain.blockNumber()).isEqualTo(head);
      assertThat(reader.block(head - 1).orElseThrow().hash()).isNotEqualTo(old);
      assertThatThrownBy(() -> chain.reorg(0)).isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void aKilledNodeRestartsFromItsStateFileWithItsBlocks() {
    try (DevChain chain = start(); JsonRpc rpc = JsonRpc.connect(chain.rpcUrl())) {
      ChainReader reader = new ChainReader(rpc);
      chain.mine(4);
      long head = chain.blockNumber();
      String genesis = reader.block(0).orElseThrow().hash();
      String tip = reader.block(head).orElseThrow().hash();
      chain.restart();
      assertThat(chain.isRunning()).isTrue();
      assertThat(chain.blockNumber()).isEqualTo(head);
      assertThat(reader.block(0).orElseThrow().hash()).isEqualTo(genesis);
      assertThat(reader.block(head).orElseThrow().hash()).isEqualTo(tip);
      Path state = chain.saveState(dir.resolve("state.json"));
      try (DevChain copy = DevChain.builder().accounts(2).loadState(state)
          .toolchainDirectory(Path.of(System.getProperty("computerwa.chain.moduleDir", "."))).build()) {
        assertThat(copy.blockNumber()).isEqualTo(head);
      }
    }
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> DevChain.builder().hardfork("frontier")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("hardfork");
    assertThatThrownBy(() -> DevChain.builder().loadState(dir.resolve("none.json"))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("loadState");
  }
}
