package org.computerwa.examples.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in the documented form stay valid: a statements file exactly as the CLI documents it, and
 * what {@code evidence sign} printed for it when it was added, are kept unchanged in the test
 * resources. Fields the statements gain later must have defaults, so these files keep working.
 */
class DocumentedFormTest {
  @TempDir Path dir;

  private Cli sign(Path statements) {
    return Cli.run("evidence", "sign", "--key", EvidenceCommandTest.KEY, "--chain-id", "31337", "--contract",
        EvidenceCommandTest.CONTRACT, "--in", statements.toString());
  }

  @Test
  void aStatementsFileInTheDocumentedFormSigns() {
    Cli r = sign(Cli.resource(dir, "statements-documented-form.json"));
    assertThat(r.code).as(r.err).isZero();
    JsonNode rows = r.json();
    assertThat(rows).hasSize(2);
    JsonNode message = rows.get(0).get("typedData").get("message");
    assertThat(message.get("assetId").asText()).isEqualTo("1");
    assertThat(message.get("periodStart").asLong()).isEqualTo(1_795_824_000L); // 2026-11-28T00:00:00Z
    assertThat(message.get("kind").asInt()).isZero(); // AVAILABILITY
    assertThat(message.get("value").asText()).isEqualTo("3420");
    assertThat(message.get("availabilityBps").asInt()).isEqualTo(9500);
  }

  @Test
  void whatSignPrintedThenIsStillWhatItPrintsAndStillBatches() throws Exception {
    Path kept = Cli.resource(dir, "signed-documented-form.json");
    Cli now = sign(Cli.resource(dir, "statements-documented-form.json"));
    assertThat(now.json()).isEqualTo(Cli.JSON.readTree(kept.toFile()));
    Cli keptBatch = Cli.run("evidence", "batch", "--in", kept.toString());
    assertThat(keptBatch.code).as(keptBatch.err).isZero();
    Cli nowBatch = Cli.run("evidence", "batch", "--in", Cli.write(dir, "now.json", now.out).toString());
    assertThat(keptBatch.json()).isEqualTo(nowBatch.json());
    assertThat(keptBatch.json().get("leaves")).hasSize(2);
  }
}
