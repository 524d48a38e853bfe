package org.computerwa.core.evidence;

import org.computerwa.core.ValidationException;
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
 * @param statement the statement
 * @param signature the device's signature over {@code statement.digest(domain)}
 * @since 0.1.0
 */
public record SignedUsageStatement(UsageStatement statement, Signature signature) {
  /**
   * Pairs a statement with a signature (not checked here; see {@link #verify(Eip712Domain)});
   * {@link #of} is the documented entry point.
   *
   * @param statement the statement
   * @param signature the device's signature over {@code statement.digest(domain)}
   * @throws ValidationException if either is missing
   */
  public SignedUsageStatement {
    if (statement == null) {
      throw new ValidationException("statement", null, "is required");
    }
    if (signature == null) {
      throw new ValidationException("signature", null, "is required");
    }
  }

  /**
   * Pairs a statement with a signature (not checked here; see {@link #verify(Eip712Domain)}).
   *
   * @param statement the statement
   * @param signature the device's signature over {@code statement.digest(domain)}
   * @return the pair
   */
  public static SignedUsageStatement of(UsageStatement statement, Signature signature) {
    return new SignedUsageStatement(statement, signature);
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
  public String toString() {
    return "SignedUsageStatement[" + statement + ", " + signature + "]";
  }
}
