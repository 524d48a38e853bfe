package org.computerwa.chain.devchain;

import java.util.Locale;
import java.util.regex.Pattern;
import org.computerwa.core.ValidationException;

/**
 * A funded account of a {@link DevChain}: its address and its private key.
 *
 * <pre>{@code
 * DevAccount deployer = chain.accounts().get(0);
 * String address = deployer.address();       // "0xf39f..."
 * String key = deployer.privateKeyHex();      // "0xac09..."
 * }</pre>
 *
 * <p>The keys are the well-known development keys anvil derives from its test mnemonic. They
 * hold value on no real network and must never be used on one; {@link #toString()} omits the key.
 *
 * @param address the address, lower-case 0x-prefixed hex
 * @param privateKeyHex the private key, lower-case 0x-prefixed hex
 */
public record DevAccount(String address, String privateKeyHex) {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
  private static final Pattern KEY = Pattern.compile("0x[0-9a-f]{64}");

  /**
   * Checks an account and writes both in lower case; {@link #of} is the documented entry point.
   *
   * @param address the 20-byte address, 0x-prefixed hex in any case
   * @param privateKeyHex the 32-byte secp256k1 private key, 0x-prefixed hex in any case
   * @throws ValidationException when either is missing or not hex of the right length (the key
   *     itself is never put in the message)
   */
  public DevAccount {
    if (address == null) {
      throw new ValidationException("address", null, "is required");
    }
    if (privateKeyHex == null) {
      throw new ValidationException("privateKeyHex", null, "is required");
    }
    String given = address;
    address = address.toLowerCase(Locale.ROOT);
    if (!ADDRESS.matcher(address).matches()) {
      throw new ValidationException("address", given, "must be 0x followed by 40 hex digits");
    }
    privateKeyHex = privateKeyHex.toLowerCase(Locale.ROOT);
    if (!KEY.matcher(privateKeyHex).matches()) {
      throw new ValidationException(
          "privateKeyHex", "<redacted>", "must be 0x followed by 64 hex digits");
    }
  }

  /**
   * Creates an account from its address and key, both 0x-prefixed hex (case-insensitive).
   *
   * @param address the 20-byte address
   * @param privateKeyHex the 32-byte secp256k1 private key
   * @return the account
   * @throws ValidationException when either is not hex of the right length
   */
  public static DevAccount of(String address, String privateKeyHex) {
    return new DevAccount(address, privateKeyHex);
  }



  /** Returns the address only; the key is never printed. */
  @Override
  public String toString() {
    return "DevAccount{" + address + "}";
  }
}
