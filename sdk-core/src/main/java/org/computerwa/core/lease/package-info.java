/**
 * Leases of compute capacity: {@link org.computerwa.core.lease.LeaseTerms} with
 * {@link org.computerwa.core.lease.SlaTerms}, the {@link org.computerwa.core.lease.LeaseStatus}
 * state machine and the {@link org.computerwa.core.lease.LeaseLedger} that answers what has
 * accrued, what is paid and owed, how long the escrow lasts and what an SLA breach credits.
 *
 * <pre>{@code
 * LeaseLedger ledger = LeaseLedger.open(terms).deposit(TokenAmount.parse("5000", usdc));
 * ledger.accruedAt(now);
 * ledger.runwayAt(now);
 * ledger.slaCredit(monthStart, monthEnd, 9_870);
 * }</pre>
 *
 * <p>All amounts are exact: {@link java.math.BigInteger} base units, rounding stated where it
 * happens (always down).
 */
@NullMarked
package org.computerwa.core.lease;

import org.jspecify.annotations.NullMarked;
