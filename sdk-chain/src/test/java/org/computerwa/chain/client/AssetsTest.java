package org.computerwa.chain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.asset.ComputeAsset;
import org.junit.jupiter.api.Test;

/** Asset registration and share issuance through the client. */
class AssetsTest extends OnFreshDeployment {

  @Test
  void registrationIsOneTransactionAndStoresTheSpecHash() {
    ComputeAsset node = f.gpuNode("gpu-node-assets");
    Outcome<AssetId> registered = f.platform.assets().register(node);
    assertThat(registered.receipts()).hasSize(1);
    assertThat(registered.receipts()).allSatisfy(r -> assertThat(r.gasUsed()).isPositive());
    assertThat(registered.gasUsed()).isEqualTo(registered.receipts().stream().mapToLong(Receipt::gasUsed).sum());
    assertThat(f.operator.assets().specHash(registered.value())).isEqualTo(node.specHash());
    assertThat(f.operator.assets().totalShares(registered.value())).isZero();
  }

  @Test
  void registeringTheSameSpecTwiceRevertsWithDuplicateSpecHash() {
    ComputeAsset node = f.gpuNode("gpu-node-twice");
    AssetId first = f.platform.assets().register(node).value();
    assertThatThrownBy(() -> f.platform.assets().register(node))
        .isInstanceOfSatisfying(ChainException.class, e -> {
          assertThat(e.errorName()).contains("DuplicateSpecHash");
          assertThat(e.errorArguments()).containsExactly(node.specHash().toHex(), first.toString());
        });
  }

  @Test
  void onlyTheRegistrarRegisters() {
    assertThatThrownBy(() -> f.operator.assets().register(f.gpuNode("gpu-node-by-operator")))
        .isInstanceOfSatisfying(ChainException.class,
            e -> assertThat(e.errorName()).contains("AccessControlUnauthorizedAccount"));
  }

  @Test
  void sharesGoOnlyToVerifiedHolders() {
    AssetId asset = f.platform.assets().register(f.gpuNode("gpu-node-shares")).value();
    Address stranger = f.client(5).address();
    assertThatThrownBy(() -> f.platform.assets().issueShares(asset, Map.of(stranger, BigInteger.TEN)))
        .isInstanceOfSatisfying(ChainException.class, e -> {
          assertThat(e.errorName()).contains("NotVerified");
          assertThat(e.errorArguments()).containsExactly(stranger.toHex());
        });
    f.platform.assets().verifyHolders(List.of(stranger));
    assertThat(f.platform.assets().issueShares(asset, Map.of(stranger, BigInteger.TEN)).value()).isEqualTo(BigInteger.TEN);
  }

  @Test
  void badShareIssuesAreRefusedBeforeSending() {
    AssetId asset = AssetId.of(1);
    assertThatThrownBy(() -> f.platform.assets().issueShares(asset, Map.of()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("sharesByHolder"));
    assertThatThrownBy(() -> f.platform.assets().issueShares(asset, Map.of(f.alice.address(), BigInteger.ZERO)))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("sharesByHolder." + f.alice.address()));
    assertThatThrownBy(() -> f.platform.assets().verifyHolders(List.of()))
        .isInstanceOf(ValidationException.class);
  }
}
