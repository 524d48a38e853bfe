package org.computerwa.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code json/bad-inputs.txt} is refused with a ValidationException naming its field. */
class BadInputCorpusTest {
  private static final ComputeRwaJson JSON = ComputeRwaJson.standard();
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final String HOLE = "@@value@@";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(deep|digits|chars):(\\d+)}");

  static List<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    String[] lines = ModelDocuments.resource("bad-inputs.txt").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(" \\| ?", 3);
      String input = parts.length < 3 ? "" : parts[2].strip();
      cases.add(Arguments.of(i + 1, parts[0].strip(), parts[1].strip(), input));
    }
    return cases;
  }

  @Test
  void theCorpusHoldsAtLeastFortyCases() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "line {0}: {2} -> {1}: {3}")
  @MethodSource("cases")
  void isRefusedWithAValidationExceptionNamingTheField(int line, String field, String model, String input)
      throws JsonProcessingException {
    Class<?> type = ModelDocuments.TYPES.get(model);
    assertThat(type).as("model %s on line %d", model, line).isNotNull();
    String json = expand(input.startsWith("patch ") ? patch(model, input) : input);
    assertThatThrownBy(() -> JSON.read(json, type))
        .as("line %d", line)
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).as("field of: %s", e.getMessage()).isEqualTo(field);
          assertThat(e.rule()).isNotBlank();
          assertThat(e.getMessage()).doesNotContain("$Json").doesNotContain("org.computerwa");
        });
  }

  private static String patch(String model, String input) throws JsonProcessingException {
    String[] parts = input.split(" ", 3);
    JsonPointer pointer = JsonPointer.compile(parts[1]);
    ObjectNode doc = (ObjectNode) PLAIN.readTree(ModelDocuments.text(model));
    ObjectNode parent = (ObjectNode) doc.at(pointer.head());
    String name = pointer.last().getMatchingProperty();
    if (parts[2].equals("<remove>")) {
      parent.remove(name);
      return PLAIN.writeValueAsString(doc);
    }
    parent.set(name, TextNode.valueOf(HOLE));
    return PLAIN.writeValueAsString(doc).replace("\"" + HOLE + "\"", parts[2]);
  }

  private static String expand(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int n = Integer.parseInt(m.group(2));
      String replacement;
      switch (m.group(1)) {
        case "deep":
          replacement = "[".repeat(n) + "]".repeat(n);
          break;
        case "digits":
          replacement = "1".repeat(n);
          break;
        default:
          replacement = "a".repeat(n);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
