/**
 * Where lease income goes: the {@link org.computerwa.core.revenue.Waterfall} (operator fee, then
 * lender debt service if the asset is pledged, then holders) and the exact
 * {@link org.computerwa.core.revenue.ProRataSplit} of the holders' part over share balances.
 *
 * <pre>{@code
 * Distribution d = Waterfall.builder().operatorFeeBps(1_000).build().distribute(income);
 * SortedMap<String, TokenAmount> payouts = ProRataSplit.of(balances).split(d.holders());
 * }</pre>
 *
 * <p>No base unit is ever created or lost: every result sums exactly to its input.
 */
@NullMarked
package org.computerwa.core.revenue;

import org.jspecify.annotations.NullMarked;
