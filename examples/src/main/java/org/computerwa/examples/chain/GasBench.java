package org.computerwa.examples.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.computerwa.chain.client.Receipt;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Keccak256;
import org.computerwa.core.crypto.SigningKey;

/**
 * What a {@link GasScenario} measures with: a running dev chain, its funded accounts' keys, the
 * holder counts to measure at, and the recorder. Scenarios send every transaction through the
 * public client ({@code ComputeRwaClient}, {@code Deployer}) and record its {@link Receipt}.
 *
 * <pre>{@code
 * Receipt r = holder.assets().transferShares(asset, other, shares);
 * bench.record("share transfer to an existing holder", holders, r, 60_000);
 * }</pre>
 */
public final class GasBench {
  /** Holder count of an operation whose cost the number of holders cannot affect. */
  public static final int ONE_OFF = -1;

  private final DevChain chain;
  private final List<Integer> holderCounts;
  private final List<GasMeasurement> measurements = new ArrayList<>();
  private final Map<String, String> notes = new LinkedHashMap<>();
  private String scenario = "";

  GasBench(DevChain chain, List<Integer> holderCounts) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.holderCounts = List.copyOf(holderCounts);
  }

  void startScenario(String name) {
    this.scenario = name;
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
  public static List<Address> syntheticHolders(String salt, int count) {
    List<Address> out = new ArrayList<>(count);
    byte[] prefix = salt.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < count; i++) {
      byte[] seed = ByteBuffer.allocate(prefix.length + 4).put(prefix).putInt(i).array();
      byte[] hash = Keccak256.hash(seed).toBytes();
      byte[] address = new byte[20];
      System.arraycopy(hash, 12, address, 0, 20);
      out.add(Address.of(address));
    }
    return out;
  }

  /**
   * Records the gas of a transaction sent through the public client.
   *
   * @param operation what was done
   * @param holders share holders at the time, or {@link #ONE_OFF}
   * @param receipt the client's receipt (the client throws on a failed transaction)
   * @param target the gas target, or 0 for none
   */
  public void record(String operation, int holders, Receipt receipt, long target) {
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
  public SigningKey key(int index) {
    return SigningKey.fromHex(chain.accounts().get(index).privateKeyHex());
  }

  /**
   * Moves the dev chain's clock forward and mines a block at the new time.
   *
   * @param by how far, at least one second
   */
  public void advance(Duration by) {
    chain.advanceTime(by);
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
  public Map<String, String> notes() {
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
