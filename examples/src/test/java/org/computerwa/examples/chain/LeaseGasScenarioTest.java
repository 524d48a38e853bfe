package org.computerwa.examples.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.internal.ChainSession;
import org.junit.jupiter.api.Test;

class LeaseGasScenarioTest {

  @Test
  void leaseAcceptanceAndEvidenceAnchoringStayWithinTheirTargets() {
    try (DevChain chain = DevChain.builder().accounts(8).build();
        ChainSession session = ChainSession.connect(chain)) {
      GasBench bench = new GasBench(chain, session, List.of(10));
      LeaseGasScenario scenario = new LeaseGasScenario();
      bench.startScenario(scenario.name());
      scenario.measure(bench);
      Map<String, GasMeasurement> byName = bench.measurements().stream()
          .collect(Collectors.toMap(GasMeasurement::operation, m -> m));
      assertThat(byName.keySet()).contains(
          "lease acceptance (approve; sets ERC-4907 user)",
          "lease acceptance (EIP-2612 permit, new lessee)",
          "anchor evidence root",
          "apply SLA credit (proof of 4 leaves)",
          "settle in default (income redirected to lender)");
      for (GasMeasurement m : bench.measurements()) {
        if (m.operation().startsWith("lease acceptance")) {
          assertThat(m.gasUsed()).as(m.operation()).isPositive().isLessThanOrEqualTo(LeaseGasScenario.ACCEPT_TARGET);
        }
        if (m.operation().startsWith("anchor evidence root")) {
          assertThat(m.gasUsed()).as(m.operation()).isPositive().isLessThanOrEqualTo(LeaseGasScenario.ANCHOR_TARGET);
        }
      }
    }
  }
}
