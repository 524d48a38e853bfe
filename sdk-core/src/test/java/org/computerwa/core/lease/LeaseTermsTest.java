package org.computerwa.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.ZoneId;
import org.computerwa.core.ValidationException;
import org.computerwa.core.asset.AssetKind;
import org.computerwa.core.asset.AssetStatus;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.asset.GpuSpec;
import org.computerwa.core.asset.Site;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.junit.jupiter.api.Test;

class LeaseTermsTest {

  @Test
  void totalRentIsRateTimesTermInSeconds() {
    LeaseTerms terms = Leases.terms(3_858, Duration.ofDays(31));
    assertThat(terms.totalRent().baseUnits()).isEqualTo(3_858L * 31 * 86_400);
    assertThat(terms.term()).isEqualTo(Duration.ofDays(31));
  }

  @Test
  void endBeforeStartIsRejectedNamingEnd() {
    LeaseTerms terms = Leases.terms(1, Duration.ofDays(1));
    assertThatThrownBy(() -> LeaseTerms.builder().from(terms).end(terms.start().minusSeconds(1)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("end");
          assertThat(e.rule()).contains("after start");
        });
  }

  @Test
  void aRateInAnotherTokenIsRejected() {
    LeaseTerms terms = Leases.terms(1, Duration.ofDays(1));
    Rate dai = Rate.of(BigInteger.ONE, Token.of("DAI", 18));
    assertThatThrownBy(() -> LeaseTerms.builder().from(terms).rate(dai).build())
        .isInstanceOfSatisfying(MixedTokenException.class, e -> assertThat(e.field()).isEqualTo("rate.token"));
  }

  @Test
  void lessorAndLesseeMustDiffer() {
    LeaseTerms terms = Leases.terms(1, Duration.ofDays(1));
    assertThatThrownBy(() -> LeaseTerms.builder().from(terms).lessee(Leases.OPERATOR).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lessee"));
  }

  @Test
  void termsFitAnAssetOnlyIfItIsTheLessorsAndLargeEnough() {
    LeaseTerms terms = Leases.terms(1, Duration.ofDays(1));
    ComputeAsset asset = ComputeAsset.builder()
        .id("gpu-node-001")
        .kind(AssetKind.GPU_NODE)
        .owner(Leases.OPERATOR)
        .site(Site.builder().id("s1").gridRegion("ERCOT").powerCapacityMw(BigDecimal.ONE)
            .timeZone(ZoneId.of("UTC")).build())
        .gpu(GpuSpec.builder().model("L4").count(8).memoryGib(24).boardPowerWatts(72)
            .denseBf16Tflops(new BigDecimal("121")).build())
        .capacityUnits(8)
        .status(AssetStatus.ACTIVE)
        .build();
    assertThat(terms.requireFits(asset)).isSameAs(terms);
    assertThatThrownBy(() -> terms.requireFits(ComputeAsset.builder().from(asset).capacityUnits(4).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("capacityUnits"));
    assertThatThrownBy(() -> terms.requireFits(ComputeAsset.builder().from(asset).owner(Leases.CUSTOMER).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lessor"));
    assertThatThrownBy(() -> terms.requireFits(ComputeAsset.builder().from(asset).id("other").build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("assetId"));
    assertThatThrownBy(() -> terms.requireFits(ComputeAsset.builder().from(asset).status(AssetStatus.RETIRED).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("asset.status"));
  }
}
