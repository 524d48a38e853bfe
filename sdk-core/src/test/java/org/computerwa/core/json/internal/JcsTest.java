package org.computerwa.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.computerwa.core.ValidationException;
import org.computerwa.core.json.ComputeRwaJson;
import org.junit.jupiter.api.Test;

/** Examples from RFC 8785 (sections 3.2.2 and 3.2.3), minus the non-integer numbers the SDK refuses. */
class JcsTest {
  private static final ComputeRwaJson JSON = ComputeRwaJson.standard();

  @Test
  void sortsMembersByUtf16CodeUnitsAsInTheRfcExample() {
    String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
        + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
        + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
    // The emoji (surrogates D83D DE00) sorts before U+FB33, unlike code-point order.
    assertThat(JSON.canonicalize(input)).isEqualTo(
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
            + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
            + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void escapesStringsAndLiteralsAsInTheRfcExample() {
    String input = "{\n  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
        + "  \"literals\": [null, true, false]\n}";
    assertThat(JSON.canonicalize(input))
        .isEqualTo("{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void writesIntegersPlainlyUpToTwoToThe53() {
    assertThat(JSON.canonicalize("{\"a\":[0,-0,9007199254740992,-9007199254740992]}"))
        .isEqualTo("{\"a\":[0,0,9007199254740992,-9007199254740992]}");
  }

  @Test
  void refusesUnpairedSurrogates() {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("s", "\ud83d");
    assertThatThrownBy(() -> Jcs.canonicalize(node))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("s"));
  }

  @Test
  void canonicalFormIsAFixedPoint() throws Exception {
    String once = JSON.canonicalize("{ \"b\": {\"y\": 1, \"x\": [true, {\"q\": null, \"p\": \"\\u0000\"}]}, \"a\": \"\" }");
    assertThat(JSON.canonicalize(once)).isEqualTo(once);
    assertThat(new ObjectMapper().readTree(once)).isNotNull();
  }
}
