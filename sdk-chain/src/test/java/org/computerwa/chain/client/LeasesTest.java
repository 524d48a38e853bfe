package org.computerwa.chain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.computerwa.core.ValidationException;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.lease.LeaseStatus;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaCredit;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lease offers and acceptance through the client: what is refused before sending, and reverts. */
class LeasesTest extends OnFreshDeployment {
  AssetId asset;
  ComputeAsset node;

  @BeforeAll
  void registerAsset() {
    node = f.gpuNode("gpu-node-leases");
    asset = f.platform.assets().register(node).value();
  }


  Stream<Arguments> termsTheLeaseManagerCannotRepresent() {
    Token other = Token.of("USDC", 6);
    return Stream.of(
        Arguments.of("terms.lessor", (UnaryOperator<LeaseTerms>) t ->
            LeaseTerms.builder().from(t).lessor(f.alice.address()).build()),
        Arguments.of("terms.token", (UnaryOperator<LeaseTerms>) t ->
            LeaseTerms.builder().from(t).token(other).rate(Rate.of(BigInteger.TEN, other)).build()),
        Arguments.of("terms.sla.minAvailabilityBps", (UnaryOperator<LeaseTerms>) t ->
            LeaseTerms.builder().from(t).sla(SlaTerms.builder().from(t.sla()).minAvailabilityBps(9_950).build()).build()),
        Arguments.of("terms.sla.credit.creditBps", (UnaryOperator<LeaseTerms>) t ->
            LeaseTerms.builder().from(t).sla(SlaTerms.builder().from(t.sla())
                .credit(SlaCredit.builder().creditBps(5_000).maxBps(10_000).build()).build()).build()),
        Arguments.of("terms.sla.credit.maxBps", (UnaryOperator<LeaseTerms>) t ->
            LeaseTerms.builder().from(t).sla(SlaTerms.builder().from(t.sla())
                .credit(SlaCredit.builder().creditBps(10_000).maxBps(3_000).build()).build()).build()),
        Arguments.of("terms.rate.baseUnitsPerSecond", (UnaryOperator<LeaseTerms>) t ->
            LeaseTerms.builder().from(t).rate(Rate.of(BigInteger.ONE.shiftLeft(96), t.token())).build()),
        Arguments.of("terms.start", (UnaryOperator<LeaseTerms>) t ->
            LeaseTerms.builder().from(t).start(t.start().minusSeconds(7_200)).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("termsTheLeaseManagerCannotRepresent")
  void badTermsAreAValidationExceptionNamingTheFieldAndNothingIsSent(String field, UnaryOperator<LeaseTerms> spoil)
      throws Exception {
    LeaseTerms bad = spoil.apply(f.terms(node.id(), 1, 1_000, Duration.ofHours(1)));
    BigInteger before = Fixture.pendingNonce(f.operator.address());
    assertThatThrownBy(() -> f.operator.leases().offer(asset, bad))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    assertThat(Fixture.pendingNonce(f.operator.address())).isEqualTo(before);
  }

  @Test
  void aNegativeSettlementLagIsRefusedBeforeSending() {
    LeaseTerms terms = f.terms(node.id(), 1, 1_000, Duration.ofHours(1));
    assertThatThrownBy(() -> f.operator.leases().offer(asset, terms, Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("settlementLag"));
  }

  @Test
  void anOfferFromSomeoneOtherThanTheOwnerRevertsWithUnauthorizedAndSendsNothing() throws Exception {
    LeaseTerms terms = LeaseTerms.builder().from(f.terms(node.id(), 1, 1_000, Duration.ofHours(1)))
        .lessor(f.alice.address()).build();
    BigInteger before = Fixture.pendingNonce(f.alice.address());
    assertThatThrownBy(() -> f.alice.leases().offer(asset, terms))
        .isInstanceOfSatisfying(ChainException.class, e -> {
          assertThat(e.kind()).isEqualTo(ChainException.Kind.REVERTED);
          assertThat(e.retryable()).isFalse();
          assertThat(e.errorName()).contains("Unauthorized");
          assertThat(e.errorArguments()).containsExactly(f.alice.address().toHex());
          assertThat(e.transactionHash()).isEmpty();
          assertThat(e.getMessage()).contains("Unauthorized(" + f.alice.address().toHex() + ")");
        });
    assertThat(Fixture.pendingNonce(f.alice.address())).isEqualTo(before);
  }

  @Test
  void unitsBeyondTheFreeCapacityRevertWithTheNumbersInTheError() {
    LeaseTerms all = f.terms(node.id(), 8, 1_000, Duration.ofHours(1));
    LeaseId first = f.operator.leases().offer(asset, all).value();
    assertThatThrownBy(() -> f.operator.leases().offer(asset, f.terms(node.id(), 1, 1_000, Duration.ofHours(1))))
        .isInstanceOfSatisfying(ChainException.class, e -> {
          assertThat(e.errorName()).contains("CapacityExceeded");
          assertThat(e.errorArguments()).containsExactly(asset.toString(), "1", "0");
        });
    assertThat(f.operator.leases().lease(first).units()).isEqualTo(8);
  }

  @Test
  void acceptingWithoutFundsRevertsWithTheTokenError() {
    LeaseTerms terms = LeaseTerms.builder().from(f.terms(node.id(), 1, 1_000, Duration.ofHours(1)))
        .lessee(f.bob.address()).build();
    ComputeAsset spare = f.gpuNode("gpu-node-unfunded");
    AssetId spareAsset = f.platform.assets().register(spare).value();
    LeaseId id = f.operator.leases().offer(spareAsset, terms).value();
    assertThatThrownBy(() -> f.bob.leases().acceptWithPermit(id))
        .isInstanceOfSatisfying(ChainException.class,
            e -> assertThat(e.errorName()).contains("ERC20InsufficientBalance"));
  }

  @Test
  void aCancelledOfferFreesItsUnitsAndCannotBeCancelledAgain() {
    ComputeAsset spare = f.gpuNode("gpu-node-cancelled");
    AssetId spareAsset = f.platform.assets().register(spare).value();
    LeaseId id = f.operator.leases().offer(spareAsset, f.terms(spare.id(), 8, 1_000, Duration.ofHours(1))).value();
    f.operator.leases().cancelOffer(id);
    assertThat(f.operator.leases().lease(id).status()).isEqualTo(LeaseStatus.TERMINATED);
    assertThat(f.operator.leases().offer(spareAsset, f.terms(spare.id(), 8, 1_000, Duration.ofHours(1))).value())
        .isGreaterThan(id);
    assertThatThrownBy(() -> f.operator.leases().cancelOffer(id))
        .isInstanceOfSatisfying(ChainException.class, e -> {
          assertThat(e.errorName()).contains("WrongStatus");
          assertThat(e.errorArguments()).containsExactly(id.toString(), "4");
        });
  }

  @Test
  void anUnknownLeaseIsAValidationException() {
    assertThatThrownBy(() -> f.operator.leases().lease(LeaseId.of(999_999)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("leaseId"));
  }
}
