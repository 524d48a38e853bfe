package org.computerwa.core.evidence;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.computerwa.core.ValidationException;
import org.computerwa.core.VerificationException;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.MerkleProof;
import org.computerwa.core.crypto.StandardMerkleTree;

/**
 * The signed usage statements of one asset over one period, committed to by a Merkle root that
 * OpenZeppelin's {@code StandardMerkleTree} and {@code MerkleProof} reproduce.
 *
 * <pre>{@code
 * StatementBatch batch = StatementBatch.of(assetId, start, end, signedStatements, usageDomain);
 * Bytes32 root = batch.root();
 * MerkleProof proof = batch.proof(signedStatements.get(0).statement());
 * AnchorRoot message = batch.anchorRoot();   // for the attester to sign
 * }</pre>
 *
 * <p>Building a batch checks every device signature, that each statement belongs to the asset
 * and lies within {@code [periodStart, periodEnd]}, and that no statement appears twice; a batch
 * that exists is one an attester can sign without re-checking. Leaves are
 * {@link UsageStatement#leafHash()}, computed for the whole batch by {@link
 * UsageStatement#leafHashes(List)} and built by {@link StandardMerkleTree#ofLeafHashes(byte[])}.
 *
 * @since 0.1.0
 */
public final class StatementBatch {
  private final AnchorRoot anchorRoot;
  private final List<SignedUsageStatement> statements;
  private final StandardMerkleTree tree;

  private StatementBatch(List<SignedUsageStatement> statements, StandardMerkleTree tree, AnchorRoot anchorRoot) {
    this.anchorRoot = anchorRoot;
    this.statements = statements;
    this.tree = tree;
  }

  /**
   * Checks and batches the statements.
   *
   * @param assetId the asset every statement must be about
   * @param periodStart the batch period's start; every statement starts at or after it
   * @param periodEnd the batch period's end; every statement ends at or before it
   * @param statements at least one signed statement, no duplicates
   * @param usageDomain the domain the devices signed under
   * @return the batch
   * @throws ValidationException naming {@code statements[i]...} if a statement does not fit
   * @throws VerificationException if a device signature does not check out
   */
  public static StatementBatch of(
      BigInteger assetId,
      Instant periodStart,
      Instant periodEnd,
      List<SignedUsageStatement> statements,
      Eip712Domain usageDomain) {
    AnchorRoot.of(assetId, periodStart, periodEnd, Bytes32.ZERO); // validates the period
    if (statements.isEmpty()) {
      throw new ValidationException("statements", "[]", "must contain at least one statement");
    }
    List<UsageStatement> unsigned = new ArrayList<>(statements.size());
    for (SignedUsageStatement signed : statements) {
      unsigned.add(signed.statement());
    }
    byte[] leaves = UsageStatement.leafHashes(unsigned);
    Set<Bytes32> seen = new HashSet<>();
    for (int i = 0; i < statements.size(); i++) {
      SignedUsageStatement signed = statements.get(i);
      UsageStatement s = signed.statement();
      String field = "statements[" + i + "]";
      if (!s.assetId().equals(assetId)) {
        throw new ValidationException(field + ".assetId", s.assetId(), "must be the batch's asset " + assetId);
      }
      if (s.periodStart().isBefore(periodStart)) {
        throw new ValidationException(field + ".periodStart", s.periodStart(), "must not be before the batch start " + periodStart);
      }
      if (s.periodEnd().isAfter(periodEnd)) {
        throw new ValidationException(field + ".periodEnd", s.periodEnd(), "must not be after the batch end " + periodEnd);
      }
      try {
        signed.verify(usageDomain);
      } catch (VerificationException e) {
        throw new VerificationException(e.reason(), field + ": " + e.getMessage());
      }
      if (!seen.add(Bytes32.of(Arrays.copyOfRange(leaves, 32 * i, 32 * i + 32)))) {
        throw new ValidationException(field, s, "must not repeat an earlier statement");
      }
    }
    StandardMerkleTree tree = StandardMerkleTree.ofLeafHashes(leaves);
    return new StatementBatch(
        List.copyOf(statements), tree, AnchorRoot.of(assetId, periodStart, periodEnd, tree.root()));
  }

  /**
   * The statements, in the order given.
   *
   * @return an unmodifiable list
   */
  public List<SignedUsageStatement> statements() {
    return statements;
  }

  /**
   * The Merkle root.
   *
   * @return the root
   */
  public Bytes32 root() {
    return tree.root();
  }

  /**
   * The Merkle tree itself, in OpenZeppelin's layout.
   *
   * @return the tree
   */
  public StandardMerkleTree tree() {
    return tree;
  }

  /**
   * The inclusion proof of one statement.
   *
   * @param statement a statement of this batch
   * @return its proof against {@link #root()}
   * @throws ValidationException if the statement is not in the batch
   */
  public MerkleProof proof(UsageStatement statement) {
    return tree.proof(statement.leafHash());
  }

  /**
   * The message an attester signs to anchor this batch; it also carries the batch's asset and
   * period.
   *
   * @return asset, period and root
   */
  public AnchorRoot anchorRoot() {
    return anchorRoot;
  }

  @Override
  public String toString() {
    return "StatementBatch[" + anchorRoot + ", " + statements.size() + " statements]";
  }
}
