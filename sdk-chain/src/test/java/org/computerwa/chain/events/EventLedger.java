package org.computerwa.chain.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.computerwa.chain.events.internal.LogDecoder;
import org.computerwa.core.event.ChainEvent;

/**
 * An idempotent consumer: the events on the chain as the stream told them, keyed by position.
 * Compared with the decoded ground truth of {@code eth_getLogs} it shows lost, duplicated and
 * stale (reorganised-away) events.
 */
public final class EventLedger implements EventListener {
  private final Map<String, ChainEvent> events = new TreeMap<>();
  private int delivered;
  private int removed;

  @Override
  public synchronized void onEvent(ChainEvent event, EventPosition at) {
    events.put(key(at.blockNumber(), at.blockHash(), at.logIndex()), event);
    delivered++;
  }

  @Override
  public synchronized void onRemoved(ChainEvent event, EventPosition at) {
    if (events.remove(key(at.blockNumber(), at.blockHash(), at.logIndex())) == null) {
      throw new AssertionError("removed an event that was never delivered: " + at);
    }
    removed++;
  }

  private static String key(long block, String hash, int logIndex) {
    return String.format("%012d/%s/%06d", block, hash, logIndex);
  }

  public synchronized int delivered() {
    return delivered;
  }

  public synchronized int removed() {
    return removed;
  }

  public synchronized int size() {
    return events.size();
  }

  /** How many events differ from the logs (a symmetric difference, by position and value). */
  public synchronized int differences(JsonNode groundTruthLogs) {
    Map<String, ChainEvent> truth = new TreeMap<>();
    for (JsonNode log : groundTruthLogs) {
      LogDecoder.decode(log).ifPresent(e -> truth.put(
          key(Long.decode(log.path("blockNumber").asText()), log.path("blockHash").asText().toLowerCase(java.util.Locale.ROOT),
              Integer.decode(log.path("logIndex").asText())), e));
    }
    int diff = 0;
    for (Map.Entry<String, ChainEvent> e : truth.entrySet()) {
      if (!e.getValue().equals(events.get(e.getKey()))) {
        diff++;
      }
    }
    for (String k : events.keySet()) {
      if (!truth.containsKey(k)) {
        diff++;
      }
    }
    return diff;
  }
}
