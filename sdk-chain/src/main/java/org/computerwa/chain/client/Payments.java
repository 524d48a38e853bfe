package org.computerwa.chain.client;

import java.math.BigInteger;
import org.computerwa.chain.client.internal.Rpc;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;

/**
 * The deployment's payment token: what it is and who holds how much.
 *
 * <pre>{@code
 * Token usd = client.payments().token();          // tUSD@0x5FC8... (6 decimals)
 * TokenAmount balance = client.payments().balanceOf(lessee);
 * client.payments().mintTestTokens(lessee, TokenAmount.parse("1000", usd));  // test token only
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Payments {
  private final ComputeRwaClient client;
  private final Rpc rpc;

  Payments(ComputeRwaClient client) {
    this.client = client;
    this.rpc = client.rpc();
  }

  /**
   * The payment token as sdk-core describes it: symbol and decimals read from the chain, and its
   * address. Lease terms must be in this token.
   *
   * @return the token
   */
  public Token token() {
    return client.token();
  }

  /**
   * A wallet balance of the payment token.
   *
   * @param account the account
   * @return its balance
   */
  public TokenAmount balanceOf(Address account) {
    String token = tokenHex();
    BigInteger units = rpc.view("read balance of " + account, token, erc20().balanceOf(account.toHex()));
    return TokenAmount.of(units, client.token());
  }

  /**
   * Mints payment tokens; works only when the payment token is the SDK's {@code TestStablecoin}
   * (local chains and demos), whose mint is open to anyone.
   *
   * @param to the receiver, not zero
   * @param amount the amount, positive, in the payment token
   * @return the receipt
   * @throws ValidationException for a zero receiver, an amount in another token or not positive
   * @throws ChainException REVERTED when the payment token has no open mint
   */
  public Receipt mintTestTokens(Address to, TokenAmount amount) {
    Assets.nonZero("to", to);
    if (!amount.token().equals(client.token())) {
      throw new MixedTokenException("amount.token", client.token(), amount.token());
    }
    if (amount.isZero()) {
      throw new ValidationException("amount", amount, "must be positive");
    }
    return rpc.send(
            "mint " + amount + " to " + to,
            tokenHex(),
            erc20().mint(to.toHex(), amount.baseUnits()).encodeFunctionCall())
        .receipt();
  }

  private String tokenHex() {
    return client.deployment().paymentToken().toHex();
  }

  private TestStablecoin erc20() {
    return TestStablecoin.load(tokenHex(), rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
  }
}
