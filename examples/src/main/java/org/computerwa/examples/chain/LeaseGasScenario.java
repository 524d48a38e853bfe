package org.computerwa.examples.chain;

import static org.computerwa.chain.internal.ShareStack.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.ShareStack;
import org.computerwa.chain.internal.contracts.EvidenceAnchor;
import org.computerwa.chain.internal.contracts.LeaseManager;
import org.computerwa.chain.internal.contracts.PledgeRegistry;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.Eip712Struct;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.AnchorRoot;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Leases, evidence anchoring, SLA credits and pledges: offer, acceptance (approve and EIP-2612
 * permit), anchoring an attester-signed root, applying a proven SLA credit, settlement through the
 * income waterfall, termination and pledge redirection.
 *
 * <pre>{@code
 * new LeaseGasScenario().measure(bench);
 * }</pre>
 */
public final class LeaseGasScenario implements GasScenario {
  /** Target for accepting a lease offer. */
  public static final long ACCEPT_TARGET = 150_000;

  /** Target for anchoring an evidence root. */
  public static final long ANCHOR_TARGET = 70_000;

  private static final long RATE = 1_000;
  private static final long HOUR = 3_600;
  private static final String NONE = "0x0000000000000000000000000000000000000000";
  private static final SigningKey ATTESTER = SigningKey.fromSecret(BigInteger.valueOf(0xA77E57L));
  private static final SigningKey DEVICE = SigningKey.fromSecret(BigInteger.valueOf(0xDE1CEL));

  @Override
  public String name() {
    return "leases and evidence";
  }

