package org.computerwa.mining.pow;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.computerwa.core.ValidationException;

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
 * @param firstHeight the height of the first header, {@code >= 0}
 * @param headerCount how many headers were verified, {@code >= 1}
 * @param failures every rejected header, in index order, each with the first rule it broke, in
 *     Bitcoin Core's order: proof of work, linkage, difficulty, median time past, BIP94 time warp,
 *     future time, version; empty if valid; at most one per header, each within
 *     {@code headerCount} and at height {@code firstHeight + index}
 * @param chainWork the work of the headers before the first failure (Core's
 *     {@code GetBlockProof} summed): a failed header, and every header after it, which builds on
 *     it, add nothing; {@code >= 0}
 * @param tipHash the hash of the last header
 * @param uncheckedRules how many rule evaluations could not be made because their context
 *     precedes the first header (the first header's linkage and difficulty, early median-time-past,
 *     a retarget whose period start is missing); {@code >= 0}
 * @since 0.1.0
 */
public record ChainVerification(long firstHeight, int headerCount, List<HeaderFailure> failures,
    BigInteger chainWork, BlockHash tipHash, long uncheckedRules) {
  /**
   * Validates the result and copies the failures.
   *
   * @throws ValidationException naming the field, the value and the rule it breaks
   * @throws NullPointerException if a reference component is null
   */
  public ChainVerification {
    if (firstHeight < 0) {
      throw new ValidationException("chainVerification.firstHeight", firstHeight, "must be >= 0");
    }
    if (headerCount < 1) {
      throw new ValidationException("chainVerification.headerCount", headerCount, "must be >= 1");
    }
    failures = List.copyOf(failures);
    int previous = -1;
    for (int i = 0; i < failures.size(); i++) {
      int index = failures.get(i).index();
      if (index <= previous || index >= headerCount) {
        throw new ValidationException("chainVerification.failures[" + i + "].index", index,
            "must be above the previous failure's index " + previous + " and below headerCount " + headerCount);
      }
      long height = failures.get(i).height();
      if (height != firstHeight + index) {
        throw new ValidationException("chainVerification.failures[" + i + "].height", height,
            "must be firstHeight + index = " + (firstHeight + index));
      }
      previous = index;
    }
    if (Objects.requireNonNull(chainWork, "chainWork").signum() < 0) {
      throw new ValidationException("chainVerification.chainWork", chainWork, "must be >= 0");
    }
    Objects.requireNonNull(tipHash, "tipHash");
    if (uncheckedRules < 0) {
      throw new ValidationException("chainVerification.uncheckedRules", uncheckedRules, "must be >= 0");
    }
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
   * A summary: the failures are counted, not listed.
   *
   * @return for example {@code "ChainVerification{headers=2016, failures=0, chainWork=0x..., tip=...}"}
   */
  @Override
  public String toString() {
    return "ChainVerification{headers=" + headerCount + ", failures=" + failures.size() + ", chainWork=0x"
        + chainWork.toString(16) + ", tip=" + tipHash + "}";
  }
}
