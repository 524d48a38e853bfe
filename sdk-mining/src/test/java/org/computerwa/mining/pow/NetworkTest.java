package org.computerwa.mining.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkTest {

  @ParameterizedTest
  @CsvSource({"mainnet,1d00ffff,false,false,false", "testnet3,1d00ffff,true,false,false",
      "testnet4,1d00ffff,true,false,true", "signet,1e0377ae,false,false,false", "regtest,207fffff,true,true,false"})
  void carriesBitcoinCoreParameters(String name, String limitBits, boolean minDifficulty, boolean noRetarget, boolean bip94) {
    Network n = Network.named(name);
    assertThat(String.format("%08x", n.powLimitBits())).isEqualTo(limitBits);
    assertThat(n.allowMinDifficultyBlocks()).isEqualTo(minDifficulty);
    assertThat(n.noRetargeting()).isEqualTo(noRetarget);
    assertThat(n.enforceBip94()).isEqualTo(bip94);
    assertThat(n.difficultyAdjustmentInterval()).isEqualTo(2016);
    assertThat(n.targetTimespanSeconds()).isEqualTo(1_209_600);
  }

  @Test
  void signetIsTheDefault() {
    assertThat(Network.defaultNetwork()).isSameAs(Network.SIGNET);
  }

  @Test
  void anUnknownNameIsRejected() {
    assertThatThrownBy(() -> Network.named("testnet5"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("network")
        .hasMessageContaining("testnet5");
  }
}
