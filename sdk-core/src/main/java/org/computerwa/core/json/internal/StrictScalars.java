package org.computerwa.core.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;

/**
 * Strict JSON forms of the scalar types the models use: every one travels as a JSON string and
 * nothing else is accepted. Integers of money ({@link BigInteger}) are strings of digits,
 * decimal quantities ({@link BigDecimal}) plain decimal strings, instants ISO-8601 UTC strings,
 * durations ISO-8601 durations, time zones region IDs, addresses EIP-55 hex.
 *
 * <p>Errors are thrown as {@link ValidationException} with field {@code "$"}; the mapper
 * replaces it with the JSON path of the value.
 */
public final class StrictScalars {
  /** Longest integer string accepted: uint256 has 78 digits, a sign makes 79. */
  static final int MAX_INTEGER_CHARS = 80;

  /** Longest decimal string accepted. */
  static final int MAX_DECIMAL_CHARS = 60;

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private StrictScalars() {}

  /**
   * The Jackson module with the strict serializers and deserializers.
   *
   * @return a new module
   */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("computerwa-strict-scalars");
    register(module, BigInteger.class, StrictScalars::integer, BigInteger::toString);
    register(module, BigDecimal.class, StrictScalars::decimal, BigDecimal::toPlainString);
    register(module, Instant.class, text -> parse(text, Instant::parse,
        "must be an ISO-8601 UTC instant such as 2026-01-01T00:00:00Z"), Instant::toString);
    register(module, Duration.class, text -> parse(text, Duration::parse,
        "must be an ISO-8601 duration such as PT4H"), Duration::toString);
    register(module, ZoneId.class, text -> parse(text, ZoneId::of,
        "must be a time zone ID such as America/Chicago"), ZoneId::getId);
    register(module, Address.class, StrictScalars::address, Address::toChecksumHex);
    return module;
  }

  private static <T> void register(
      SimpleModule module, Class<T> type, Function<String, T> reader, Function<T, String> writer) {
    module.addDeserializer(type, new StringOnly<>(type, reader));
    module.addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
          throws IOException {
        gen.writeString(writer.apply(value));
      }
    });
  }

  private static BigInteger integer(String text) {
    if (text.length() > MAX_INTEGER_CHARS || !INTEGER.matcher(text).matches()) {
      throw new ValidationException("$", text,
          "must be an integer string of at most " + MAX_INTEGER_CHARS + " digits such as \"1000000\"");
    }
    return new BigInteger(text);
  }

  private static BigDecimal decimal(String text) {
    if (text.length() > MAX_DECIMAL_CHARS || !DECIMAL.matcher(text).matches()) {
      throw new ValidationException("$", text,
          "must be a plain decimal string such as \"989.4\" (no exponent, at most "
              + MAX_DECIMAL_CHARS + " characters)");
    }
    return new BigDecimal(text);
  }

  private static Address address(String text) {
    try {
      return Address.fromHex(text);
    } catch (ValidationException e) {
      throw new ValidationException("$", text, e.rule(), e);
    }
  }

  private static <T> T parse(String text, Function<String, T> parser, String rule) {
    try {
      return parser.apply(text);
    } catch (DateTimeException | ArithmeticException e) {
      throw new ValidationException("$", text, rule, e);
    }
  }

  /** Reads a value from a JSON string only; any other token is rejected. */
  private static final class StringOnly<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final Function<String, T> reader;

    StringOnly(Class<T> type, Function<String, T> reader) {
      this.type = type;
      this.reader = reader;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        String shown = p.currentToken() != null && p.currentToken().isScalarValue()
            ? p.getText() : String.valueOf(p.currentToken());
        throw new ValidationException("$", shown, "must be a JSON string" + hint());
      }
      return reader.apply(p.getText());
    }

    private String hint() {
      if (type == BigInteger.class) {
        return " of digits (amounts travel as base-unit strings such as \"1000000\", never as JSON numbers)";
      }
      if (type == BigDecimal.class) {
        return " such as \"989.4\" (decimal quantities are strings, never JSON numbers)";
      }
      return "";
    }

    @Override
    public Class<?> handledType() {
      return type;
    }
  }
}
