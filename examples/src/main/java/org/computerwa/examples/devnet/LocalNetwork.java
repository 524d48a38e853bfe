package org.computerwa.examples.devnet;

import java.time.Duration;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployer;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.money.TokenAmount;

/**
 * A local anvil chain with the SDK's contracts deployed, and one development key per party.
 *
 * <pre>{@code
 * try (LocalNetwork net = LocalNetwork.start()) {
 *   RegisterAssetExample.run(net.rpcUrl(), net.chainId(), net.contracts(), net.platform(), ...);
 * }
 * }</pre>
 *
 * <p>The keys are anvil's public development keys: never for real value. The deployment goes
 * through the public {@link Deployer}, with a TestStablecoin as the payment token, a 10 %
 * operator fee and a funded {@link #REGISTRATION_FLOAT registration float}. Closing stops the chain.
 */
public final class LocalNetwork implements AutoCloseable {
  /** The operator's share of each lease's rent, in basis points. */
  public static final int OPERATOR_FEE_BPS = 1_000;

  /**
   * TestStablecoin base units minted into the asset registry's registration float. Each
   * registration takes one (0.000001 tUSD) to seed its share token's stablecoin balance, so every
   * asset's first revenue deposit costs what later ones cost; 1,000 covers a thousand
   * registrations, more than a development session makes, for 0.001 tUSD.
   */
  public static final long REGISTRATION_FLOAT = 1_000;

  private static final int ACCOUNTS = 9;

  private final DevChain chain;
  private final Deployment contracts;

  private LocalNetwork(DevChain chain, Deployment contracts) {
    this.chain = chain;
    this.contracts = contracts;
  }

  /**
   * Starts anvil and deploys the contracts.
   *
   * @return the running network
   */
  public static LocalNetwork start() {
    DevChain chain = DevChain.builder().accounts(ACCOUNTS).build();
    try {
      Deployment contracts = Deployer.builder()
          .rpcUrl(chain.rpcUrl())
          .signer(key(chain, 0))
          .operatorFeeBps(OPERATOR_FEE_BPS)
          .journal(Journal.inMemory())
          .confirmations(1)
          .registrationFloat(REGISTRATION_FLOAT)
          .build()
          .deploy()
          .value();
      return new LocalNetwork(chain, contracts);
    } catch (RuntimeException e) {
      chain.close();
      throw e;
    }
  }

  private static SigningKey key(DevChain chain, int account) {
    return SigningKey.fromHex(chain.accounts().get(account).privateKeyHex());
  }

  /** @return the node's JSON-RPC URL */
  public String rpcUrl() {
    return chain.rpcUrl();
  }

  /** @return the chain id */
  public long chainId() {
    return chain.chainId();
  }

  /** @return the deployed contracts */
  public Deployment contracts() {
    return contracts;
  }

  /** @return the platform's key: deployer, registrar, compliance officer */
  public SigningKey platform() {
    return key(chain, 0);
  }

  /** @return the operator's key: owns the assets and offers the leases */
  public SigningKey operator() {
    return key(chain, 1);
  }

  /** @return the lessee's key */
  public SigningKey lessee() {
    return key(chain, 2);
  }

  /** @return the first share holder's key */
  public SigningKey alice() {
    return key(chain, 3);
  }

  /** @return the second share holder's key */
  public SigningKey bob() {
    return key(chain, 4);
  }

  /** @return the attester's key: signs the roots the site anchors */
  public SigningKey attester() {
    return key(chain, 5);
  }

  /** @return the GPU node's device key */
  public SigningKey device() {
    return key(chain, 6);
  }

  /** @return the lender's key */
  public SigningKey lender() {
    return key(chain, 7);
  }

  /** @return an account nobody verified as a holder */
  public SigningKey stranger() {
    return key(chain, 8);
  }

  /**
   * Moves the chain's clock forward and mines a block.
   *
   * @param by how far
   */
  public void advanceTime(Duration by) {
    chain.advanceTime(by);
  }

  /**
   * Mints test stablecoins (the TestStablecoin of a dev deployment only).
   *
   * @param to the receiver
   * @param amount the amount, in whole tokens
   */
  public void mintTestTokens(Address to, long amount) {
    try (ComputeRwaClient platform = client(platform())) {
      TokenAmount tokens = TokenAmount.parse(Long.toString(amount), platform.payments().token());
      platform.payments().mintTestTokens(to, tokens);
    }
  }

  /**
   * A client of the deployment with the given key (an in-memory journal: a dev chain only).
   *
   * @param key the signer
   * @return the client; close it
   */
  public ComputeRwaClient client(SigningKey key) {
    return ComputeRwaClient.builder()
        .rpcUrl(chain.rpcUrl())
        .signer(key)
        .contracts(contracts)
        .journal(Journal.inMemory())
        .confirmations(1)
        .pollInterval(Duration.ofMillis(10))
        .build();
  }

  @Override
  public void close() {
    chain.close();
  }
}
