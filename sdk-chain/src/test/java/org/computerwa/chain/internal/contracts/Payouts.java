package org.computerwa.chain.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.computerwa.chain.internal.ChainSession;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;

/** Mint and approve on any of the test payout tokens (all expose {@code mint(address,uint256)}). */
final class Payouts {
  private Payouts() {}

  static void mint(ChainSession s, Credentials from, String token, String to, BigInteger amount) {
    send(s, from, token, "mint", to, amount);
  }

  static void approve(
      ChainSession s, Credentials from, String token, String spender, BigInteger amount) {
    send(s, from, token, "approve", spender, amount);
  }

  private static void send(
      ChainSession s, Credentials from, String token, String name, String who, BigInteger amount) {
    String data =
        FunctionEncoder.encode(
            new Function(name, List.of(new Address(who), new Uint256(amount)), List.of()));
    assertThat(s.send(from, token, data).isStatusOK()).as("%s on %s", name, token).isTrue();
  }
}