  @Override
  public void measure(GasBench bench) {
    ChainSession s = bench.session();
    Credentials operator = bench.account(0);
    Credentials lessee = bench.account(1);
    Credentials permitLessee = bench.account(2);
    Credentials relayer = bench.account(3);
    Credentials lender = bench.account(4);
    Credentials holder = bench.account(5);

    ShareStack shares = ShareStack.deploy(s, operator);
    shares.verify(List.of(holder.getAddress()));
    call(shares.shares().mint(holder.getAddress(), BigInteger.TEN.pow(18)));
    String registry = shares.registry().getContractAddress();
    String coin = shares.payoutToken();
    BigInteger asset = shares.assetId();

    EvidenceAnchor anchor = call(EvidenceAnchor.deploy(s.web3j(), s.as(operator), s.gas(), registry));
    bench.record("deploy EvidenceAnchor", GasBench.ONE_OFF, anchor.getTransactionReceipt().orElseThrow(), 0);
    PledgeRegistry pledges = call(PledgeRegistry.deploy(s.web3j(), s.as(operator), s.gas(), registry, coin,
        operator.getAddress()));
    bench.record("deploy PledgeRegistry", GasBench.ONE_OFF, pledges.getTransactionReceipt().orElseThrow(), 0);
    LeaseManager lm = call(LeaseManager.deploy(s.web3j(), s.as(operator), s.gas(), registry,
        anchor.getContractAddress(), pledges.getContractAddress(), coin, operator.getAddress(),
        BigInteger.valueOf(1_000)));
    bench.record("deploy LeaseManager", GasBench.ONE_OFF, lm.getTransactionReceipt().orElseThrow(), 0);
    String lmAddress = lm.getContractAddress();
    call(shares.registry().grantRole(ShareStack.LEASE_MANAGER_ROLE, lmAddress));
    call(pledges.grantRole(ShareStack.LEASE_MANAGER_ROLE, lmAddress));

    for (Credentials c : List.of(lessee, permitLessee)) {
      TestStablecoin t = TestStablecoin.load(coin, s.web3j(), s.as(c), s.gas());
      call(t.mint(c.getAddress(), BigInteger.TEN.pow(12)));
    }
    call(TestStablecoin.load(coin, s.web3j(), s.as(lessee), s.gas()).approve(lmAddress, BigInteger.TEN.pow(12)));

    LeaseManager asOperator = LeaseManager.load(lmAddress, s.web3j(), s.as(operator), s.gas());
    LeaseManager asLessee = LeaseManager.load(lmAddress, s.web3j(), s.as(lessee), s.gas());
    TransactionReceipt offered = call(asOperator.offer(terms(asset, 4, 10 * HOUR, 6 * HOUR, now(s))));
    bench.record("lease offer (reserves capacity)", GasBench.ONE_OFF, offered, 0);
    BigInteger first = LeaseManager.getLeaseOfferedEvents(offered).get(0).leaseId;
    bench.record("lease acceptance (approve; first ever: new escrow balance slot, sets ERC-4907 user)", GasBench.ONE_OFF,
        call(asLessee.accept(first)), ACCEPT_TARGET);

    BigInteger asset2 = registerSecondAsset(shares, operator);
    BigInteger second = offerId(call(asOperator.offer(terms(asset2, 2, 10 * HOUR, 0, now(s)))));
    BigInteger third = offerId(call(asOperator.offer(terms(asset2, 2, 10 * HOUR, 0, now(s)))));
    bench.record("lease acceptance (approve; sets ERC-4907 user)", GasBench.ONE_OFF, call(asLessee.accept(second)),
        ACCEPT_TARGET);
    bench.record("lease acceptance (EIP-2612 permit, new lessee)", GasBench.ONE_OFF,
        acceptWithPermit(s, lmAddress, coin, permitLessee, third), ACCEPT_TARGET);

    // Evidence: one hour of statements with an outage, anchored by a relayer with the attester's signature.
    call(anchor.setAttester(asset, ATTESTER.address().toHex(), true));
    long start = call(asLessee.leaseOf(first)).start.longValueExact();
    advance(s, 3 * HOUR);
    long chainId = s.chainId();
    Eip712Domain usage = UsageStatement.domain(chainId, Address.fromHex(anchor.getContractAddress()));
    Eip712Domain anchorDomain = AnchorRoot.domain(chainId, Address.fromHex(anchor.getContractAddress()));
    EvidenceAnchor asRelayer = EvidenceAnchor.load(anchor.getContractAddress(), s.web3j(), s.as(relayer), s.gas());
    StatementBatch hour1 = batch(asset, start, usage, 9_000, 10_000, 9_800, 10_000);
    bench.record("anchor evidence root (first period of the asset)", GasBench.ONE_OFF,
        anchor(asRelayer, hour1, anchorDomain), ANCHOR_TARGET);
    StatementBatch hour2 = batch(asset, start + HOUR, usage, 10_000, 10_000, 9_990, 10_000);
    bench.record("anchor evidence root", GasBench.ONE_OFF, anchor(asRelayer, hour2, anchorDomain), ANCHOR_TARGET);

    UsageStatement outage = hour1.statements().get(0).statement();
    List<byte[]> proof = new ArrayList<>();
    hour1.proof(outage).siblings().forEach(b -> proof.add(b.toBytes()));
    bench.record("apply SLA credit (proof of 4 leaves)", GasBench.ONE_OFF,
        call(asLessee.applySlaCredit(first, onChain(outage), BigInteger.valueOf(start), BigInteger.valueOf(start + HOUR),
            proof)), 0);

    advance(s, 6 * HOUR);
    bench.record("settle (operator fee + deposit to distributor)", GasBench.ONE_OFF, call(asLessee.settle(first)), 0);
    bench.record("terminate early (refund, clear ERC-4907 user)", GasBench.ONE_OFF, call(asLessee.terminate(second)),
        0);
    bench.record("withdraw (operator fee)", GasBench.ONE_OFF, call(asOperator.withdraw()), 0);

    PledgeRegistry pledgesAsOperator = pledges;
    PledgeRegistry pledgesAsLender =
        PledgeRegistry.load(pledges.getContractAddress(), s.web3j(), s.as(lender), s.gas());
    bench.record("pledge asset", GasBench.ONE_OFF,
        call(pledgesAsOperator.pledge(asset, lender.getAddress(), BigInteger.TEN.pow(12))), 0);
    call(pledgesAsLender.acceptPledge(asset));
    call(pledgesAsLender.declareDefault(asset));
    advance(s, HOUR);
    bench.record("settle in default (income redirected to lender)", GasBench.ONE_OFF, call(asLessee.settle(first)), 0);
  }

  private static LeaseManager.OfferTerms terms(BigInteger asset, long units, long duration, long lag, long now) {
    return new LeaseManager.OfferTerms(asset, BigInteger.valueOf(units), BigInteger.valueOf(RATE),
        BigInteger.valueOf(duration), BigInteger.valueOf(now + HOUR), BigInteger.valueOf(60), BigInteger.valueOf(lag),
        NONE);
  }

