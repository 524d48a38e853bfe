package org.computerwa.core.evidence;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.RejectedSignatureException;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SignedMessageRejection;

/**
 * The site's inbox for signed usage statements: it accepts each statement once, in period order
 * per device and kind, and batches what it holds for the attester.
 *
 * <pre>{@code
 * StatementCollector inbox = StatementCollector.forDomain(UsageStatement.domain(chainId, anchorAddress));
 * inbox.accept(statement, signatureBytes);                   // or RejectedSignatureException
 * StatementBatch batch = inbox.batch(assetId, start, end);  // hands the period over
 * }</pre>
 *
 * <p>Checks, in order: the signature's encoding ({@code MALFORMED_SIGNATURE}, {@code HIGH_S}),
 * that the statement's own device signed it in this domain ({@code WRONG_SIGNER}; a statement
 * signed for another chain id or deployment shows this way), that it was not accepted before
 * ({@code REPLAYED}), and that it lies after what the same device already reported for the same
 * asset and kind ({@code STALE_PERIOD} if it ends at or before that, {@code PERIOD_OVERLAP} if it
 * starts before it). Statements carry no nonce: the period is what makes each one unique and
 * ordered, so a device cannot report the same hour twice with different figures. Thread-safe.
 *
 * @since 0.1.0
 */
public final class StatementCollector {
  private final Eip712Domain domain;
  private final Map<Stream, Instant> reportedUntil = new HashMap<>();
  private final Set<Bytes32> accepted = new HashSet<>();
  private final List<SignedUsageStatement> held = new ArrayList<>();

  private StatementCollector(Eip712Domain domain) {
    this.domain = domain;
  }

  /**
   * A collector for statements signed in one usage domain.
   *
   * @param usageDomain {@link UsageStatement#domain(long, Address)} of the deployment
   * @return an empty collector
   */
  public static StatementCollector forDomain(Eip712Domain usageDomain) {
    return new StatementCollector(Objects.requireNonNull(usageDomain));
  }

  /**
   * Checks a signed statement and, if it passes, holds it for batching.
   *
   * @param statement the statement
   * @param signature the device's encoded signature, 65 bytes
   * @return the accepted statement with its signature
   * @throws RejectedSignatureException with the first failed check
   */
  public synchronized SignedUsageStatement accept(UsageStatement statement, byte[] signature) {
    Signature sig = Signature.decode(signature);
    Bytes32 digest = statement.digest(domain);
    sig.requireSigner(digest, statement.device(), "usage statement in " + domain);
    if (accepted.contains(digest)) {
      throw new RejectedSignatureException(SignedMessageRejection.REPLAYED, statement + " was already accepted");
    }
    Stream stream = new Stream(statement.assetId(), statement.device(), statement.kind());
    Instant until = reportedUntil.get(stream);
    if (until != null && !statement.periodEnd().isAfter(until)) {
      throw new RejectedSignatureException(SignedMessageRejection.STALE_PERIOD,
          statement + " ends at or before what the device already reported (" + until + ")");
    }
    if (until != null && statement.periodStart().isBefore(until)) {
      throw new RejectedSignatureException(SignedMessageRejection.PERIOD_OVERLAP,
          statement + " starts before the end of what the device already reported (" + until + ")");
    }
    accepted.add(digest);
    reportedUntil.put(stream, statement.periodEnd());
    SignedUsageStatement signed = SignedUsageStatement.of(statement, sig);
    held.add(signed);
    return signed;
  }

  /**
   * Batches the held statements of one asset that lie within a period, in the order accepted,
   * and stops holding them.
   *
   * @param assetId the asset
   * @param periodStart the batch's start
   * @param periodEnd the batch's end
   * @return the batch
   * @throws ValidationException if no held statement of the asset lies within the period
   */
  public synchronized StatementBatch batch(BigInteger assetId, Instant periodStart, Instant periodEnd) {
    List<SignedUsageStatement> chosen = new ArrayList<>();
    for (SignedUsageStatement s : held) {
      UsageStatement st = s.statement();
      if (st.assetId().equals(assetId) && !st.periodStart().isBefore(periodStart) && !st.periodEnd().isAfter(periodEnd)) {
        chosen.add(s);
      }
    }
    if (chosen.isEmpty()) {
      throw new ValidationException("period", periodStart + ".." + periodEnd,
          "must contain at least one held statement of asset " + assetId);
    }
    StatementBatch batch = StatementBatch.of(assetId, periodStart, periodEnd, chosen, domain);
    held.removeAll(chosen);
    return batch;
  }

  /** One device's statements of one kind for one asset: the key replays are detected under. */
  private record Stream(BigInteger assetId, Address device, UsageKind kind) {}
}
