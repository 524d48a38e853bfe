/**
 * Exact money: {@link org.computerwa.core.money.Token}s, amounts in integer base units
 * ({@link org.computerwa.core.money.TokenAmount}) and streaming rates
 * ({@link org.computerwa.core.money.Rate}).
 *
 * <pre>{@code
 * Token usdc = Token.of("USDC", 6);
 * TokenAmount price = TokenAmount.parse("1250.50", usdc);   // 1 250 500 000 base units
 * Rate rate = Rate.of(new BigInteger("385"), usdc);          // 385 base units per second
 * TokenAmount day = rate.accrue(Duration.ofDays(1));        // 33 264 000 base units
 * }</pre>
 *
 * <p>No floating point anywhere: amounts are {@link java.math.BigInteger} base units, decimal
 * strings are parsed and formatted exactly, and amounts of different tokens never combine.
 */
@NullMarked
package org.computerwa.core.money;

import org.jspecify.annotations.NullMarked;
