package org.computerwa.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Contract;

/** Assertions that a contract call reverts with a given custom error, simulated and mined. */
public final class Reverts {
  private Reverts() {}

  /**
   * Asserts that {@code from} calling {@code call} on {@code contract} reverts with {@code
   * errorSignature} (e.g. {@code "NotVerified(address)"}): the simulated call returns that error's
   * selector, and the mined transaction fails.
   *
   * @return the full revert data, for checking arguments
   */
  public static String assertReverts(
      Credentials from, Contract contract, RemoteFunctionCall<?> call, String errorSignature) {
    return assertReverts(from, contract.getContractAddress(), call.encodeFunctionCall(), errorSignature);
  }

  /**
   * Asserts that {@code from} sending {@code data} (an ABI-encoded call) to {@code to} reverts
   * with {@code errorSignature}, simulated and mined.
   *
   * @return the full revert data, for checking arguments
   */
  public static String assertReverts(Credentials from, String to, String data, String errorSignature) {
    ChainSession session = SharedChain.session();
    String revert =
        session
            .revertData(from.getAddress(), to, data)
            .orElseThrow(() -> new AssertionError("call did not revert: " + errorSignature));
    assertThat(revert)
        .as("revert data of %s", errorSignature)
        .startsWith(ChainSession.selector(errorSignature));
    TransactionReceipt receipt = session.send(from, to, data);
    assertThat(receipt.isStatusOK()).as("mined transaction of %s", errorSignature).isFalse();
    return revert;
  }

  /**
   * Asserts that deploying {@code binary} with {@code constructorArgs} (ABI-encoded, no 0x)
   * reverts with {@code errorSignature}, simulated and mined.
   */
  public static void assertDeployReverts(
      Credentials from, String binary, String constructorArgs, String errorSignature) {
    ChainSession session = SharedChain.session();
    String initCode = binary + constructorArgs;
    String revert =
        session
            .revertData(from.getAddress(), null, initCode)
            .orElseThrow(() -> new AssertionError("deployment did not revert: " + errorSignature));
    assertThat(revert).startsWith(ChainSession.selector(errorSignature));
    assertThat(session.send(from, null, initCode).isStatusOK()).isFalse();
  }

  /** Asserts an AccessControl refusal: {@code AccessControlUnauthorizedAccount(from, role)}. */
  public static void assertUnauthorized(
      Credentials from, Contract contract, RemoteFunctionCall<?> call, byte[] role) {
    String revert =
        assertReverts(
            from, contract, call, "AccessControlUnauthorizedAccount(address,bytes32)");
    assertThat(revert.toLowerCase())
        .contains(from.getAddress().substring(2).toLowerCase())
        .contains(org.web3j.utils.Numeric.toHexStringNoPrefix(role));
  }
}
