package org.computerwa.chain.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import org.computerwa.chain.devchain.DevChain;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/**
 * One anvil node and web3j session shared by every chain test of this JVM (started on first use,
 * stopped by {@link DevChain}'s shutdown hook). Tests deploy fresh contracts, so they never share
 * state.
 */
public final class SharedChain {
  private static DevChain chain;
  private static ChainSession session;

  private SharedChain() {}

  /** The running dev chain, started on first use with 20 funded accounts. */
  public static synchronized DevChain chain() {
    if (chain == null) {
      chain = DevChain.builder().accounts(20).build();
      session = ChainSession.connect(chain);
    }
    return chain;
  }

  /** The session on the shared chain. */
  public static synchronized ChainSession session() {
    chain();
    return session;
  }

  /** Credentials of every funded account, in anvil's order. */
  public static List<Credentials> accounts() {
    return chain().accounts().stream().map(ChainSession::credentials).collect(Collectors.toList());
  }

  /** Credentials of funded account {@code i}. */
  public static Credentials account(int i) {
    return accounts().get(i);
  }

  /** The latest block's timestamp. */
  public static long now() {
    try {
      return session()
          .web3j()
          .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
          .send()
          .getBlock()
          .getTimestamp()
          .longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves the chain's clock forward by {@code seconds} and mines a block. */
  public static void advanceTime(long seconds) {
    rpc("evm_increaseTime", List.of(seconds));
    rpc("evm_mine", List.of());
  }

  private static void rpc(String method, List<?> params) {
    try {
      Response<?> r =
          new Request<>(method, params, session().service(), RawResponse.class)
              .send();
      if (r.hasError()) {
        throw new IllegalStateException(method + ": " + r.getError().getMessage());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Response of a raw JSON-RPC call whose result is ignored. */
  public static final class RawResponse extends Response<Object> {}

  /** Balance of an ERC-20 without a wrapper (for any token). */
  public static BigInteger erc20Balance(String token, String holder) {
    try {
      String data =
          org.web3j.abi.FunctionEncoder.encode(
              new org.web3j.abi.datatypes.Function(
                  "balanceOf",
                  List.of(new org.web3j.abi.datatypes.Address(holder)),
                  List.of()));
      String out =
          session()
              .web3j()
              .ethCall(
                  org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(
                      holder, token, data),
                  DefaultBlockParameterName.LATEST)
              .send()
              .getValue();
      return new BigInteger(out.substring(2), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
