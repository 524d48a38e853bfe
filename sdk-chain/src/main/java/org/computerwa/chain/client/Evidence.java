package org.computerwa.chain.client;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.computerwa.chain.client.internal.Rpc;
import org.computerwa.chain.internal.contracts.EvidenceAnchor;
import org.computerwa.chain.internal.contracts.LeaseManager;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.VerificationException;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.AnchorRoot;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.core.money.TokenAmount;

/**
 * Usage evidence on-chain: attester keys, anchored statement batches, SLA credits from them.
 *
 * <pre>{@code
 * Eip712Domain usage = operator.evidence().usageDomain();      // devices sign statements in it
 * SignedUsageStatement signed = statement.sign(deviceKey, usage);
 * StatementBatch batch = StatementBatch.of(assetId.value(), from, to, List.of(signed), usage);
 * operator.evidence().authorizeAttester(assetId, attesterAddress);  // asset owner, once
 * operator.evidence().anchor(batch, attesterKey);                    // anyone may submit
 * TokenAmount credit = lessee.evidence().applySlaCredit(leaseId, batch, signed).value();
 * }</pre>
 *
 * <p>Roots are signed by an attester under the anchor's EIP-712 domain ({@link
 * AnchorRoot#domain}), so a signature is worthless on another chain or deployment. The periods
 * anchored for an asset never overlap and must have ended by the chain's clock.
 *
 * @since 0.1.0
 */
public final class Evidence {
  private final ComputeRwaClient client;
  private final Rpc rpc;

  Evidence(ComputeRwaClient client) {
    this.client = client;
    this.rpc = client.rpc();
  }

  /**
   * The EIP-712 domain devices sign their usage statements in (bound to this chain and anchor).
   *
   * @return the usage-statement domain
   */
  public Eip712Domain usageDomain() {
    return UsageStatement.domain(rpc.chainId(), anchorAddress());
  }

  /**
   * The EIP-712 domain attesters sign anchored roots in.
   *
   * @return the anchor-root domain
   */
  public Eip712Domain anchorDomain() {
    return AnchorRoot.domain(rpc.chainId(), anchorAddress());
  }

  /**
   * Authorises a key to sign roots for an asset; the asset owner only.
   *
   * @param asset the asset
   * @param attester the attester's address, not zero
   * @return the receipt
   * @throws ChainException REVERTED with {@code NotAssetOwner} for anyone but the owner
   */
  public Receipt authorizeAttester(AssetId asset, Address attester) {
    Assets.nonZero("attester", attester);
    return rpc.send(
            "authorise attester " + attester + " for asset " + asset,
            anchorHex(),
            anchor().setAttester(asset.value(), attester.toHex(), true).encodeFunctionCall())
        .receipt();
  }

  /**
   * Signs a batch's root with an attester key and anchors it.
   *
   * @param batch the statement batch
   * @param attesterKey an authorised attester of the batch's asset
   * @return the anchored root
   * @throws ValidationException (field {@code batch.periodEnd}) if the period has not ended by the
   *     chain's clock
   * @throws ChainException REVERTED with {@code NotAttester} for an unauthorised key, {@code
   *     PeriodNotContiguous} for a period that does not start where the key's last one ended
   */
  public Outcome<Bytes32> anchor(StatementBatch batch, SigningKey attesterKey) {
    return anchor(batch, batch.anchorRoot().sign(attesterKey, anchorDomain()));
  }

  /**
   * Anchors a batch's root with a signature made elsewhere (for example on the attester's own
   * machine, over {@code batch.anchorRoot().digest(anchorDomain())}).
   *
   * @param batch the statement batch
   * @param attesterSignature the attester's signature of the batch's anchor root
   * @return the anchored root
   * @throws ValidationException (field {@code batch.periodEnd}) if the period has not ended by the
   *     chain's clock
   * @throws ChainException REVERTED with {@code NotAttester} if the signature is not an
   *     authorised attester's
   */
  public Outcome<Bytes32> anchor(StatementBatch batch, Signature attesterSignature) {
    AnchorRoot root = batch.anchorRoot();
    Instant now = client.chainTime();
    if (root.periodEnd().isAfter(now)) {
      throw new ValidationException(
          "batch.periodEnd", root.periodEnd(), "must not be after the chain time " + now + " (only ended periods are anchored)");
    }
    Rpc.Sent sent =
        rpc.send(
            "anchor " + batch.statements().size() + " statement(s) of asset " + root.assetId(),
            anchorHex(),
            anchor()
                .anchor(
                    root.assetId(),
                    BigInteger.valueOf(root.periodStart().getEpochSecond()),
                    BigInteger.valueOf(root.periodEnd().getEpochSecond()),
                    root.root().toBytes(),
                    attesterSignature.toBytes())
                .encodeFunctionCall());
    return Outcome.of(root.root(), List.of(sent.receipt()));
  }

