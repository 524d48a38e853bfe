package org.computerwa.chain.internal;

import java.io.IOException;
import java.math.BigInteger;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.tx.Operation;
import org.computerwa.chain.tx.TransactionPipeline;
import org.computerwa.chain.tx.TransactionRequest;
import org.computerwa.core.crypto.Address;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * A web3j transaction manager that sends through the {@link TransactionPipeline}, so that the
 * generated wrappers (used by the module's tests and the gas scenarios) take the one path every
 * write takes. The wrapper's gas limit is kept (no simulation: a call meant to revert is mined and
 * its status-0 receipt reaches the wrapper as before); fees are the pipeline's.
 */
public final class PipelineTransactionManager extends TransactionManager {
  private final Web3j web3j;
  private final TransactionPipeline pipeline;

  /**
   * A manager for one sender.
   *
   * @param web3j reads (calls, code)
   * @param pipeline the sender's pipeline
   * @param receipts how the wrapper waits for receipts
   */
  public PipelineTransactionManager(Web3j web3j, TransactionPipeline pipeline, TransactionReceiptProcessor receipts) {
    super(receipts, pipeline.sender());
    this.web3j = web3j;
    this.pipeline = pipeline;
  }

  /**
   * Sends through the pipeline and returns the mined transaction's hash, including a mined revert
   * (its receipt says status 0).
   *
   * @param action for messages
   * @param to the target, or null/empty for a creation
   * @param data the data
   * @param value the wei sent
   * @param gasLimit the gas limit
   * @return the mined hash
   */
  public String send(String action, String to, String data, BigInteger value, BigInteger gasLimit) {
    TransactionRequest.Builder r =
        TransactionRequest.builder().action(action).data(data).value(value).gasLimit(gasLimit.longValueExact());
    if (to != null && !to.isEmpty()) {
      r.to(Address.fromHex(to));
    }
    try {
      Operation op = pipeline.send(r.build());
      return op.transactionHash().orElseThrow();
    } catch (ChainException e) {
      if (e.kind() == ChainException.Kind.REVERTED && e.transactionHash().isPresent()) {
        return e.transactionHash().get();
      }
      throw e;
    }
  }

  @Override
  public EthSendTransaction sendTransaction(
      BigInteger gasPrice, BigInteger gasLimit, String to, String data, BigInteger value, boolean constructor) {
    return response(send(constructor ? "deploy a contract" : "call " + to, constructor ? null : to, data, value, gasLimit));
  }

  @Override
  public EthSendTransaction sendEIP1559Transaction(
      long chainId,
      BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas,
      BigInteger gasLimit,
      String to,
      String data,
      BigInteger value,
      boolean constructor) {
    return sendTransaction(maxFeePerGas, gasLimit, to, data, value, constructor);
  }

  private static EthSendTransaction response(String hash) {
    EthSendTransaction sent = new EthSendTransaction();
    sent.setResult(hash);
    return sent;
  }

  @Override
  public String sendCall(String to, String data, DefaultBlockParameter block) throws IOException {
    EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(getFromAddress(), to, data), block).send();
    if (call.isReverted()) {
      throw new ContractCallException(String.format(REVERT_ERR_STR, call.getRevertReason()));
    }
    return call.getValue();
  }

  @Override
  public EthGetCode getCode(String contractAddress, DefaultBlockParameter block) throws IOException {
    return web3j.ethGetCode(contractAddress, block).send();
  }
}
