package org.computerwa.core.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.computerwa.core.ValidationException;

/**
 * Computes an EIP-712 {@code hashStruct}: the Keccak-256 of the type hash followed by each member
 * encoded as one 32-byte word, in the order the type declares them.
 *
 * <pre>{@code
 * Bytes32 h = Eip712Struct.of("Person(string name,address wallet)")
 *     .string("Cow")
 *     .address(Address.fromHex("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"))
 *     .hash();
 * }</pre>
 *
 * <p>The caller supplies members in declaration order with the matching method: {@code string}
 * and {@code bytes} members are hashed, nested structs are given as their own {@code hashStruct}
 * through {@link #word(Bytes32)}. The encoder is a single-use builder and not thread-safe.
 *
 * @since 0.1.0
 */
public final class Eip712Struct {
  private final ByteArrayOutputStream encoded = new ByteArrayOutputStream();

  private Eip712Struct(Bytes32 typeHash) {
    encoded.writeBytes(typeHash.raw());
  }

  /**
   * Starts a struct of the given encoded type, such as
   * {@code "Mail(Person from,Person to,string contents)Person(string name,address wallet)"}.
   *
   * @param encodeType the EIP-712 {@code encodeType} string (primary type, then referenced types
   *     sorted by name)
   * @return the encoder
   */
  public static Eip712Struct of(String encodeType) {
    return new Eip712Struct(Keccak256.hashUtf8(encodeType));
  }

  /**
   * Starts a struct whose type hash is already known.
   *
   * @param typeHash {@code keccak256(encodeType)}
   * @return the encoder
   */
  public static Eip712Struct withTypeHash(Bytes32 typeHash) {
    return new Eip712Struct(typeHash);
  }

  /**
   * Appends an unsigned integer member ({@code uint8} ... {@code uint256}).
   *
   * @param value the value, in {@code [0, 2^256)}
   * @return this encoder
   */
  public Eip712Struct uint(BigInteger value) {
    encoded.writeBytes(Bytes32.fromUint(value).raw());
    return this;
  }

  /**
   * Appends an unsigned integer member given as a non-negative {@code long}.
   *
   * @param value the value, {@code >= 0}
   * @return this encoder
   * @throws ValidationException if the value is negative
   */
  public Eip712Struct uint(long value) {
    if (value < 0) {
      throw new ValidationException("value", value, "must be >= 0 for an unsigned member");
    }
    return uint(BigInteger.valueOf(value));
  }

  /**
   * Appends an {@code address} member.
   *
   * @param value the address
   * @return this encoder
   */
  public Eip712Struct address(Address value) {
    encoded.writeBytes(value.toWord().raw());
    return this;
  }

  /**
   * Appends a {@code bytes32} member, or a nested struct given as its {@code hashStruct}.
   *
   * @param value the word
   * @return this encoder
   */
  public Eip712Struct word(Bytes32 value) {
    encoded.writeBytes(value.raw());
    return this;
  }

  /**
   * Appends a {@code bool} member.
   *
   * @param value the flag
   * @return this encoder
   */
  public Eip712Struct bool(boolean value) {
    return uint(value ? 1 : 0);
  }

  /**
   * Appends a {@code string} member (encoded as the Keccak-256 of its UTF-8 bytes).
   *
   * @param value the text
   * @return this encoder
   */
  public Eip712Struct string(String value) {
    return word(Keccak256.hash(value.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Appends a dynamic {@code bytes} member (encoded as its Keccak-256).
   *
   * @param value the bytes
   * @return this encoder
   */
  public Eip712Struct bytes(byte[] value) {
    return word(Keccak256.hash(value));
  }

  /**
   * The {@code hashStruct} of the members appended so far.
   *
   * @return the Keccak-256 of the encoding
   */
  public Bytes32 hash() {
    return Keccak256.hash(encoded.toByteArray());
  }
}
