package org.computerwa.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recompiles the Solidity sources with the pinned compiler and compares to what is committed. */
class ArtifactsUpToDateTest {
  private static final Path MODULE =
      Path.of(System.getProperty("computerwa.chain.moduleDir", ".")).toAbsolutePath();

  private static List<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static void assertSameArtifacts(Path fresh, Path committed) throws IOException {
    assertThat(names(committed))
        .as("committed artifacts in %s (run `node scripts/compile.mjs` in sdk-chain)", committed)
        .isEqualTo(names(fresh));
    for (String name : names(fresh)) {
      assertThat(Files.readString(committed.resolve(name), StandardCharsets.UTF_8))
          .as("%s is stale; run `node scripts/compile.mjs` in sdk-chain and commit", name)
          .isEqualTo(Files.readString(fresh.resolve(name), StandardCharsets.UTF_8));
    }
  }

  @Test
  void committedArtifactsMatchAFreshCompilation(@TempDir Path out) throws Exception {
    Process node =
        new ProcessBuilder("node", "scripts/compile.mjs", "--out", out.toString())
            .directory(MODULE.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(node.exitValue()).as("compile.mjs output:%n%s", output).isZero();

    assertThat(names(out.resolve("main"))).contains("TestStablecoin.json");
    assertSameArtifacts(
        out.resolve("main"),
        MODULE.resolve("src/main/resources/org/computerwa/chain/internal/artifacts"));
    assertSameArtifacts(
        out.resolve("test"),
        MODULE.resolve("src/test/resources/org/computerwa/chain/internal/testartifacts"));
    assertThat(names(out.resolve("firstwave"))).contains("LeaseManager.json");
    assertSameArtifacts(
        out.resolve("firstwave"),
        MODULE.resolve("src/test/resources/org/computerwa/chain/internal/firstwave"));
  }
}
