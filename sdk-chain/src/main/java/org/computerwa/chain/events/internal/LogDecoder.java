package org.computerwa.chain.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.computerwa.chain.client.ChainException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Keccak256;
import org.computerwa.core.event.AssetRegistered;
import org.computerwa.core.event.ChainEvent;
import org.computerwa.core.event.Claimed;
import org.computerwa.core.event.Defaulted;
import org.computerwa.core.event.EvidenceAnchored;
import org.computerwa.core.event.HolderVerified;
import org.computerwa.core.event.LeaseAccepted;
import org.computerwa.core.event.LeaseOffered;
import org.computerwa.core.event.LeaseSettled;
import org.computerwa.core.event.LeaseTerminated;
import org.computerwa.core.event.Pledged;
import org.computerwa.core.event.RevenueDeposited;
import org.computerwa.core.event.SharesIssued;
import org.computerwa.core.event.SlaCreditApplied;
import org.computerwa.core.event.TokenTransferred;

/**
 * Decodes the logs of the SDK's contracts into sdk-core {@link ChainEvent}s by their topic 0 and
 * topic count (an ERC-20 Transfer has three topics, an ERC-721 Transfer four). Logs of other
 * events are not decoded. A log whose words do not fit its event is a DECODE failure, never
 * skipped silently.
 */
public final class LogDecoder {
  private static final Map<String, Function<Log, ChainEvent>> DECODERS = new HashMap<>();
  private static final java.util.Set<String> SIGNATURES = new java.util.TreeSet<>();

  static {
    on("AssetRegistered(uint256,address,bytes32,bytes32,uint64)", 4,
        l -> new AssetRegistered(l.topicUint(1), l.topicAddress(2), l.topic(3), l.word(0), l.wordUint(1).longValueExact()));
    on("SharesAttached(uint256,address,address)", 2,
        l -> new SharesIssued(l.topicUint(1), l.wordAddress(0), l.wordAddress(1)));
    on("LeaseOffered(uint256,uint256,address,(uint256,uint64,uint96,uint40,uint40,uint32,uint32,address,uint40,address),uint16)", 4,
        l -> new LeaseOffered(l.topicUint(1), l.topicUint(2), l.topicAddress(3)));
    on("LeaseAccepted(uint256,address,uint40,uint40,uint256)", 3,
        l -> new LeaseAccepted(l.topicUint(1), l.topicAddress(2), l.wordTime(0), l.wordTime(1), l.wordUint(2)));
    on("LeaseSettled(uint256,uint40,uint256,uint256)", 2,
        l -> new LeaseSettled(l.topicUint(1), l.wordTime(0), l.wordUint(1), l.wordUint(2)));
    on("SlaCreditApplied(uint256,bytes32,uint64,uint64,uint256,uint256)", 3,
        l -> new SlaCreditApplied(l.topicUint(1), l.wordTime(0), l.wordTime(1), l.wordUint(2).longValueExact(), l.wordUint(3)));
    on("LeaseTerminated(uint256,address,uint40,uint256)", 3,
        l -> new LeaseTerminated(l.topicUint(1), l.topicAddress(2), l.wordTime(0), l.wordUint(1)));
    on("RootAnchored(uint256,uint64,uint64,bytes32,address)", 3,
        l -> new EvidenceAnchored(l.topicUint(1), l.wordTime(0), l.wordTime(1), l.word(2), l.topicAddress(2)));
    on("Deposited(address,uint256,uint256)", 2,
        l -> new RevenueDeposited(l.contract, l.topicAddress(1), l.wordUint(0)));
    on("Claimed(address,uint256)", 2, l -> new Claimed(l.contract, l.topicAddress(1), l.wordUint(0)));
    on("PledgeAccepted(uint256,address,uint128,uint40)", 3, l -> new Pledged(l.topicUint(1), l.topicAddress(2)));
    on("DefaultDeclared(uint256,address,uint128)", 3, l -> new Defaulted(l.topicUint(1), l.topicAddress(2), l.wordUint(0)));
    on("HolderVerified(address,bool)", 2, l -> new HolderVerified(l.topicAddress(1), l.wordUint(0).signum() != 0));
    on("Transfer(address,address,uint256)", 3,
        l -> new TokenTransferred(l.contract, l.topicAddress(1), l.topicAddress(2), l.wordUint(0)));
  }

  private LogDecoder() {}

  private static void on(String signature, int topics, Function<Log, ChainEvent> decoder) {
    DECODERS.put(Keccak256.hashUtf8(signature).toHex() + "/" + topics, decoder);
    SIGNATURES.add(signature);
  }

  /**
   * The event signatures decoded, such as {@code "Claimed(address,uint256)"}.
   *
   * @return the signatures
   */
  public static java.util.Set<String> signatures() {
    return java.util.Collections.unmodifiableSet(SIGNATURES);
  }

  /**
   * Decodes one log.
   *
   * @param log the log as eth_getLogs returns it
   * @return the event, empty when the log is not one of the SDK's events
   * @throws ChainException DECODE when a known event's log is malformed
   */
  public static Optional<ChainEvent> decode(JsonNode log) {
    JsonNode topics = log.path("topics");
    if (!topics.isArray() || topics.isEmpty()) {
      return Optional.empty();
    }
    Function<Log, ChainEvent> d = DECODERS.get(topics.get(0).asText().toLowerCase(java.util.Locale.ROOT) + "/" + topics.size());
    if (d == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(d.apply(new Log(log)));
    } catch (RuntimeException e) {
      throw ChainException.of(ChainException.Kind.DECODE, "cannot decode log " + log + ": " + e.getMessage(), null, e);
    }
  }

  /** One log's topics and data words. */
  private static final class Log {
    final Address contract;
    final JsonNode topics;
    final String data;

    Log(JsonNode log) {
      this.contract = Address.fromHex(log.path("address").asText());
      this.topics = log.path("topics");
      String d = log.path("data").asText("0x");
      this.data = d.startsWith("0x") ? d.substring(2) : d;
    }

    Bytes32 topic(int i) {
      return Bytes32.fromHex(topics.get(i).asText());
    }

    BigInteger topicUint(int i) {
      return topic(i).toUint();
    }

    Address topicAddress(int i) {
      return Address.of(java.util.Arrays.copyOfRange(topic(i).toBytes(), 12, 32));
    }

    Bytes32 word(int i) {
      if (data.length() < 64 * (i + 1)) {
        throw new IllegalArgumentException("data has no word " + i);
      }
      return Bytes32.fromHex("0x" + data.substring(64 * i, 64 * (i + 1)));
    }

    BigInteger wordUint(int i) {
      return word(i).toUint();
    }

    Address wordAddress(int i) {
      return Address.of(java.util.Arrays.copyOfRange(word(i).toBytes(), 12, 32));
    }

    Instant wordTime(int i) {
      return Instant.ofEpochSecond(wordUint(i).longValueExact());
    }
  }
}
