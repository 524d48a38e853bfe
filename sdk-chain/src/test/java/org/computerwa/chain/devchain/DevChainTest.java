package org.computerwa.chain.devchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

class DevChainTest {

  private static String chainIdOf(String url) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void startsAnvilThatAnswersOnLoopbackAndStopsOnClose() throws Exception {
    DevChain chain = DevChain.builder().accounts(3).chainId(4242).build();
    try {
      assertThat(chain.rpcUrl()).startsWith("http://127.0.0.1:").endsWith(":" + chain.port());
      assertThat(chain.isRunning()).isTrue();
      assertThat(chain.chainId()).isEqualTo(4242);
      assertThat(chainIdOf(chain.rpcUrl())).contains("\"result\":\"0x1092\"");
      assertThat(chain.binary()).endsWith("anvil");
    } finally {
      chain.close();
    }
    assertThat(chain.isRunning()).isFalse();
    chain.close();
  }

  @Test
  void exposesTheFundedAccountsWithTheirKeys() {
    try (DevChain chain = DevChain.builder().accounts(2).build()) {
      assertThat(chain.accounts())
          .extracting(DevAccount::address)
          .containsExactly(
              "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
              "0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
      assertThat(chain.accounts().get(0).privateKeyHex())
          .isEqualTo("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
      assertThat(chain.accounts().get(0).toString()).doesNotContain("ac0974");
    }
  }

  @Test
  void twoChainsRunSideBySideOnDifferentPorts() {
    try (DevChain a = DevChain.builder().accounts(1).build();
        DevChain b = DevChain.builder().accounts(1).build()) {
      assertThat(a.port()).isNotEqualTo(b.port());
    }
  }

  @Test
  void findsTheNpmInstalledBinaryInTheToolchainDirectory() {
    Path moduleDir = Path.of(System.getProperty("computerwa.chain.moduleDir", "."));
    try (DevChain chain = DevChain.builder().toolchainDirectory(moduleDir).accounts(1).build()) {
      assertThat(Path.of(chain.binary()))
          .isEqualTo(moduleDir.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"));
    }
  }

  @Test
  void aMissingExplicitBinaryFailsWithoutRetrying() {
    assertThatThrownBy(() -> DevChain.builder().anvilBinary(Path.of("/nonexistent/anvil")).build())
        .isInstanceOf(DevChainException.class)
        .hasMessageContaining("/nonexistent/anvil")
        .matches(e -> !((DevChainException) e).retryable());
  }

  @Test
  void rejectsOutOfRangeSettingsNamingTheField() {
    assertThatThrownBy(() -> DevChain.builder().accounts(0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("accounts");
    assertThatThrownBy(() -> DevChain.builder().chainId(0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("chainId");
    assertThatThrownBy(() -> DevChain.builder().startupTimeout(Duration.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("startupTimeout");
  }

  @Test
  void devAccountRejectsMalformedHexAndNeverEchoesTheKey() {
    assertThatThrownBy(() -> DevAccount.of("0x12", "0x" + "1".repeat(64)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("address");
    assertThatThrownBy(() -> DevAccount.of("0x" + "a".repeat(40), "0xsecret"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("privateKeyHex")
        .hasMessageNotContaining("secret");
  }
}
