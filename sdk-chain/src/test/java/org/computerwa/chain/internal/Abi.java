package org.computerwa.chain.internal;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;

/** ABI encoding of constructor arguments for deployment tests (static types only). */
public final class Abi {
  private Abi() {}

  /** One address word. */
  public static String address(String address) {
    return TypeEncoder.encode(new Address(address));
  }

  /** One uint256 word. */
  public static String uint(BigInteger value) {
    return TypeEncoder.encode(new Uint256(value));
  }

  /** Concatenated words. */
  public static String words(String... words) {
    return Arrays.stream(words).collect(Collectors.joining());
  }
}