  /**
   * Applies the SLA credit an AVAILABILITY statement of an anchored batch proves; anyone may
   * submit it, the credit goes to the lessee (withdrawable from the lease manager). Settles the
   * lease first. The call carries the device's signature: the lease manager recovers it over the
   * statement's EIP-712 digest in the evidence anchor's usage domain ({@link #usageDomain()}) and
   * credits only a statement its device signed for this chain and this anchor.
   *
   * @param lease a running lease of the statement's asset
   * @param batch the anchored batch holding the statement
   * @param signed the statement with its device's signature (as the device agent produced it)
   * @return the credit paid to the lessee: the credited seconds' rent, less the holders' part
   *     that the holders' stream could no longer take back (missing evidence took it already),
   *     which stays with the holders
   * @throws ValidationException (field {@code statement}) if the statement is not AVAILABILITY or
   *     not in the batch
   * @throws VerificationException if the signature is not the statement's device's in this
   *     client's usage domain (checked before anything is sent)
   * @throws ChainException REVERTED with {@code NoCreditDue} when the downtime is within the
   *     grace period, {@code StatementNotApplicable} when the time is already paid out or the
   *     lease names no attester, {@code StatementAlreadyUsed} for a statement used before,
   *     {@code StatementOverlapsCredited} when its period overlaps one already credited to the
   *     lease for the same device, {@code StatementNotProven} when the lease's attester did not
   *     anchor the batch, {@code NotSignedByDevice} when the signature recovers to another key
   */
  public Outcome<TokenAmount> applySlaCredit(LeaseId lease, StatementBatch batch, SignedUsageStatement signed) {
    UsageStatement statement = signed.statement();
    if (statement.kind() != UsageKind.AVAILABILITY) {
      throw new ValidationException("statement.kind", statement.kind(), "must be AVAILABILITY to prove downtime");
    }
    List<byte[]> proof = new ArrayList<>();
    try {
      batch.proof(statement).siblings().forEach(s -> proof.add(s.toBytes()));
    } catch (ValidationException e) {
      throw e.within("statement");
    }
    signed.verify(usageDomain());
    AnchorRoot root = batch.anchorRoot();
    LeaseManager.UsageStatement onChain =
        new LeaseManager.UsageStatement(
            statement.assetId(),
            statement.device().toHex(),
            BigInteger.valueOf(statement.periodStart().getEpochSecond()),
            BigInteger.valueOf(statement.periodEnd().getEpochSecond()),
            BigInteger.valueOf(statement.kind().code()),
            statement.value(),
            BigInteger.valueOf(statement.availabilityBps()));
    Leases leases = client.leases();
    Rpc.Sent sent =
        rpc.send(
            "apply SLA credit to lease " + lease,
            client.deployment().leaseManager().toHex(),
            leases
                .manager()
                .applySlaCredit(
                    lease.value(),
                    onChain,
                    signed.signature().toBytes(),
                    BigInteger.valueOf(root.periodStart().getEpochSecond()),
                    BigInteger.valueOf(root.periodEnd().getEpochSecond()),
                    proof)
                .encodeFunctionCall());
    BigInteger credit = LeaseManager.getSlaCreditAppliedEvents(sent.raw()).get(0).credit;
    return Outcome.of(leases.amount(credit), List.of(sent.receipt()));
  }

  /**
   * The end of the last period an attester anchored for an asset (its roots cover the time up to
   * it without gaps).
   *
   * @param asset the asset
   * @param attester the attester
   * @return the end, empty when the attester anchored nothing for the asset
   */
  public Optional<Instant> anchoredUntil(AssetId asset, Address attester) {
    long until =
        rpc.view(
                "read the coverage of attester " + attester + " for asset " + asset,
                anchorHex(),
                anchor().coverage(asset.value(), attester.toHex()))
            .component2()
            .longValueExact();
    return until == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(until));
  }

  private Address anchorAddress() {
    return Address.fromHex(anchorHex());
  }

  private String anchorHex() {
    return client.deployment().evidenceAnchor().toHex();
  }

  private EvidenceAnchor anchor() {
    return EvidenceAnchor.load(anchorHex(), rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
  }
}
