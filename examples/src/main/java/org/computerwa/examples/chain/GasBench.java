package org.computerwa.examples.chain;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.core.ComputeRwaException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * What a {@link GasScenario} measures with: a running dev chain, a web3j session, funded
 * accounts, the holder counts to measure at, and the recorder.
 *
 * <pre>{@code
 * TransactionReceipt r = ShareStack.call(stack.distributor().deposit(amount));
 * bench.record("revenue deposit", holders, r, 60_000);
 * }</pre>
 */
public final class GasBench {
  /** Holder count of an operation whose cost the number of holders cannot affect. */
  public static final int ONE_OFF = -1;

  private final DevChain chain;
  private final ChainSession session;
  private final List<Integer> holderCounts;
  private final List<GasMeasurement> measurements = new ArrayList<>();
  private final java.util.Map<String, String> notes = new java.util.LinkedHashMap<>();
  private String scenario = "";

  GasBench(DevChain chain, ChainSession session, List<Integer> holderCounts) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.session = Objects.requireNonNull(session, "session");
    this.holderCounts = List.copyOf(holderCounts);
  }

  void startScenario(String name) {
    this.scenario = name;
  }

  /**
   * The web3j session on the dev chain.
   *
   * @return the session
   */
  public ChainSession session() {
    return session;
  }

  /**
   * Funded account {@code index} of the dev chain (0 is the deployer).
   *
   * @param index the account index
   * @return its credentials
   */
  public Credentials account(int index) {
    return ChainSession.credentials(chain.accounts().get(index));
  }

  /**
   * The share-holder counts to measure holder-dependent operations at, ascending.
   *
   * @return the counts
   */
  public List<Integer> holderCounts() {
    return holderCounts;
  }

  /**
   * {@code count} distinct addresses without keys, derived from {@code salt} (holders that
   * only need to hold).
   *
   * @param salt distinguishes sets of holders
   * @param count how many
   * @return the addresses
   */
  public static List<String> syntheticHolders(String salt, int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] seed =
          ByteBuffer.allocate(salt.length() + 4).put(salt.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(i).array();
      byte[] hash = Hash.sha3(seed);
      out.add(Numeric.toHexString(hash, 12, 20, true));
    }
    return out;
  }

  /**
   * Records the gas of a successful transaction.
   *
   * @param operation what the transaction did
   * @param holders share holders at the time, or {@link #ONE_OFF}
   * @param receipt its receipt
   * @param target the gas target, or 0 for none
   * @throws ComputeRwaException if the transaction failed
   */
  public void record(String operation, int holders, TransactionReceipt receipt, long target) {
    if (!receipt.isStatusOK()) {
      throw new ComputeRwaException(
          operation + " failed on chain: " + receipt.getRevertReason() + " (" + receipt.getTransactionHash() + ")");
    }
    BigInteger gas = receipt.getGasUsed();
    measurements.add(GasMeasurement.of(scenario, operation, holders, gas.longValueExact(), target));
  }

  /**
   * Records the gas of a transaction sent through the public client.
   *
   * @param operation what was done
   * @param holders share holders at the time, or {@link #ONE_OFF}
   * @param receipt the client's receipt (the client throws on a failed transaction)
   * @param target the gas target, or 0 for none
   */
  public void record(String operation, int holders, org.computerwa.chain.client.Receipt receipt, long target) {
    measurements.add(GasMeasurement.of(scenario, operation, holders, receipt.gasUsed(), target));
  }

  /**
   * The dev chain's JSON-RPC URL, for clients of the public API.
   *
   * @return the URL
   */
  public String rpcUrl() {
    return chain.rpcUrl();
  }

  /**
   * The signing key of a funded dev account, for clients of the public API.
   *
   * @param index 0 to the number of accounts - 1
   * @return the key
   */
  public org.computerwa.core.crypto.SigningKey key(int index) {
    return org.computerwa.core.crypto.SigningKey.fromHex(chain.accounts().get(index).privateKeyHex());
  }

  /**
   * Attaches an explanation to an operation (printed under the table).
   *
   * @param operation the operation as recorded
   * @param note why it costs what it costs
   */
  public void explain(String operation, String note) {
    notes.put(operation, note);
  }

  /**
   * The explanations, by operation.
   *
   * @return the notes
   */
  public java.util.Map<String, String> notes() {
    return Collections.unmodifiableMap(notes);
  }

  /**
   * Everything recorded so far, in order.
   *
   * @return the measurements
   */
  public List<GasMeasurement> measurements() {
    return Collections.unmodifiableList(measurements);
  }
}
