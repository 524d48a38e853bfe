package org.computerwa.chain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.core.ValidationException;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.money.TokenAmount;
import org.junit.jupiter.api.Test;

/** The pledges facade on a real anvil chain: propose, accept on the exact terms, repay, default, release. */
class PledgesTest extends OnFreshDeployment {

  @Test
  void aPledgeIsProposedAcceptedOnItsTermsRepaidDefaultedAndReleased() {
    ComputeAsset node = f.gpuNode("gpu-node-pledged");
    AssetId asset = f.platform.assets().register(node).value();
    TokenAmount debt = TokenAmount.ofBaseUnits(5_000_000, f.platform.payments().token());
    Instant due = f.operator.chainTime().plus(Duration.ofDays(1));
    assertThat(f.operator.pledges().pledgeOf(asset)).isEmpty();
    f.operator.pledges().propose(asset, f.bob.address(), debt, due);
    // the lender accepts exactly what it read; other terms are refused
    TokenAmount less = TokenAmount.ofBaseUnits(1, f.platform.payments().token());
    assertThatThrownBy(() -> f.bob.pledges().accept(asset, less, due))
        .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.errorName()).contains("TermsMismatch"));
    f.bob.pledges().accept(asset, debt, due);
    Pledge p = f.bob.pledges().pledgeOf(asset).orElseThrow();
    assertThat(p.accepted()).isTrue();
    assertThat(p.lender()).isEqualTo(f.bob.address());
    assertThat(p.debt()).isEqualTo(debt);
    assertThat(p.dueBy()).isEqualTo(due);
    // default only after the deadline
    assertThatThrownBy(() -> f.bob.pledges().declareDefault(asset))
        .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.errorName()).contains("NotYetDue"));
    TokenAmount part = TokenAmount.ofBaseUnits(1_000_000, f.platform.payments().token());
    f.operator.payments().mintTestTokens(f.operator.address(), part);
    Outcome<TokenAmount> repaid = f.operator.pledges().repay(asset, part);
    assertThat(repaid.value()).isEqualTo(debt.minus(part));
    assertThat(f.bob.payments().balanceOf(f.bob.address())).isEqualTo(part);
    SharedChain.advanceTime(Duration.ofDays(1).getSeconds() + 1);
    f.bob.pledges().declareDefault(asset);
    assertThat(f.bob.pledges().pledgeOf(asset).orElseThrow().defaulted()).isTrue();
    f.bob.pledges().release(asset);
    assertThat(f.bob.pledges().pledgeOf(asset)).isEmpty();
  }

  @Test
  void badTermsAreRefusedBeforeAnythingIsSent() {
    AssetId asset = f.platform.assets().register(f.gpuNode("gpu-node-bad-pledge")).value();
    TokenAmount debt = TokenAmount.ofBaseUnits(1, f.platform.payments().token());
    Instant past = f.operator.chainTime().minusSeconds(1);
    assertThatThrownBy(() -> f.operator.pledges().propose(asset, f.bob.address(), debt, past))
        .isInstanceOf(ValidationException.class).hasMessageContaining("dueBy");
    TokenAmount zero = TokenAmount.ofBaseUnits(0, f.platform.payments().token());
    assertThatThrownBy(() -> f.operator.pledges().propose(asset, f.bob.address(), zero, past.plusSeconds(7200)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("debt");
  }
}
