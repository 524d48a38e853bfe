package org.computerwa.chain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.internal.ShareStack;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

class DeployerTest {
  private static final String FUND = "fund the registration float of the asset registry";

  @Test
  void aFundedFloatGivesEachNewShareTokenItsFirstPayoutUnit() {
    try (Fixture f = new Fixture(2)) {
      String token = f.deployment.paymentToken().toHex();
      String registry = f.deployment.assetRegistry().toHex();
      assertThat(f.deployed.receipts()).extracting(Receipt::action).containsOnlyOnce(FUND);
      assertThat(SharedChain.erc20Balance(token, registry)).isEqualTo(BigInteger.TWO);
      for (int i = 1; i <= 3; i++) {
        AssetId id = f.platform.assets().register(f.gpuNode("float-" + i)).value();
        String shares = f.platform.assets().distributorOf(id).toHex();
        // two units seed two assets; the third registers all the same, unseeded
        assertThat(SharedChain.erc20Balance(token, shares)).as("asset %d", i)
            .isEqualTo(i <= 2 ? BigInteger.ONE : BigInteger.ZERO);
      }
      assertThat(SharedChain.erc20Balance(token, registry)).isZero();
    }
  }

  @Test
  void withoutAFloatNothingIsFunded() {
    try (Fixture f = new Fixture()) {
      assertThat(f.deployed.receipts()).extracting(Receipt::action).doesNotContain(FUND);
      assertThat(SharedChain.erc20Balance(f.deployment.paymentToken().toHex(), f.deployment.assetRegistry().toHex()))
          .isZero();
    }
  }

  @Test
  void withAPaymentTokenTheSignerSendsTheFloatAndMustHoldIt() {
    DevChain chain = SharedChain.chain();
    Credentials admin = SharedChain.account(0);
    SigningKey key = SigningKey.fromHex(chain.accounts().get(0).privateKeyHex());
    TestStablecoin usd = ShareStack.deployStablecoin(SharedChain.session(), admin);
    String token = usd.getContractAddress();
    ShareStack.call(usd.mint(admin.getAddress(), BigInteger.valueOf(5)));
    Deployment funded = deployer(chain, key, token, 5).deploy().value();
    assertThat(SharedChain.erc20Balance(token, funded.assetRegistry().toHex())).isEqualTo(BigInteger.valueOf(5));
    assertThat(SharedChain.erc20Balance(token, admin.getAddress())).isZero();
    // nothing left to send: the deployment stops at that step and names it
    assertThatThrownBy(() -> deployer(chain, key, token, 1).deploy())
        .isInstanceOf(ChainException.class)
        .hasMessageContaining(FUND);
  }

  private static Deployer deployer(DevChain chain, SigningKey key, String token, long registrationFloat) {
    return Deployer.builder().rpcUrl(chain.rpcUrl()).signer(key).paymentToken(Address.fromHex(token))
        .operatorFeeBps(0).journal(Journal.inMemory()).confirmations(1).registrationFloat(registrationFloat).build();
  }

  @Test
  void aFloatOutOfRangeIsRefusedByName() {
    for (long bad : new long[] {-1, 1_000_000_000_001L}) {
      assertThatThrownBy(() -> Deployer.builder().registrationFloat(bad))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("registrationFloat"));
    }
  }
}
