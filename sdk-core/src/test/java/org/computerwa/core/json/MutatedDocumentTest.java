package org.computerwa.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;
import org.computerwa.core.Seeds;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of every valid model document: each result is either read into a valid
 * value that writes and reads back equal, or refused with a ValidationException; nothing else.
 */
class MutatedDocumentTest {
  private static final ComputeRwaJson JSON = ComputeRwaJson.standard();
  private static final String ALPHABET = "{}[]\":,0123456789-+.eE aAzZ\\u/\u00e9\u20ac\n\t";

  @Test
  void mutatedDocumentsAreEitherValidOrRefusedWithAValidationException() {
    long seed = Seeds.seed("MutatedDocumentTest.mutations");
    SplittableRandom random = new SplittableRandom(seed);
    int accepted = 0;
    int refused = 0;
    for (String name : ModelDocuments.NAMES) {
      Class<?> type = ModelDocuments.TYPES.get(name);
      String original = ModelDocuments.text(name);
      for (int i = 0; i < 150; i++) {
        String mutated = mutate(original, random);
        Object value;
        try {
          value = JSON.read(mutated, type);
        } catch (ValidationException e) {
          assertThat(e.field()).as("seed %d, input %s", seed, mutated).isNotBlank();
          refused++;
          continue;
        } catch (RuntimeException e) {
          throw new AssertionError("seed " + seed + ": " + e + " for input " + mutated, e);
        }
        accepted++;
        Object again = JSON.read(JSON.write(value), type);
        if (!again.equals(value)) {
          fail("seed %d: %s does not read back equal from %s", seed, value, mutated);
        }
      }
    }
    System.out.println("[mutations] accepted " + accepted + ", refused " + refused);
    assertThat(refused).as("seed %d", seed).isGreaterThan(accepted);
  }

  private static String mutate(String text, SplittableRandom random) {
    StringBuilder out = new StringBuilder(text);
    int edits = random.nextInt(1, 4);
    for (int e = 0; e < edits && out.length() > 0; e++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(5)) {
        case 0:
          out.deleteCharAt(at);
          break;
        case 1:
          out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          break;
        case 2:
          out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          break;
        case 3:
          int end = Math.min(out.length(), at + random.nextInt(1, 30));
          out.insert(at, out.substring(at, end));
          break;
        default:
          int to = Math.min(out.length(), at + random.nextInt(1, 30));
          out.delete(at, to);
      }
    }
    return out.toString();
  }
}
