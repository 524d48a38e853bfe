package org.computerwa.chain.events;

import org.computerwa.core.event.ChainEvent;

/**
 * Receives an {@link EventStream}'s events in chain order, and the events a reorganisation
 * removed (newest first) before the events of the new branch.
 *
 * <pre>{@code
 * EventListener listener = new EventListener() {
 *   public void onEvent(ChainEvent e, EventPosition at) { store.put(at, e); }
 *   public void onRemoved(ChainEvent e, EventPosition at) { store.remove(at); }
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
public interface EventListener {
  /**
   * A new event on the canonical chain.
   *
   * @param event the event
   * @param position where it was recorded
   */
  void onEvent(ChainEvent event, EventPosition position);

  /**
   * An event delivered earlier that a reorganisation took off the chain.
   *
   * @param event the event
   * @param position where it had been recorded
   */
  void onRemoved(ChainEvent event, EventPosition position);
}
