package org.computerwa.mining.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.SplittableRandom;
import org.computerwa.mining.sha256.Sha256Engine;
import org.junit.jupiter.api.Test;

class PowCheckTest {

  @Test
  void theAllocationFreeTargetDecodingAgreesWithCompactTargetOnRandomBits() {
    long seed = 99L;
    SplittableRandom random = new SplittableRandom(seed);
    byte[] header = new byte[80];
    for (Network network : Network.all()) {
      PowCheck check = new PowCheck(network, Sha256Engine.portable());
      for (int i = 0; i < 20_000; i++) {
        random.nextBytes(header);
        int bits = i % 3 == 0 ? random.nextInt() : (random.nextInt(0, 40) << 24) | random.nextInt(0, 1 << 24);
        header[72] = (byte) bits;
        header[73] = (byte) (bits >>> 8);
        header[74] = (byte) (bits >>> 16);
        header[75] = (byte) (bits >>> 24);
        RejectReason fast = check.check(header, 0);
        BlockHeader h = BlockHeader.parse(header);
        Optional<RejectReason> slow = PowRules.checkProofOfWork(network, h.hash().toBigInteger(), bits);
        assertThat(Optional.ofNullable(fast)).as("seed %d, %s, bits %08x", seed, network, bits).isEqualTo(slow);
      }
    }
  }
}
