package org.computerwa.examples.quickstart;

import java.time.Duration;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.crypto.SigningKey;

/**
 * The parties of the story, each signing with its own dev-chain key through its own client.
 *
 * <table>
 *   <caption>Accounts</caption>
 *   <tr><th>account</th><th>party</th></tr>
 *   <tr><td>0</td><td>platform: deploys, verifies holders, issues shares, anchors</td></tr>
 *   <tr><td>1</td><td>operator: owns the assets, offers the lease, pledges its income</td></tr>
 *   <tr><td>2</td><td>lessee: pays for the GPUs, claims the SLA credit</td></tr>
 *   <tr><td>3, 4</td><td>alice and bob: verified share holders</td></tr>
 *   <tr><td>5</td><td>attester: signs Merkle roots (a key, sends nothing)</td></tr>
 *   <tr><td>6</td><td>GPU device: signs its usage statements (a key)</td></tr>
 *   <tr><td>7</td><td>ASIC fleet controller: signs hashrate statements (a key)</td></tr>
 *   <tr><td>8</td><td>lender: accepts the operator's pledge</td></tr>
 *   <tr><td>9</td><td>carol: never verified, so shares cannot reach her</td></tr>
 * </table>
 */
final class Cast implements AutoCloseable {
  static final int ACCOUNTS = 10;

  final ComputeRwaClient platform;
  final ComputeRwaClient operator;
  final ComputeRwaClient lessee;
  final ComputeRwaClient alice;
  final ComputeRwaClient bob;
  final ComputeRwaClient lender;
  final SigningKey attester;
  final SigningKey gpuDevice;
  final SigningKey fleetController;
  final SigningKey carol;

  Cast(DevChain chain, Deployment deployment) {
    platform = client(chain, 0, deployment);
    operator = client(chain, 1, deployment);
    lessee = client(chain, 2, deployment);
    alice = client(chain, 3, deployment);
    bob = client(chain, 4, deployment);
    lender = client(chain, 8, deployment);
    attester = key(chain, 5);
    gpuDevice = key(chain, 6);
    fleetController = key(chain, 7);
    carol = key(chain, 9);
  }

  static SigningKey key(DevChain chain, int account) {
    return SigningKey.fromHex(chain.accounts().get(account).privateKeyHex());
  }

  private static ComputeRwaClient client(DevChain chain, int account, Deployment deployment) {
    return ComputeRwaClient.builder()
        .rpcUrl(chain.rpcUrl())
        .privateKey(chain.accounts().get(account).privateKeyHex())
        .contracts(deployment)
        .journal(Journal.inMemory()) // a dev chain; a service journals to Journal.sqlite(path)
        .confirmations(1)
        .pollInterval(Duration.ofMillis(10))
        .build();
  }

  @Override
  public void close() {
    for (ComputeRwaClient c : new ComputeRwaClient[] {platform, operator, lessee, alice, bob, lender}) {
      c.close();
    }
  }
}
