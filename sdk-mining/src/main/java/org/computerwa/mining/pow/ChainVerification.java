package org.computerwa.mining.pow;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of verifying a contiguous header chain: every failure (typed, with index and
 * height), the chain work the headers add, the tip hash and how many rules lacked context.
 *
 * <pre>{@code
 * ChainVerification r = verifier.verify(firstHeight, headers);
 * if (!r.valid()) throw r.failures().get(0).toException();
 * r.chainWork();   // sum of floor(2^256 / (target + 1)) over the headers before the first failure
 * r.orThrow();     // or throw the first failure
 * }</pre>
 *
 * <p>Results of parallel and sequential runs over the same input are {@linkplain #equals equal}.
 *
 * @since 0.1.0
 */
public final class ChainVerification {
  private final long firstHeight;
  private final int headerCount;
  private final List<HeaderFailure> failures;
  private final BigInteger chainWork;
  private final BlockHash tipHash;
  private final long uncheckedRules;

  ChainVerification(long firstHeight, int headerCount, List<HeaderFailure> failures, BigInteger chainWork,
      BlockHash tipHash, long uncheckedRules) {
    this.firstHeight = firstHeight;
    this.headerCount = headerCount;
    this.failures = List.copyOf(failures);
    this.chainWork = chainWork;
    this.tipHash = tipHash;
    this.uncheckedRules = uncheckedRules;
  }

  /**
   * Whether no header broke any rule.
   *
   * @return {@code true} if {@link #failures()} is empty
   */
  public boolean valid() {
    return failures.isEmpty();
  }

  /**
   * Every rejected header, in index order, each with the first rule it broke, in Bitcoin Core's
   * order: proof of work, linkage, difficulty, median time past, BIP94 time warp, future time,
   * version.
   *
   * @return the failures; empty if valid
   */
  public List<HeaderFailure> failures() {
    return failures;
  }

  /**
   * Throws the first failure, if any.
   *
   * @return this result, if valid
   * @throws HeaderVerificationException for the first rejected header
   */
  public ChainVerification orThrow() {
    if (!failures.isEmpty()) {
      throw failures.get(0).toException();
    }
    return this;
  }

  /**
   * The height of the first header.
   *
   * @return the first height
   */
  public long firstHeight() {
    return firstHeight;
  }

  /**
   * How many headers were verified.
   *
   * @return the count
   */
  public int headerCount() {
    return headerCount;
  }

  /**
   * The work of the headers before the first failure (Core's {@code GetBlockProof} summed): a
   * failed header, and every header after it, which builds on it, add nothing.
   *
   * @return the chain work of this segment's valid prefix
   */
  public BigInteger chainWork() {
    return chainWork;
  }

  /**
   * The hash of the last header.
   *
   * @return the tip hash
   */
  public BlockHash tipHash() {
    return tipHash;
  }

  /**
   * How many rule evaluations could not be made because their context precedes the first header
   * (the first header's linkage and difficulty, early median-time-past, a retarget whose period
   * start is missing).
   *
   * @return the number of unchecked rule evaluations
   */
  public long uncheckedRules() {
    return uncheckedRules;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ChainVerification)) {
      return false;
    }
    ChainVerification c = (ChainVerification) o;
    return firstHeight == c.firstHeight && headerCount == c.headerCount && failures.equals(c.failures)
        && chainWork.equals(c.chainWork) && tipHash.equals(c.tipHash) && uncheckedRules == c.uncheckedRules;
  }

  @Override
  public int hashCode() {
    return Objects.hash(firstHeight, headerCount, failures, chainWork, tipHash, uncheckedRules);
  }

  @Override
  public String toString() {
    return "ChainVerification{headers=" + headerCount + ", failures=" + failures.size() + ", chainWork=0x"
        + chainWork.toString(16) + ", tip=" + tipHash + "}";
  }
}
