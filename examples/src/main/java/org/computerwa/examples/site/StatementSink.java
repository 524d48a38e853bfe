package org.computerwa.examples.site;

import java.time.Instant;
import org.computerwa.core.evidence.UsageStatement;

/**
 * Takes the site's per-period usage statements and makes them evidence: signed by the device that
 * measured them, batched and anchored ({@link AnchoringStatementSink}).
 *
 * <pre>{@code
 * sink.accept(statement);
 * sink.flush(periodEnd);   // everything up to periodEnd becomes one anchored batch
 * }</pre>
 */
public interface StatementSink {

  /**
   * Queues a statement for the next batch.
   *
   * @param statement a statement of a device the sink holds the key of
   */
  void accept(UsageStatement statement);

  /**
   * Closes the batch that covers the time up to {@code until} and anchors it.
   *
   * @param until the end of the batch, after the end of the previous one
   */
  void flush(Instant until);
}
