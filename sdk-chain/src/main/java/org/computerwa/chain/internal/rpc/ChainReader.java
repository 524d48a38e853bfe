package org.computerwa.chain.internal.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.computerwa.chain.client.ChainException;
import org.jspecify.annotations.Nullable;

/** Typed reads over {@link JsonRpc}: numbers, blocks, receipts, code, estimates. */
public final class ChainReader {
  private final JsonRpc rpc;

  /**
   * Reads through a transport.
   *
   * @param rpc the transport
   */
  public ChainReader(JsonRpc rpc) {
    this.rpc = rpc;
  }

  /**
   * The transport.
   *
   * @return it
   */
  public JsonRpc rpc() {
    return rpc;
  }

  /**
   * A block header.
   *
   * @param number the block number
   * @param hash the block hash
   * @param parentHash the parent's hash
   * @param timestamp seconds since the epoch
   * @param baseFee the base fee, or null on a chain without EIP-1559
   */
  public record Block(long number, String hash, String parentHash, long timestamp, @Nullable BigInteger baseFee) {}

  /**
   * A receipt's essentials.
   *
   * @param txHash the transaction
   * @param blockNumber its block
   * @param blockHash that block's hash
   * @param success status 1
   * @param gasUsed gas used
   * @param contractAddress the created contract, or null
   */
  public record Receipt(String txHash, long blockNumber, String blockHash, boolean success, long gasUsed, @Nullable String contractAddress) {}

  /** eth_chainId. */
  public long chainId() {
    return quantity("eth_chainId", rpc.call("eth_chainId")).longValueExact();
  }

  /** eth_blockNumber. */
  public long blockNumber() {
    return quantity("eth_blockNumber", rpc.call("eth_blockNumber")).longValueExact();
  }

  /**
   * A block by number or tag.
   *
   * @param tag "latest", "safe", or a 0x quantity
   * @return the header, empty when there is no such block
   */
  public Optional<Block> block(String tag) {
    JsonNode b = rpc.call("eth_getBlockByNumber", tag, false);
    if (b == null || b.isNull()) {
      return Optional.empty();
    }
    JsonNode fee = b.get("baseFeePerGas");
    return Optional.of(
        new Block(
            quantity("block.number", b.get("number")).longValueExact(),
            text("block.hash", b.get("hash")),
            text("block.parentHash", b.get("parentHash")),
            quantity("block.timestamp", b.get("timestamp")).longValueExact(),
            fee == null || fee.isNull() ? null : quantity("block.baseFeePerGas", fee)));
  }

  /**
   * A block by number.
   *
   * @param number the number
   * @return the header
   */
  public Optional<Block> block(long number) {
    return block(hex(number));
  }

  /**
   * The account's transaction count.
   *
   * @param address the account
   * @param tag "latest" or "pending"
   * @return the count
   */
  public long transactionCount(String address, String tag) {
    return quantity("eth_getTransactionCount", rpc.call("eth_getTransactionCount", address, tag)).longValueExact();
  }

  /**
   * A receipt.
   *
   * @param txHash the transaction
   * @return the receipt, empty while not mined
   */
  public Optional<Receipt> receipt(String txHash) {
    JsonNode r = rpc.call("eth_getTransactionReceipt", txHash);
    if (r == null || r.isNull() || r.get("blockHash") == null || r.get("blockHash").isNull()) {
      return Optional.empty();
    }
    JsonNode ca = r.get("contractAddress");
    return Optional.of(
        new Receipt(
            txHash,
            quantity("receipt.blockNumber", r.get("blockNumber")).longValueExact(),
            text("receipt.blockHash", r.get("blockHash")),
            quantity("receipt.status", r.get("status")).signum() == 1,
            quantity("receipt.gasUsed", r.get("gasUsed")).longValueExact(),
            ca == null || ca.isNull() ? null : ca.asText()));
  }

  /**
   * Whether the node knows a transaction (pending or mined).
   *
   * @param txHash the transaction
   * @return true when known
   */
  public boolean knows(String txHash) {
    JsonNode t = rpc.call("eth_getTransactionByHash", txHash);
    return t != null && !t.isNull();
  }

  /**
   * The code at an address.
   *
   * @param address the address
   * @return 0x-hex, "0x" when none
   */
  public String code(String address) {
    return text("eth_getCode", rpc.call("eth_getCode", address, "latest"));
  }

  /**
   * eth_estimateGas.
   *
   * @param from the sender
   * @param to the target or null
   * @param data the data
   * @param value the wei sent
   * @return the estimate
   * @throws ChainException RPC_ERROR with revert data when it reverts
   */
  public long estimateGas(String from, @Nullable String to, String data, BigInteger value) {
    return quantity("eth_estimateGas", rpc.call("eth_estimateGas", call(from, to, data, value))).longValueExact();
  }

  /**
   * eth_call.
   *
   * @param from the caller
   * @param to the target or null
   * @param data the data
   * @param tag the block
   * @return the return data
   */
  public String call(String from, @Nullable String to, String data, String tag) {
    return text("eth_call", rpc.call("eth_call", call(from, to, data, BigInteger.ZERO), tag));
  }

  private static Map<String, Object> call(String from, @Nullable String to, String data, BigInteger value) {
    Map<String, Object> tx = new LinkedHashMap<>();
    tx.put("from", from);
    if (to != null) {
      tx.put("to", to);
    }
    tx.put("data", data);
    if (value.signum() > 0) {
      tx.put("value", "0x" + value.toString(16));
    }
    return tx;
  }

  /** eth_maxPriorityFeePerGas, or 1 gwei when the node has no such method. */
  public BigInteger priorityFee() {
    try {
      return quantity("eth_maxPriorityFeePerGas", rpc.call("eth_maxPriorityFeePerGas"));
    } catch (ChainException e) {
      if (e.kind() == ChainException.Kind.RPC_ERROR && e.rpcCode().orElse(0L) == -32601) {
        return BigInteger.valueOf(1_000_000_000L);
      }
      throw e;
    }
  }

  /** eth_gasPrice. */
  public BigInteger gasPrice() {
    return quantity("eth_gasPrice", rpc.call("eth_gasPrice"));
  }

  /**
   * eth_sendRawTransaction.
   *
   * @param raw the signed transaction
   * @return the hash the node reports
   */
  public String sendRaw(String raw) {
    return text("eth_sendRawTransaction", rpc.call("eth_sendRawTransaction", raw));
  }

  /**
   * A 0x quantity.
   *
   * @param n the number
   * @return hex
   */
  public static String hex(long n) {
    return "0x" + Long.toHexString(n);
  }

  /**
   * Parses a quantity, failing with DECODE.
   *
   * @param what for messages
   * @param node the node
   * @return the number
   */
  public static BigInteger quantity(String what, @Nullable JsonNode node) {
    String s = node == null ? null : node.asText(null);
    if (s == null || !s.startsWith("0x") || s.length() < 3 || s.length() > 66) {
      throw ChainException.of(ChainException.Kind.DECODE, what + ": expected a 0x quantity, got " + node, null, null);
    }
    try {
      return new BigInteger(s.substring(2), 16);
    } catch (NumberFormatException e) {
      throw ChainException.of(ChainException.Kind.DECODE, what + ": expected a 0x quantity, got " + s, null, e);
    }
  }

  private static String text(String what, @Nullable JsonNode node) {
    if (node == null || !node.isTextual() || !node.asText().startsWith("0x")) {
      throw ChainException.of(ChainException.Kind.DECODE, what + ": expected 0x-hex, got " + node, null, null);
    }
    return node.asText().toLowerCase(java.util.Locale.ROOT);
  }
}
