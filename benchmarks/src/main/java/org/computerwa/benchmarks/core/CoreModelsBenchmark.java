package org.computerwa.benchmarks.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.computerwa.core.asset.AssetKind;
import org.computerwa.core.asset.AssetStatus;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.asset.GpuSpec;
import org.computerwa.core.asset.Site;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.json.ComputeRwaJson;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaCredit;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.revenue.ProRataSplit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * sdk-core's hot paths: reading lease terms through the hardened mapper (against Jackson's default
 * mapper parsing the same text into a tree, the floor any reader pays), writing them, an asset's
 * spec hash (canonical JSON plus Keccak-256) and a pro-rata split over 1 000 holders.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar CoreModelsBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoreModelsBenchmark {
  private final ComputeRwaJson json = ComputeRwaJson.standard();
  private final ObjectMapper plain = new ObjectMapper();
  private String termsJson = "";
  private LeaseTerms terms;
  private ComputeAsset asset;
  private ProRataSplit split;
  private TokenAmount income;

  /** Builds the lease terms, the asset and 1 000 seeded holder balances. */
  @Setup
  public void setUp() {
    Token usdc = Token.builder().symbol("USDC").decimals(6)
        .address(Address.fromHex("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")).build();
    Address operator = Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    terms = LeaseTerms.builder()
        .assetId("gpu-node-001")
        .lessor(operator)
        .lessee(Address.fromHex("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"))
        .capacityUnits(8)
        .start(Instant.parse("2026-01-01T00:00:00Z"))
        .end(Instant.parse("2026-02-01T00:00:00Z"))
        .rate(Rate.of(BigInteger.valueOf(3_858), usdc))
        .token(usdc)
        .sla(SlaTerms.builder().minAvailabilityBps(9_950).gracePeriod(Duration.ofMinutes(30))
            .credit(SlaCredit.builder().creditBps(10_000).maxBps(3_000).build()).build())
        .build();
    termsJson = json.write(terms);
    asset = ComputeAsset.builder()
        .id("gpu-node-001")
        .kind(AssetKind.GPU_NODE)
        .owner(operator)
        .site(Site.builder().id("tx-abilene-1").gridRegion("ERCOT")
            .powerCapacityMw(new BigDecimal("12.5")).timeZone(ZoneId.of("America/Chicago")).build())
        .gpu(GpuSpec.builder().model("H100 SXM").count(8).memoryGib(80).boardPowerWatts(700)
            .denseBf16Tflops(new BigDecimal("989.4")).build())
        .capacityUnits(8)
        .status(AssetStatus.ACTIVE)
        .build();
    SplittableRandom random = new SplittableRandom(2026);
    Map<String, BigInteger> balances = new TreeMap<>();
    for (int i = 0; i < 1_000; i++) {
      balances.put("holder-" + i, BigInteger.valueOf(random.nextLong(1, 1_000_000_000L)));
    }
    split = ProRataSplit.of(balances);
    income = TokenAmount.parse("123456.789012", usdc);
  }

  /** Hardened read: strict parse, typed values, every rule checked. */
  @Benchmark
  public LeaseTerms readLeaseTerms() {
    return json.read(termsJson, LeaseTerms.class);
  }

  /** Peer: Jackson's default mapper parsing the same text into a tree, no types, no checks. */
  @Benchmark
  public JsonNode parseTreeWithDefaultJackson() throws Exception {
    return plain.readTree(termsJson);
  }

  /** Writing lease terms. */
  @Benchmark
  public String writeLeaseTerms() {
    return json.write(terms);
  }

  /** RFC 8785 canonical JSON of an asset and its Keccak-256. */
  @Benchmark
  public Bytes32 specHash() {
    return asset.specHash();
  }

  /** Largest-remainder split of an income over 1 000 holders. */
  @Benchmark
  public SortedMap<String, TokenAmount> splitOverAThousandHolders() {
    return split.split(income);
  }
}
