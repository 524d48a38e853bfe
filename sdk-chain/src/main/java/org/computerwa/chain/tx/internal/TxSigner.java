package org.computerwa.chain.tx.internal;

import java.math.BigInteger;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Keccak256;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SigningKey;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Signs transactions with the SDK's own key: EIP-1559 (type 2) when the chain has a base fee,
 * legacy EIP-155 otherwise. web3j only encodes (RLP); the key never leaves {@link SigningKey}.
 */
public final class TxSigner {
  private final SigningKey key;
  private final long chainId;

  /**
   * A signer for one chain.
   *
   * @param key the key
   * @param chainId the chain id signed into every transaction
   */
  public TxSigner(SigningKey key, long chainId) {
    this.key = key;
    this.chainId = chainId;
  }

  /**
   * Signs one transaction.
   *
   * @param seq the attempt number
   * @param nonce the nonce
   * @param gasLimit the gas limit
   * @param to the target, or null for a creation
   * @param value the wei sent
   * @param data the call data
   * @param fees the fees
   * @return the attempt (hash and raw)
   */
  public OperationRow.Attempt sign(
      int seq, long nonce, long gasLimit, @Nullable String to, BigInteger value, String data, Fees fees) {
    BigInteger n = BigInteger.valueOf(nonce);
    BigInteger gas = BigInteger.valueOf(gasLimit);
    String target = to == null ? "" : to;
    byte[] signed;
    if (fees.eip1559()) {
      RawTransaction tx =
          RawTransaction.createTransaction(chainId, n, gas, target, value, data, fees.tip(), fees.maxFee());
      Signature sig = key.sign(Keccak256.hash(TransactionEncoder.encode(tx)));
      signed = TransactionEncoder.encode(tx, signatureData(sig));
    } else {
      RawTransaction tx = RawTransaction.createTransaction(n, fees.gasPrice(), gas, target, value, data);
      Signature sig = key.sign(Keccak256.hash(TransactionEncoder.encode(tx, chainId)));
      signed = TransactionEncoder.encode(tx, TransactionEncoder.createEip155SignatureData(signatureData(sig), chainId));
    }
    String hash = Keccak256.hash(signed).toHex();
    return new OperationRow.Attempt(
        seq,
        hash,
        Numeric.toHexString(signed),
        fees.eip1559() ? fees.maxFee().toString() : null,
        fees.eip1559() ? fees.tip().toString() : null,
        fees.eip1559() ? null : fees.gasPrice().toString(),
        System.currentTimeMillis());
  }

  /**
   * r and s as minimal big-endian bytes: RLP integers carry no leading zeros, and a node
   * re-encodes canonically, so a padded r or s (one signature in 128) would give the node
   * another transaction hash than the one journaled.
   */
  private static Sign.SignatureData signatureData(Signature sig) {
    return new Sign.SignatureData((byte) sig.v(), minimal(sig.r()), minimal(sig.s()));
  }

  private static byte[] minimal(java.math.BigInteger v) {
    byte[] b = Bytes32.fromUint(v).toBytes();
    int i = 0;
    while (i < b.length - 1 && b[i] == 0) {
      i++;
    }
    return java.util.Arrays.copyOfRange(b, i, b.length);
  }
}
