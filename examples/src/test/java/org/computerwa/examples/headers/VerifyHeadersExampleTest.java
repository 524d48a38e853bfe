package org.computerwa.examples.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;

class VerifyHeadersExampleTest {

  @Test
  void theSubcommandPrintsThePublishedHashOfEachBlockAndRefusesTheTamperedHeader() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("example-verify-headers");
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    Map<Long, String> published = publishedHashes();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(8);
    for (int i = 0; i < 6; i++) {
      long height = VerifyHeadersExample.FIRST_HEIGHT + i;
      assertThat(lines.get(i)).isEqualTo("block " + height + " " + published.get(height));
    }
    assertThat(lines.get(6))
        .startsWith("chain valid: true, tip " + published.get(VerifyHeadersExample.FIRST_HEIGHT + 5));
    assertThat(lines.get(7)).isEqualTo("tampered header: HIGH_HASH");
  }

  @Test
  void theExampleReportsSuccessWhenRunDirectly() {
    assertThat(VerifyHeadersExample.run(new PrintWriter(new StringWriter()))).isTrue();
  }

  /** Block hashes as published, from the test data (see testdata/PROVENANCE.md). */
  private static Map<Long, String> publishedHashes() throws Exception {
    Map<Long, String> hashes = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        VerifyHeadersExampleTest.class.getResourceAsStream("/testdata/headers/mainnet_header_chains.csv"),
        StandardCharsets.UTF_8))) {
      r.lines().skip(1).map(l -> l.split(",")).filter(f -> f[0].equals("A") && f[4].equals("main"))
          .forEach(f -> hashes.put(Long.parseLong(f[1]), f[3]));
    }
    return hashes;
  }
}
