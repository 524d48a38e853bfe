package org.computerwa.chain.internal.rpc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.web3j.protocol.Service;

/**
 * Lets web3j's generated wrappers and request objects speak through {@link JsonRpc}, so that
 * every JSON-RPC exchange of the SDK shares one transport, its error classification and its URL
 * redaction. A classified failure surfaces as the {@link org.computerwa.chain.client.ChainException}
 * thrown by {@link JsonRpc}, not as web3j's own exception types.
 */
public final class Web3jTransport extends Service {
  private final JsonRpc rpc;

  /**
   * Wraps a transport.
   *
   * @param rpc the transport; closing it is the caller's job
   */
  public Web3jTransport(JsonRpc rpc) {
    super(false);
    this.rpc = rpc;
  }

  @Override
  protected InputStream performIO(String payload) {
    return new ByteArrayInputStream(rpc.post("web3j request", payload).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    // The JsonRpc owner closes it.
  }
}
