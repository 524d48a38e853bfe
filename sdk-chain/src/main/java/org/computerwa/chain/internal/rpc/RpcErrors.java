package org.computerwa.chain.internal.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.computerwa.chain.client.ChainException;
import org.jspecify.annotations.Nullable;

/** Turns JSON-RPC error objects into {@link ChainException}s and reads well-known messages. */
public final class RpcErrors {
  private RpcErrors() {}

  /**
   * The exception for a JSON-RPC error object.
   *
   * @param method the method that failed
   * @param error the {@code error} member of the reply
   * @return a {@link ChainException.Kind#RPC_ERROR} (or DECODE when the object is malformed)
   */
  public static ChainException of(String method, JsonNode error) {
    if (!error.isObject() || !error.path("code").canConvertToLong()) {
      return ChainException.of(
          ChainException.Kind.DECODE, method + " answered a malformed JSON-RPC error: " + error, null, null);
    }
    return ChainException.rpcError(method, error.path("code").asLong(), error.path("message").asText(""), data(error.get("data")));
  }

  private static @Nullable String data(@Nullable JsonNode data) {
    if (data == null || data.isNull()) {
      return null;
    }
    if (data.isTextual() && data.asText().startsWith("0x")) {
      return data.asText();
    }
    if (data.isObject() && data.path("data").isTextual()) {
      return data.path("data").asText();
    }
    return null;
  }

  /** Whether a send failed because the node already has this very transaction. */
  public static boolean alreadyKnown(ChainException e) {
    String m = lower(e);
    return m.contains("already known") || m.contains("known transaction") || m.contains("already imported")
        || m.contains("transaction already exists");
  }

  /** Whether a send failed because the account's nonce is past this transaction's. */
  public static boolean nonceTooLow(ChainException e) {
    String m = lower(e);
    return m.contains("nonce too low") || m.contains("nonce is too low") || m.contains("already been used");
  }

  /** Whether a replacement was refused for paying too little more than the transaction it replaces. */
  public static boolean underpriced(ChainException e) {
    String m = lower(e);
    return m.contains("underpriced") || m.contains("less than block base fee") || m.contains("fee cap")
        || m.contains("max fee per gas less than") || m.contains("gas price too low") || m.contains("gasprice is less");
  }

  /** Whether the node says the sender cannot pay. */
  public static boolean insufficientFunds(ChainException e) {
    return lower(e).contains("insufficient funds");
  }

  /** Whether the error is an execution revert (carrying revert data, possibly empty). */
  public static boolean isRevert(ChainException e) {
    String m = lower(e);
    return e.kind() == ChainException.Kind.RPC_ERROR
        && (e.rpcCode().orElse(0L) == 3 || m.contains("revert") || e.revertData().isPresent());
  }

  private static String lower(ChainException e) {
    String m = e.getMessage();
    return m == null ? "" : m.toLowerCase(Locale.ROOT);
  }
}