  private static BigInteger offerId(TransactionReceipt r) {
    return LeaseManager.getLeaseOfferedEvents(r).get(0).leaseId;
  }

  private static BigInteger registerSecondAsset(ShareStack shares, Credentials operator) {
    byte[] spec = Bytes32.fromUint(BigInteger.valueOf(System.nanoTime())).toBytes();
    TransactionReceipt r = call(shares.registry().register(operator.getAddress(), spec,
        ShareStack.shortString("GPU_SERVER"), BigInteger.valueOf(4)));
    return org.computerwa.chain.internal.contracts.ComputeAssetRegistry.getAssetRegisteredEvents(r).get(0).assetId;
  }

  private static TransactionReceipt acceptWithPermit(ChainSession s, String lm, String coin, Credentials who,
      BigInteger leaseId) {
    BigInteger price = BigInteger.valueOf(RATE * 10 * HOUR);
    long deadline = now(s) + HOUR;
    TestStablecoin t = TestStablecoin.load(coin, s.web3j(), s.as(who), s.gas());
    BigInteger nonce = call(t.nonces(who.getAddress()));
    Eip712Domain domain = Eip712Domain.of("Test USD", "1", s.chainId(), Address.fromHex(coin));
    Bytes32 permit = Eip712Struct.of(
            "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)")
        .address(Address.fromHex(who.getAddress()))
        .address(Address.fromHex(lm))
        .uint(price)
        .uint(nonce)
        .uint(deadline)
        .hash();
    Signature sig = SigningKey.fromSecret(who.getEcKeyPair().getPrivateKey()).sign(domain.digest(permit));
    return call(LeaseManager.load(lm, s.web3j(), s.as(who), s.gas()).acceptWithPermit(leaseId,
        BigInteger.valueOf(deadline), BigInteger.valueOf(sig.v()), Bytes32.fromUint(sig.r()).toBytes(),
        Bytes32.fromUint(sig.s()).toBytes()));
  }

  private static StatementBatch batch(BigInteger asset, long start, Eip712Domain usage, int... bps) {
    List<SignedUsageStatement> signed = new ArrayList<>();
    long step = HOUR / bps.length;
    for (int i = 0; i < bps.length; i++) {
      signed.add(UsageStatement.builder().assetId(asset).device(DEVICE.address())
          .periodStart(Instant.ofEpochSecond(start + i * step)).periodEnd(Instant.ofEpochSecond(start + (i + 1) * step))
          .kind(UsageKind.AVAILABILITY).value(BigInteger.valueOf(step * bps[i] / 10_000)).availabilityBps(bps[i])
          .build().sign(DEVICE, usage));
    }
    return StatementBatch.of(asset, Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + HOUR), signed, usage);
  }

  private static TransactionReceipt anchor(EvidenceAnchor anchor, StatementBatch batch, Eip712Domain domain) {
    AnchorRoot m = batch.anchorRoot();
    return call(anchor.anchor(m.assetId(), BigInteger.valueOf(m.periodStart().getEpochSecond()),
        BigInteger.valueOf(m.periodEnd().getEpochSecond()), m.root().toBytes(), m.sign(ATTESTER, domain).toBytes()));
  }

  private static LeaseManager.UsageStatement onChain(UsageStatement st) {
    return new LeaseManager.UsageStatement(st.assetId(), st.device().toHex(),
        BigInteger.valueOf(st.periodStart().getEpochSecond()), BigInteger.valueOf(st.periodEnd().getEpochSecond()),
        BigInteger.valueOf(st.kind().code()), st.value(), BigInteger.valueOf(st.availabilityBps()));
  }

  private static long now(ChainSession s) {
    try {
      return s.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp()
          .longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void advance(ChainSession s, long seconds) {
    try {
      new Request<>("evm_increaseTime", List.of(seconds), s.service(), RawResponse.class).send();
      new Request<>("evm_mine", List.of(), s.service(), RawResponse.class).send();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Response of a raw JSON-RPC call whose result is ignored. */
  static final class RawResponse extends org.web3j.protocol.core.Response<Object> {}
}
