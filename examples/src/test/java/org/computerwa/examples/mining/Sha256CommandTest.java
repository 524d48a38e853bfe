package org.computerwa.examples.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256CommandTest {
  @TempDir Path dir;

  @Test
  void printsTheNistDigestOfEveryLineInOrder() throws IOException {
    List<String> messages = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    int len = 0;
    String msg = "";
    for (String line : CliRun.resource("sha256/nist/SHA256ShortMsg.rsp").split("\r?\n")) {
      if (line.startsWith("Len = ")) {
        len = Integer.parseInt(line.substring(6).trim());
      } else if (line.startsWith("Msg = ")) {
        msg = line.substring(6).trim().substring(0, len / 4);
      } else if (line.startsWith("MD = ")) {
        messages.add(msg);
        digests.add(line.substring(5).trim());
      }
    }
    assertThat(messages).contains("");
    Path file = Files.write(dir.resolve("nist.txt"), messages);
    CliRun r = CliRun.run("sha256", "--hex-lines", file.toString());
    assertThat(r.code).isZero();
    assertThat(r.lines()).containsExactlyElementsOf(digests);
  }

  @Test
  void doubleHashesWithDouble() throws IOException {
    List<Map<String, String>> rows = CliRun.csv("sha256/summa_hash256.csv");
    Path file = Files.write(dir.resolve("d.txt"), rows.stream().map(r -> r.get("message_hex")).toList());
    CliRun r = CliRun.run("sha256", "--double", "--hex-lines", file.toString());
    assertThat(r.code).isZero();
    assertThat(r.lines()).containsExactlyElementsOf(rows.stream().map(r2 -> r2.get("double_sha256_hex")).toList());
  }

  @Test
  void aNonHexLineExitsTwoAndPrintsNoDigests() throws IOException {
    Path file = Files.write(dir.resolve("bad.txt"), List.of("616263", "61626", "zz"));
    CliRun r = CliRun.run("sha256", "--hex-lines", file.toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("line 2").contains("61626");
  }

  @Test
  void aMissingFileExitsTwo() {
    CliRun r = CliRun.run("sha256", "--hex-lines", dir.resolve("none.txt").toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(r.err).contains("none.txt");
  }
}
