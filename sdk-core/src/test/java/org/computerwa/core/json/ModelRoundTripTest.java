package org.computerwa.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelRoundTripTest {
  private static final ComputeRwaJson JSON = ComputeRwaJson.standard();

  static Iterable<String> names() {
    return ModelDocuments.NAMES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void everyModelReadsWritesAndReadsBackEqual(String name) {
    Class<?> type = ModelDocuments.TYPES.get(name);
    Object value = JSON.read(ModelDocuments.text(name), type);
    String written = JSON.write(value);
    assertThat(JSON.read(written, type)).isEqualTo(value);
    assertThat(JSON.write(JSON.read(written, type))).isEqualTo(written);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void writingLosesNothingOfTheDocument(String name) {
    String text = ModelDocuments.text(name);
    Object value = JSON.read(text, ModelDocuments.TYPES.get(name));
    assertThat(JSON.canonical(value)).isEqualTo(JSON.canonicalize(text));
  }
}
