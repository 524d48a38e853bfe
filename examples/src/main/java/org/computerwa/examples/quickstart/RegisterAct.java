package org.computerwa.examples.quickstart;

import java.math.BigDecimal;
import java.time.ZoneId;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployer;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.client.Outcome;
import org.computerwa.core.asset.AsicSpec;
import org.computerwa.core.asset.AssetKind;
import org.computerwa.core.asset.AssetStatus;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.asset.GpuSpec;
import org.computerwa.core.asset.Site;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;

/**
 * Step 1 (after the deployment the command does first): the operator's GPU node and ASIC fleet
 * become on-chain assets, each with the keccak-256 of its canonical spec.
 */
final class RegisterAct implements Act {
  /** One site in ERCOT holds both assets. */
  static final Site SITE = Site.builder()
      .id("tx-abilene-1")
      .gridRegion("ERCOT")
      .powerCapacityMw(new BigDecimal("0.05"))
      .timeZone(ZoneId.of("America/Chicago"))
      .build();

  @Override
  public String title() {
    return "Deploy; register a GPU node and an ASIC fleet owned by the operator";
  }

  @Override
  public void play(Story s) {
    Report r = s.report;
    // The platform's key deploys and administers the contracts; 10 % of lease income is the owner's.
    // tag::deploy[]
    Outcome<Deployment> deployed = Deployer.builder()
        .rpcUrl(s.chain.rpcUrl())
        .signer(Cast.key(s.chain, 0))
        .operatorFeeBps((int) Story.FEE_BPS)
        .journal(Journal.inMemory())
        .confirmations(1)
        .registrationFloat(Story.REGISTRATION_FLOAT)   // one tUSD base unit per registration, see Story
        .build()
        .deploy();
    // end::deploy[]
    r.receipts(deployed);
    deployed.value().asMap().forEach((name, address) -> r.say(String.format("%-19s %s", name, address)));
    s.cast = new Cast(s.chain, deployed.value());
    Address owner = s.cast().operator.address();
    ComputeAsset node = gpuNode(owner);
    ComputeAsset fleet = asicFleet(owner);
    s.gpuNode = node;
    s.asicFleet = fleet;
    s.gpuAsset = register(s, node, "gpu");
    s.fleetAsset = register(s, fleet, "fleet");
    r.say("GPU node " + s.gpuAsset + ": 8 x " + node.gpu().orElseThrow().model() + ", " + node.capacityUnits()
        + " capacity units, " + node.device().totalPowerWatts() + " W");
    r.say("ASIC fleet " + s.fleetAsset + ": " + fleet.asic().orElseThrow().units() + " x "
        + fleet.asic().orElseThrow().model() + ", " + fleet.asic().orElseThrow().totalHashrateThs().toPlainString()
        + " TH/s nominal, " + fleet.device().totalPowerWatts() + " W");
    r.check("GPU node owner on-chain", s.cast().platform.assets().ownerOf(s.gpuAsset()), owner);
    r.check("ASIC fleet owner on-chain", s.cast().platform.assets().ownerOf(s.fleetAsset()), owner);
  }

  private static AssetId register(Story s, ComputeAsset asset, String figure) {
    Report r = s.report;
    ComputeRwaClient platform = s.cast().platform;
    // tag::register[]
    Outcome<AssetId> registered = platform.assets().register(asset);   // one ERC-721 per physical asset
    AssetId id = registered.value();
    Bytes32 onChain = platform.assets().specHash(id);                   // keccak-256 of the canonical spec
    // end::register[]
    r.receipts(registered);
    r.figure(figure + "AssetId", id.value());
    r.figure(figure + "SpecHash", asset.specHash().toHex());
    r.check(figure + " spec hash on-chain", onChain, asset.specHash());
    // The registration seeded the share token's stablecoin balance from the float: its first deposit
    // writes no new balance slot. The unit is surplus: no holder's claim counts it.
    r.check(figure + " share token seeded from the float", platform.payments().balanceOf(platform.assets().distributorOf(id)),
        Story.seed(platform.payments().token()));
    return id;
  }

  static ComputeAsset gpuNode(Address owner) {
    return ComputeAsset.builder()
        .id("gpu-node-001")
        .kind(AssetKind.GPU_NODE)
        .owner(owner)
        .site(SITE)
        .gpu(GpuSpec.builder()
            .model("H100 SXM")
            .count(8)
            .memoryGib(80)
            .boardPowerWatts(700)
            .denseBf16Tflops(new BigDecimal("989.4"))
            .build())
        .capacityUnits(8)
        .status(AssetStatus.ACTIVE)
        .build();
  }

  static ComputeAsset asicFleet(Address owner) {
    // tag::fleet[]
    return ComputeAsset.builder()
        .id("asic-fleet-001")
        .kind(AssetKind.ASIC_FLEET)
        .owner(owner)
        .site(SITE)
        .asic(AsicSpec.builder()
            .model("Antminer S21")
            .units(12)
            .hashrateThs(new BigDecimal("200"))
            .efficiencyJPerTh(new BigDecimal("17.5"))
            .powerWatts(3_500)
            .build())
        .capacityUnits(2_400) // TH/s
        .status(AssetStatus.ACTIVE)
        .build();
    // end::fleet[]
  }
}
