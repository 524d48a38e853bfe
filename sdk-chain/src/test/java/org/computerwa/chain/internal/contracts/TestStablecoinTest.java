package org.computerwa.chain.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computerwa.chain.internal.Reverts.assertReverts;
import static org.computerwa.chain.internal.ShareStack.call;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.ShareStack;
import org.computerwa.chain.internal.SharedChain;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

class TestStablecoinTest {
  private static final byte[] PERMIT_TYPEHASH =
      Hash.sha3(
          "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
              .getBytes(StandardCharsets.US_ASCII));
  private final ChainSession session = SharedChain.session();
  private final Credentials owner = SharedChain.account(17);
  private final Credentials spender = SharedChain.account(18);

  private Sign.SignatureData sign(
      TestStablecoin coin, Credentials signer, BigInteger value, BigInteger nonce, long deadline) {
    String structHash =
        Hash.sha3(
            Numeric.toHexStringNoPrefix(PERMIT_TYPEHASH)
                + TypeEncoder.encode(new Address(signer.getAddress()))
                + TypeEncoder.encode(new Address(spender.getAddress()))
                + TypeEncoder.encode(new Uint256(value))
                + TypeEncoder.encode(new Uint256(nonce))
                + TypeEncoder.encode(new Uint256(deadline)));
    byte[] domain = call(coin.DOMAIN_SEPARATOR());
    byte[] digest =
        Hash.sha3(
            Numeric.hexStringToByteArray(
                "0x1901"
                    + TypeEncoder.encode(new Bytes32(domain))
                    + Numeric.cleanHexPrefix(structHash)));
    return Sign.signMessage(digest, signer.getEcKeyPair(), false);
  }

  @Test
  void hasSixDecimalsAndAnOpenMint() {
    TestStablecoin coin = ShareStack.deployStablecoin(session, owner);
    assertThat(call(coin.decimals())).isEqualTo(BigInteger.valueOf(6));
    assertThat(call(coin.symbol())).isEqualTo("tUSD");
    call(coin.mint(spender.getAddress(), BigInteger.valueOf(5_000_000)));
    assertThat(call(coin.balanceOf(spender.getAddress()))).isEqualTo(BigInteger.valueOf(5_000_000));
  }

  @Test
  void anEip2612PermitSetsTheAllowanceOnceAndCannotBeReplayed() {
    TestStablecoin coin = ShareStack.deployStablecoin(session, owner);
    BigInteger value = BigInteger.valueOf(1_000_000);
    long deadline = SharedChain.now() + 3600;
    Sign.SignatureData sig = sign(coin, owner, value, BigInteger.ZERO, deadline);
    TestStablecoin asSpender =
        TestStablecoin.load(coin.getContractAddress(), session.web3j(), session.as(spender), session.gas());
    var permit =
        asSpender.permit(
            owner.getAddress(),
            spender.getAddress(),
            value,
            BigInteger.valueOf(deadline),
            BigInteger.valueOf(sig.getV()[0]),
            sig.getR(),
            sig.getS());
    call(permit);
    assertThat(call(coin.allowance(owner.getAddress(), spender.getAddress()))).isEqualTo(value);
    assertThat(call(coin.nonces(owner.getAddress()))).isEqualTo(BigInteger.ONE);
    assertReverts(spender, coin, permit, "ERC2612InvalidSigner(address,address)");
  }

  @Test
  void anExpiredPermitIsRefused() {
    TestStablecoin coin = ShareStack.deployStablecoin(session, owner);
    long deadline = SharedChain.now() - 1;
    Sign.SignatureData sig = sign(coin, owner, BigInteger.TEN, BigInteger.ZERO, deadline);
    assertReverts(
        spender,
        coin,
        coin.permit(
            owner.getAddress(),
            spender.getAddress(),
            BigInteger.TEN,
            BigInteger.valueOf(deadline),
            BigInteger.valueOf(sig.getV()[0]),
            sig.getR(),
            sig.getS()),
        "ERC2612ExpiredSignature(uint256)");
  }
}
