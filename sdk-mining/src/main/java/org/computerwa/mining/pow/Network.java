package org.computerwa.mining.pow;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.computerwa.core.ValidationException;

/**
 * The proof-of-work consensus parameters of one Bitcoin network, as in Bitcoin Core's
 * {@code chainparams}.
 *
 * <pre>{@code
 * Network net = Network.named("testnet4");
 * net.powLimit();                  // easiest allowed target
 * net.difficultyAdjustmentInterval();   // 2016
 * net.allowMinDifficultyBlocks();  // true: the 20-minute rule
 * net.enforceBip94();              // true: retarget from the period's first block, time-warp fix
 * }</pre>
 *
 * <p>The SDK has no default network: every verifier's builder requires one, so that nobody checks
 * mainnet headers against regtest's limit by omission.
 *
 * @since 0.1.0
 */
public final class Network {
  private static final String MAIN_LIMIT = "00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

  /** Bitcoin mainnet. */
  public static final Network MAINNET =
      new Network("mainnet", MAIN_LIMIT, false, false, false, 227_931, 363_725, 388_381);

  /** The third test network: minimum-difficulty blocks allowed after 20 minutes. */
  public static final Network TESTNET3 =
      new Network("testnet3", MAIN_LIMIT, true, false, false, 21_111, 330_776, 581_885);

  /** The fourth test network (BIP94): testnet3's rules plus the time-warp and retarget fixes. */
  public static final Network TESTNET4 = new Network("testnet4", MAIN_LIMIT, true, false, true, 1, 1, 1);

  /** The default signet (blocks signed by its operators, plus ordinary proof of work). */
  public static final Network SIGNET =
      new Network("signet", "00000377ae000000000000000000000000000000000000000000000000000000", false, false, false,
          1, 1, 1);

  /** Regression-test network: trivial proof of work, no retargeting. */
  public static final Network REGTEST =
      new Network("regtest", "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", true, true, false,
          1, 1, 1);

  private static final List<Network> ALL = List.of(MAINNET, TESTNET3, TESTNET4, SIGNET, REGTEST);

  private final String name;
  private final BigInteger powLimit;
  private final int powLimitBits;
  private final boolean allowMinDifficultyBlocks;
  private final boolean noRetargeting;
  private final boolean enforceBip94;
  private final long bip34Height;
  private final long bip66Height;
  private final long bip65Height;

  private Network(String name, String powLimitHex, boolean allowMin, boolean noRetargeting, boolean bip94,
      long bip34Height, long bip66Height, long bip65Height) {
    this.name = name;
    this.powLimit = new BigInteger(powLimitHex, 16);
    this.powLimitBits = CompactTarget.encode(powLimit);
    this.allowMinDifficultyBlocks = allowMin;
    this.noRetargeting = noRetargeting;
    this.enforceBip94 = bip94;
    this.bip34Height = bip34Height;
    this.bip66Height = bip66Height;
    this.bip65Height = bip65Height;
  }

  /**
   * Looks a network up by name.
   *
   * @param name {@code mainnet}, {@code testnet3}, {@code testnet4}, {@code signet} or {@code regtest}
   * @return the network
   * @throws ValidationException if the name is unknown
   */
  public static Network named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Network network : ALL) {
      if (network.name.equals(n)) {
        return network;
      }
    }
    throw new ValidationException("network", name, "must be one of mainnet, testnet3, testnet4, signet, regtest");
  }

  /**
   * All networks the SDK knows.
   *
   * @return mainnet, testnet3, testnet4, signet, regtest
   */
  public static List<Network> all() {
    return ALL;
  }

  /**
   * The network's name.
   *
   * @return for example {@code "mainnet"}
   */
  public String name() {
    return name;
  }

  /**
   * The easiest target a header may claim ({@code powLimit}).
   *
   * @return the limit as a 256-bit number
   */
  public BigInteger powLimit() {
    return powLimit;
  }

  /**
   * The proof-of-work limit in compact form ({@code GetCompact} of {@link #powLimit()}), the nBits of
   * minimum-difficulty blocks.
   *
   * @return for example {@code 0x1d00ffff}
   */
  public int powLimitBits() {
    return powLimitBits;
  }

  /**
   * Target time between blocks.
   *
   * @return 600 seconds
   */
  public long targetSpacingSeconds() {
    return 600;
  }

  /**
   * The time a difficulty period should take.
   *
   * @return 1,209,600 seconds (two weeks)
   */
  public long targetTimespanSeconds() {
    return 14L * 24 * 60 * 60;
  }

  /**
   * Blocks per difficulty period.
   *
   * @return 2016
   */
  public int difficultyAdjustmentInterval() {
    return (int) (targetTimespanSeconds() / targetSpacingSeconds());
  }

  /**
   * Whether a block more than twice the target spacing after its parent may use the minimum
   * difficulty (testnets, regtest).
   *
   * @return Core's {@code fPowAllowMinDifficultyBlocks}
   */
  public boolean allowMinDifficultyBlocks() {
    return allowMinDifficultyBlocks;
  }

  /**
   * Whether the difficulty never changes at period boundaries (regtest).
   *
   * @return Core's {@code fPowNoRetargeting}
   */
  public boolean noRetargeting() {
    return noRetargeting;
  }

  /**
   * Whether BIP94 applies: retargets start from the period's first block's nBits, and the first
   * block of a period may not be more than 600 seconds earlier than its parent.
   *
   * @return Core's {@code enforce_BIP94}
   */
  public boolean enforceBip94() {
    return enforceBip94;
  }

  /**
   * The first height at which BIP34 (height in coinbase) is enforced, and with it nVersion >= 2.
   *
   * @return Core's {@code BIP34Height}: 227,931 on mainnet, 21,111 on testnet3, 1 elsewhere
   */
  public long bip34Height() {
    return bip34Height;
  }

  /**
   * The first height at which BIP66 (strict DER signatures) is enforced, and with it nVersion >= 3.
   *
   * @return Core's {@code BIP66Height}: 363,725 on mainnet, 330,776 on testnet3, 1 elsewhere
   */
  public long bip66Height() {
    return bip66Height;
  }

  /**
   * The first height at which BIP65 (CHECKLOCKTIMEVERIFY) is enforced, and with it nVersion >= 4.
   *
   * @return Core's {@code BIP65Height}: 388,381 on mainnet, 581,885 on testnet3, 1 elsewhere
   */
  public long bip65Height() {
    return bip65Height;
  }

  /**
   * Core's {@code bad-version} rule: whether a header at {@code height} carries an nVersion that
   * the buried BIP34, BIP66 and BIP65 deployments outlaw (below 2, 3 and 4 from their heights on;
   * nVersion is signed, so a version with the top bit set is below all of them).
   *
   * @param height the header's height
   * @param version the header's nVersion
   * @return {@code true} if the version is too low for the height
   */
  public boolean versionTooLow(long height, int version) {
    return version < 2 && height >= bip34Height || version < 3 && height >= bip66Height
        || version < 4 && height >= bip65Height;
  }

  @Override
  public String toString() {
    return name;
  }
}
