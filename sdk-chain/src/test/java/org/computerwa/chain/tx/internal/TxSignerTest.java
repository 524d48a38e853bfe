package org.computerwa.chain.tx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.computerwa.core.crypto.SigningKey;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The SDK's signer against web3j's own signing (an independent implementation of the same
 * encoding) over many random keys, so that the one-in-128 signatures whose r or s starts with a
 * zero byte are covered: same bytes, same hash.
 */
class TxSignerTest {
  private static final long SEED = Long.getLong("computerwa.seed", 20261201L);

  @Test
  void rawTransactionsAndHashesMatchWeb3jsForEip1559AndLegacy() {
    System.out.println("TxSignerTest seed " + SEED + " (replay with -Dcomputerwa.seed=" + SEED + ")");
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < 600; i++) {
      BigInteger secret = new BigInteger(250, new java.util.Random(random.nextLong())).add(BigInteger.ONE);
      SigningKey key = SigningKey.fromSecret(secret);
      Credentials web3 = Credentials.create(Numeric.toHexStringWithPrefixZeroPadded(secret, 64));
      long nonce = random.nextInt(1_000_000);
      String to = "0x" + String.format("%040x", new BigInteger(160, new java.util.Random(random.nextLong())));
      String data = "0x" + Integer.toHexString(random.nextInt(Integer.MAX_VALUE));
      data = data.length() % 2 == 1 ? data + "0" : data;
      boolean eip1559 = random.nextBoolean();
      Fees fees = eip1559
          ? Fees.market1559(BigInteger.valueOf(random.nextInt(1_000_000_000)), BigInteger.valueOf(random.nextInt(1_000_000)))
          : Fees.legacy(BigInteger.valueOf(random.nextInt(1_000_000_000)));
      OperationRow.Attempt ours = new TxSigner(key, 31337).sign(0, nonce, 100_000, to, BigInteger.ZERO, data, fees);
      RawTransaction tx = eip1559
          ? RawTransaction.createTransaction(31337, BigInteger.valueOf(nonce), BigInteger.valueOf(100_000), to, BigInteger.ZERO, data, fees.tip(), fees.maxFee())
          : RawTransaction.createTransaction(BigInteger.valueOf(nonce), fees.gasPrice(), BigInteger.valueOf(100_000), to, BigInteger.ZERO, data);
      String theirs = Numeric.toHexString(TransactionEncoder.signMessage(tx, 31337, web3));
      assertThat(ours.raw()).as("transaction %d", i).isEqualTo(theirs);
      assertThat(ours.txHash()).isEqualTo(Hash.sha3(theirs));
    }
  }
}
