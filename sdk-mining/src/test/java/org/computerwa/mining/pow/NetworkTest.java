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

  @ParameterizedTest
  @CsvSource({"mainnet,227931,363725,388381", "testnet3,21111,330776,581885", "testnet4,1,1,1", "signet,1,1,1",
      "regtest,1,1,1"})
  void carriesTheBuriedDeploymentHeightsOfBitcoinCore(String name, long bip34, long bip66, long bip65) {
    Network n = Network.named(name);
    assertThat(n.bip34Height()).isEqualTo(bip34);
    assertThat(n.bip66Height()).isEqualTo(bip66);
    assertThat(n.bip65Height()).isEqualTo(bip65);
    assertThat(n.versionTooLow(bip34 - 1, 1)).isFalse();
    assertThat(n.versionTooLow(bip34, 1)).isTrue();
    assertThat(n.versionTooLow(bip66, 2)).isTrue();
    assertThat(n.versionTooLow(bip65, 3)).isTrue();
    assertThat(n.versionTooLow(bip65, 4)).isFalse();
    // nVersion is signed: a version with the top bit set is below every minimum.
    assertThat(n.versionTooLow(bip34, 0x80000004)).isTrue();
  }

  @Test
  void anUnknownNameIsRejected() {
    assertThatThrownBy(() -> Network.named("testnet5"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("network")
        .hasMessageContaining("testnet5");
  }
}
