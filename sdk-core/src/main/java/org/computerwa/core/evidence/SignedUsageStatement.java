package org.computerwa.core.evidence;

import java.util.Objects;
import org.computerwa.core.VerificationException;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.Signature;

/**
 * A usage statement together with its device's EIP-712 signature.
 *
 * <pre>{@code
 * SignedUsageStatement signed = statement.sign(deviceKey, domain);
 * signed.verify(domain);   // throws unless statement.device() signed it in this domain
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SignedUsageStatement {
  private final UsageStatement statement;
  private final Signature signature;

  private SignedUsageStatement(UsageStatement statement, Signature signature) {
    this.statement = statement;
    this.signature = signature;
  }

  /**
   * Pairs a statement with a signature (not checked here; see {@link #verify(Eip712Domain)}).
   *
   * @param statement the statement
   * @param signature the device's signature over {@code statement.digest(domain)}
   * @return the pair
   */
  public static SignedUsageStatement of(UsageStatement statement, Signature signature) {
    return new SignedUsageStatement(Objects.requireNonNull(statement), Objects.requireNonNull(signature));
  }

  /**
   * The statement.
   *
   * @return the statement
   */
  public UsageStatement statement() {
    return statement;
  }

  /**
   * The device signature.
   *
   * @return the signature
   */
  public Signature signature() {
    return signature;
  }

  /**
   * Checks that the statement's device signed it in {@code domain}.
   *
   * @param domain the domain the device signs under
   * @throws VerificationException with reason {@code WRONG_SIGNER} or {@code BAD_SIGNATURE}
   */
  public void verify(Eip712Domain domain) {
    signature.verify(statement.digest(domain), statement.device());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedUsageStatement
        && statement.equals(((SignedUsageStatement) o).statement)
        && signature.equals(((SignedUsageStatement) o).signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statement, signature);
  }

  @Override
  public String toString() {
    return "SignedUsageStatement[" + statement + ", " + signature + "]";
  }
}
