package org.computerwa.chain.devchain;

import java.util.Locale;
import java.util.Objects;
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
 */
public final class DevAccount {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
  private static final Pattern KEY = Pattern.compile("0x[0-9a-f]{64}");

  private final String address;
  private final String privateKeyHex;

  private DevAccount(String address, String privateKeyHex) {
    this.address = address;
    this.privateKeyHex = privateKeyHex;
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
    String a = Objects.requireNonNull(address, "address").toLowerCase(Locale.ROOT);
    if (!ADDRESS.matcher(a).matches()) {
      throw new ValidationException("address", address, "must be 0x followed by 40 hex digits");
    }
    String k = Objects.requireNonNull(privateKeyHex, "privateKeyHex").toLowerCase(Locale.ROOT);
    if (!KEY.matcher(k).matches()) {
      throw new ValidationException(
          "privateKeyHex", "<redacted>", "must be 0x followed by 64 hex digits");
    }
    return new DevAccount(a, k);
  }

  /**
   * The address, lower-case 0x-prefixed hex.
   *
   * @return the address
   */
  public String address() {
    return address;
  }

  /**
   * The private key, lower-case 0x-prefixed hex.
   *
   * @return the private key
   */
  public String privateKeyHex() {
    return privateKeyHex;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DevAccount && ((DevAccount) o).address.equals(address);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }

  /** Returns the address only; the key is never printed. */
  @Override
  public String toString() {
    return "DevAccount{" + address + "}";
  }
}
