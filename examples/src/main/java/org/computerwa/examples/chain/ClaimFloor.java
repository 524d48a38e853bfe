package org.computerwa.examples.chain;

import java.util.Locale;

/**
 * The least gas a claim can use, added up from the EVM's gas schedule (Cancun: cold account and
 * storage access of EIP-2929, storage writes of EIP-2200 and EIP-3529, log costs of the yellow
 * paper), so that a row that cannot reach its target says why with arithmetic rather than a
 * typed figure.
 *
 * <pre>{@code
 * bench.explain(row, ClaimFloor.firstClaimNote());
 * }</pre>
 *
 * <p>Only what any pull-based claim must do is counted: the transaction, reading the distribution
 * and the holder's entry and writing the holder's entry, calling the stablecoin, which reads and
 * lowers the payer's balance, creates the holder's balance slot and logs its {@code Transfer}.
 * Calldata, every instruction that computes, and the claim's own event come on top.
 */
final class ClaimFloor {
  static final long TRANSACTION = 21_000;
  static final long COLD_ACCOUNT = 2_600;
  static final long COLD_SLOT_READ = 2_100;
  /** A write of a slot read in the same transaction that changes a non-zero value. */
  static final long SLOT_UPDATE = 2_900;
  /** A write that makes a zero slot non-zero. */
  static final long SLOT_CREATE = 20_000;
  /** LOG3 with one 32-byte word of data: ERC-20 {@code Transfer(from, to, value)}. */
  static final long TRANSFER_LOG = 375 + 3 * 375 + 8 * 32;
  /** LOG2 with one 32-byte word of data: the distributor's {@code Claimed(holder, amount)}. */
  static final long CLAIMED_LOG = 375 + 2 * 375 + 8 * 32;

  private ClaimFloor() {}

  /** Any design: pays a holder whose stablecoin balance slot does not exist yet. */
  static long anyDesign() {
    return TRANSACTION
        + COLD_SLOT_READ // points per share
        + COLD_SLOT_READ + SLOT_UPDATE // the holder's entry
        + COLD_ACCOUNT // the stablecoin
        + COLD_SLOT_READ + SLOT_UPDATE // the payer's stablecoin balance
        + COLD_SLOT_READ + SLOT_CREATE // the holder's new stablecoin balance
        + TRANSFER_LOG;
  }

  /** This design: one clone per asset that delegates to its implementation, with a Claimed event. */
  static long thisDesign() {
    return anyDesign() + COLD_ACCOUNT + CLAIMED_LOG;
  }

  /** The footnote of the first-claim rows. */
  static String firstClaimNote() {
    return String.format(
        Locale.ROOT,
        "the claim plus the payout stablecoin's own first write of the holder's balance (a new slot inside"
            + " the stablecoin). No claim design reaches the target: %,d (transaction) + %,d (points per share)"
            + " + %,d + %,d (the holder's entry) + %,d (calling the stablecoin) + %,d + %,d (the payer's"
            + " stablecoin balance) + %,d + %,d (the holder's new stablecoin balance) + %,d (its Transfer log)"
            + " = %,d gas, which leaves %,d gas of the target for the calldata and every instruction of the"
            + " claim and of the stablecoin's transfer; this contract adds %,d for the clone's call to its"
            + " implementation and %,d for its Claimed log (%,d before any computation). The target stays",
        TRANSACTION, COLD_SLOT_READ, COLD_SLOT_READ, SLOT_UPDATE, COLD_ACCOUNT, COLD_SLOT_READ, SLOT_UPDATE,
        COLD_SLOT_READ, SLOT_CREATE, TRANSFER_LOG, anyDesign(), ClientGasScenario.CLAIM_TARGET - anyDesign(),
        COLD_ACCOUNT, CLAIMED_LOG, thisDesign());
  }
}
