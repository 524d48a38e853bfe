package org.computerwa.core.lease;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;

/** Lease terms used across the lease tests. */
final class Leases {
  static final Token USDC = Token.of("USDC", 6);
  static final Address OPERATOR = Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
  static final Address CUSTOMER = Address.fromHex("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final SlaTerms SLA = SlaTerms.builder()
      .minAvailabilityBps(9_950)
      .gracePeriod(Duration.ofMinutes(30))
      .credit(SlaCredit.builder().creditBps(10_000).maxBps(3_000).build())
      .build();

  private Leases() {}

  static LeaseTerms terms(long ratePerSecond, Duration term) {
    return LeaseTerms.builder()
        .assetId("gpu-node-001")
        .lessor(OPERATOR)
        .lessee(CUSTOMER)
        .capacityUnits(8)
        .start(START)
        .end(START.plus(term))
        .rate(Rate.of(BigInteger.valueOf(ratePerSecond), USDC))
        .token(USDC)
        .sla(SLA)
        .build();
  }
}
