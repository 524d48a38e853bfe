package org.computerwa.examples.sha256;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Sha256ExampleTest {

  @Test
  void theDefaultTextGivesTheFips180ExampleDigest() {
    List<String> lines = run();
    // FIPS 180-4 example "abc" (NIST CSRC example values, SHA256.pdf)
    assertThat(lines.get(0)).isEqualTo("sha256  ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "hello", "", "a longer text with ünïcödé that spans more than one 64-byte block of SHA-256 input"})
  void everyLineAgreesWithTheJdkDigest(String text) throws Exception {
    MessageDigest jdk = MessageDigest.getInstance("SHA-256");
    byte[] once = jdk.digest(text.getBytes(StandardCharsets.UTF_8));
    byte[] twice = jdk.digest(once);
    List<String> lines = run(text);
    assertThat(lines).containsExactly(
        "sha256  " + HexFormat.of().formatHex(once),
        "sha256d " + HexFormat.of().formatHex(twice),
        "streamed " + HexFormat.of().formatHex(once));
  }

  private static List<String> run(String... text) {
    String[] args = new String[text.length + 1];
    args[0] = "example-sha256";
    System.arraycopy(text, 0, args, 1, text.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    return out.toString().lines().toList();
  }
}
