/**
 * The SDK's hardened JSON: {@link org.computerwa.core.json.ComputeRwaJson} reads every model
 * strictly (unknown or duplicate properties, trailing data, oversized or over-deep documents,
 * numbers for money and class-name tricks are all rejected with a
 * {@link org.computerwa.core.ValidationException} naming the JSON path) and writes the RFC 8785
 * canonical form used for hashing.
 *
 * <pre>{@code
 * ComputeRwaJson json = ComputeRwaJson.standard();
 * Token token = json.read("{\"symbol\":\"USDC\",\"decimals\":6}", Token.class);
 * }</pre>
 */
@NullMarked
package org.computerwa.core.json;

import org.jspecify.annotations.NullMarked;
