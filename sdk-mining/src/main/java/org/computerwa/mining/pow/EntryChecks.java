package org.computerwa.mining.pow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.computerwa.mining.sha256.Sha256Engine;

/**
 * Checks a list of {@link HeaderEntry} rule by rule (see {@link
 * HeaderChainVerifier#checkEach(List)}): an entry's parent is the earlier entry at height - 1
 * whose hash its previous-block field names, and only ancestry proven that way is context.
 */
final class EntryChecks {
  private final Network network;
  private final Sha256Engine engine;

  EntryChecks(Network network, Sha256Engine engine) {
    this.network = network;
    this.engine = engine;
  }

  List<HeaderCheck> check(List<HeaderEntry> entries) {
    Rows rows = new Rows(entries.size());
    PowCheck pow = new PowCheck(network, engine);
    Map<BlockHash, Integer> byHash = new HashMap<>();
    long[] scratch = new long[11];
    int[] memo = {-1, -1};
    int[] rules = new int[ChainRules.RULES];
    List<HeaderCheck> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      HeaderEntry e = entries.get(i);
      byte[] b = e.bytesUnsafe();
      long h = e.rawHeight();
      rows.height[i] = h;
      rows.parent[i] = -1;
      if (b.length != BlockHeader.SIZE) {
        rows.height[i] = -1;
        out.add(new HeaderCheck(i, h, null, CheckStatus.FAIL, CheckStatus.NOT_APPLICABLE,
            CheckStatus.NOT_APPLICABLE, CheckStatus.NOT_APPLICABLE, CheckStatus.NOT_APPLICABLE,
            RejectReason.BAD_LENGTH));
        continue;
      }
      rows.bits[i] = BlockHeader.bitsAt(b, 0);
      rows.time[i] = BlockHeader.timeAt(b, 0);
      rows.version[i] = BlockHeader.versionAt(b, 0);
      RejectReason powReason = pow.check(b, 0);
      BlockHash hash = BlockHash.fromRaw(pow.hash, 0);
      CheckStatus link = CheckStatus.NOT_APPLICABLE;
      CheckStatus difficulty = CheckStatus.NOT_APPLICABLE;
      CheckStatus mtp = CheckStatus.NOT_APPLICABLE;
      int version = rows.version(network, i);
      int code = ChainRules.OK;
      boolean consecutive = h > 0 && i > 0 && entries.get(i - 1).rawHeight() == h - 1;
      if (consecutive) {
        Integer parent = byHash.get(BlockHash.fromRaw(b, 4));
        if (parent != null && rows.height[parent] == h - 1) {
          rows.parent[i] = parent;
          link = CheckStatus.OK;
          code = rows.contextual(network, i, Long.MAX_VALUE, memo, scratch, rules);
          difficulty = ChainRules.status(rules[ChainRules.BITS], rules[ChainRules.WARP]);
          mtp = ChainRules.status(rules[ChainRules.MTP]);
        } else {
          link = CheckStatus.FAIL;
          difficulty = CheckStatus.UNCHECKED;
          mtp = CheckStatus.UNCHECKED;
          code = RejectReason.BAD_PREV_HASH.ordinal();
        }
      } else {
        code = version;
      }
      RejectReason reason = powReason != null ? powReason : code >= 0 ? ChainRules.reason(code) : null;
      out.add(new HeaderCheck(i, h, hash, powReason == null ? CheckStatus.OK : CheckStatus.FAIL, link, difficulty,
          mtp, ChainRules.status(version), reason));
      byHash.put(hash, i);
    }
    return out;
  }

  /** Entries with parents resolved by hash; ancestry is only what parent links prove. */
  private static final class Rows extends ChainRules {
    final long[] height;
    final int[] bits;
    final long[] time;
    final int[] version;
    final int[] parent;

    Rows(int n) {
      height = new long[n];
      bits = new int[n];
      time = new long[n];
      version = new int[n];
      parent = new int[n];
    }

    @Override
    long height(int i) {
      return height[i];
    }

    @Override
    int bits(int i) {
      return bits[i];
    }

    @Override
    long time(int i) {
      return time[i];
    }

    @Override
    int version(int i) {
      return version[i];
    }

    @Override
    int parent(int i) {
      return parent[i];
    }

    @Override
    int ancestorAt(int i, long h) {
      int j = i;
      while (j >= 0 && height[j] > h) {
        j = parent[j];
      }
      return j >= 0 && height[j] == h ? j : -1;
    }
  }
}
