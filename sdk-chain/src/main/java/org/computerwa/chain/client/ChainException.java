package org.computerwa.chain.client;

import java.util.List;
import java.util.Optional;
import org.computerwa.core.ComputeRwaException;
import org.jspecify.annotations.Nullable;

/**
 * A chain or RPC failure: a transaction or call that reverted, a node that refused a
 * transaction, a receipt that did not arrive in time, or a transport error.
 *
 * <pre>{@code
 * try {
 *   client.leases().settle(leaseId);
 * } catch (ChainException e) {
 *   if (e.retryable()) { ... try again later ... }
 *   e.kind();          // REVERTED
 *   e.errorName();     // Optional[WrongStatus]
 *   e.errorArguments() // [7, 3]
 * }
 * }</pre>
 *
 * <p>Reverts carry the contract's custom error (decoded with the ABI of every SDK contract and of
 * the OpenZeppelin errors they inherit), or the {@code Error(string)} reason, or the {@code
 * Panic(uint256)} code. A revert is never retryable: the same call fails the same way until the
 * chain state changes. Transport failures and receipt timeouts are retryable; a timed-out
 * transaction may still be mined, so check {@link #transactionHash()} before sending again.
 *
 * <p>Messages never contain the path or query of the RPC URL (where providers put API keys):
 * endpoints appear as {@code scheme://host:port/…}.
 *
 * @since 0.1.0
 */
public final class ChainException extends ComputeRwaException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, from the caller's point of view. */
  public enum Kind {
    /** The call or transaction reverted (simulated before sending, or mined with status 0). */
    REVERTED,
    /** The node refused the transaction (nonce, funds, fee); it was not mined. */
    REJECTED,
    /** The transaction was sent but no receipt arrived within the receipt timeout. */
    TIMEOUT,
    /** The node could not be reached (connection refused or reset, no answer in time). */
    TRANSPORT,
    /** The endpoint refused the credentials (HTTP 401 or 403); repeating will not help. */
    UNAUTHORIZED,
    /** The endpoint throttled the call (HTTP 429) and kept doing so after backing off. */
    RATE_LIMITED,
    /** The endpoint failed (HTTP 5xx) and kept failing after backing off. */
    UNAVAILABLE,
    /** The node answered with a JSON-RPC error; {@link ChainException#rpcCode()} holds its code. */
    RPC_ERROR,
    /** No contract code at the address a call or transaction was aimed at. */
    NO_CONTRACT,
    /** The node's reply or a contract's return data could not be decoded. */
    DECODE,
    /**
     * The node, a signer or a journal belongs to another chain or deployment than the one
     * configured.
     */
    WRONG_CHAIN
  }

  private final Kind kind;
  private final @Nullable String errorName;
  private final List<String> errorArguments;
  private final @Nullable String revertData;
  private final @Nullable String transactionHash;
  private final @Nullable Long rpcCode;

  private ChainException(
      Kind kind,
      String message,
      @Nullable String errorName,
      List<String> errorArguments,
      @Nullable String revertData,
      @Nullable String transactionHash,
      @Nullable Long rpcCode,
      @Nullable Throwable cause) {
    super(message, cause);
    this.rpcCode = rpcCode;
    this.kind = kind;
    this.errorName = errorName;
    this.errorArguments = List.copyOf(errorArguments);
    this.revertData = revertData;
    this.transactionHash = transactionHash;
  }

  /**
   * A revert.
   *
   * @param action what was attempted, such as {@code "settle lease 7"}
   * @param errorName the decoded error name, or null when the revert data is unknown or empty
   * @param errorArguments the decoded arguments as text
   * @param revertData the raw revert data as 0x-hex
   * @param transactionHash the mined transaction, or null when the revert was found by simulation
   * @return the exception
   */
  public static ChainException reverted(
      String action,
      @Nullable String errorName,
      List<String> errorArguments,
      String revertData,
      @Nullable String transactionHash) {
    String what =
        errorName == null
            ? "reverted without a known reason (data " + revertData + ")"
            : "reverted with " + errorName + errorArguments.toString().replace('[', '(').replace(']', ')');
    String where = transactionHash == null ? " (simulated, nothing sent)" : " in transaction " + transactionHash;
    return new ChainException(
        Kind.REVERTED, action + " " + what + where, errorName, errorArguments, revertData, transactionHash, null, null);
  }

  /**
   * A failure other than a revert.
   *
   * @param kind REJECTED, TIMEOUT or TRANSPORT
   * @param message what failed and with which value
   * @param transactionHash the transaction concerned, if one was sent
   * @param cause the underlying failure, if any
   * @return the exception
   */
  public static ChainException of(
      Kind kind, String message, @Nullable String transactionHash, @Nullable Throwable cause) {
    return new ChainException(kind, message, null, List.of(), null, transactionHash, null, cause);
  }

  /**
   * A JSON-RPC error answered by the node.
   *
   * @param method the JSON-RPC method, such as {@code "eth_sendRawTransaction"}
   * @param code the JSON-RPC error code
   * @param message the node's message
   * @param data the error's data as 0x-hex (revert data for an execution error), or null
   * @return the exception
   */
  public static ChainException rpcError(String method, long code, String message, @Nullable String data) {
    return new ChainException(
        Kind.RPC_ERROR,
        method + " failed with JSON-RPC error " + code + ": " + message,
        null,
        List.of(),
        data,
        null,
        code,
        null);
  }

  /**
   * The JSON-RPC error code the node answered with.
   *
   * @return the code, empty unless {@link #kind()} is {@link Kind#RPC_ERROR}
   */
  public Optional<Long> rpcCode() {
    return Optional.ofNullable(rpcCode);
  }

  /**
   * What went wrong.
   *
   * @return the kind of failure
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The name of the custom error ({@code "CapacityExceeded"}), {@code "Error"} for a
   * {@code require} message, or {@code "Panic"} for an assertion or arithmetic failure.
   *
   * @return the error name, empty when not a revert or the revert data is unknown
   */
  public Optional<String> errorName() {
    return Optional.ofNullable(errorName);
  }

  /**
   * The decoded error arguments as text: numbers in decimal, addresses and bytes in 0x-hex,
   * strings as they are.
   *
   * @return the arguments, empty when there are none or they could not be decoded
   */
  public List<String> errorArguments() {
    return errorArguments;
  }

  /**
   * The raw revert data, or the data of a JSON-RPC error.
   *
   * @return 0x-hex ({@code "0x"} for a bare revert), empty when there is none
   */
  public Optional<String> revertData() {
    return Optional.ofNullable(revertData);
  }

  /**
   * The transaction concerned.
   *
   * @return the 0x-hex hash, empty when nothing was sent (simulated revert, refused or transport
   *     failure before sending)
   */
  public Optional<String> transactionHash() {
    return Optional.ofNullable(transactionHash);
  }

  /**
   * True for transport failures, receipt timeouts, throttling, server errors and the JSON-RPC
   * codes that mean "try later" (-32005 limit exceeded, -32603 internal error); false for
   * reverts, refusals, credentials, missing contracts, decode failures and wrong chains.
   *
   * @return whether repeating the call unchanged may succeed
   */
  @Override
  public boolean retryable() {
    switch (kind) {
      case TRANSPORT:
      case TIMEOUT:
      case RATE_LIMITED:
      case UNAVAILABLE:
        return true;
      case RPC_ERROR:
        return rpcCode != null && (rpcCode == -32005 || rpcCode == -32603);
      default:
        return false;
    }
  }
}
