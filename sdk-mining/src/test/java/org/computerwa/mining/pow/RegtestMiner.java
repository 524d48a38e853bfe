package org.computerwa.mining.pow;

import java.util.ArrayList;
import java.util.List;
import org.computerwa.mining.sha256.Sha256Engine;

/** Mines synthetic regtest headers (trivial proof of work) so chain rules can be exercised. */
final class RegtestMiner {
  static final int EASY = 0x207fffff;

  private final HeaderVerifier pow =
      HeaderVerifier.builder().network(Network.REGTEST).engine(Sha256Engine.portable()).build();
  private final List<BlockHeader> headers = new ArrayList<>();
  private BlockHash tip = BlockHash.fromRaw(new byte[32]);
  private long time;

  RegtestMiner(long startTime) {
    this.time = startTime;
  }

  /** Appends a mined header with the given bits, {@code spacing} seconds after the previous one. */
  RegtestMiner add(int bits, long spacing) {
    time += spacing;
    return addAt(bits, time);
  }

  RegtestMiner addAt(int bits, long blockTime) {
    byte[] merkle = new byte[32];
    merkle[0] = (byte) headers.size();
    merkle[1] = (byte) (headers.size() >>> 8);
    merkle[2] = (byte) (headers.size() >>> 16);
    for (int nonce = 0; ; nonce++) {
      BlockHeader h = BlockHeader.of(0x20000000, tip, merkle, blockTime, bits, nonce);
      if (pow.check(h.toBytes(), 0).isEmpty()) {
        headers.add(h);
        tip = h.hash();
        return this;
      }
    }
  }

  RegtestMiner addMany(int count, int bits, long spacing) {
    for (int i = 0; i < count; i++) {
      add(bits, spacing);
    }
    return this;
  }

  /** A header that fails its own target: the nonce is searched until the hash is too high. */
  static BlockHeader highHash(BlockHeader good) {
    HeaderVerifier pow = HeaderVerifier.builder().network(Network.REGTEST).build();
    for (int nonce = good.nonce() + 1; ; nonce++) {
      BlockHeader h = BlockHeader.of(good.version(), good.prevBlockHash(), good.merkleRoot(), good.time(), good.bits(), nonce);
      if (pow.check(h.toBytes(), 0).isPresent()) {
        return h;
      }
    }
  }

  /** The header re-mined with another version. */
  static BlockHeader mineVersion(BlockHeader good, int version) {
    HeaderVerifier pow = HeaderVerifier.builder().network(Network.REGTEST).build();
    for (int nonce = 0; ; nonce++) {
      BlockHeader h = BlockHeader.of(version, good.prevBlockHash(), good.merkleRoot(), good.time(), good.bits(), nonce);
      if (pow.check(h.toBytes(), 0).isEmpty()) {
        return h;
      }
    }
  }

  List<BlockHeader> headers() {
    return headers;
  }

  static byte[] concat(List<BlockHeader> headers) {
    byte[] raw = new byte[80 * headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      System.arraycopy(headers.get(i).toBytes(), 0, raw, 80 * i, 80);
    }
    return raw;
  }
}
