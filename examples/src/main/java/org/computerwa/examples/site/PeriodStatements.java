package org.computerwa.examples.site;

import java.time.Instant;
import java.util.List;
import org.computerwa.core.evidence.UsageStatement;

/**
 * What a site measured over one reporting period, as unsigned usage statements (energy,
 * availability, ...); {@link FleetStatements} reads a {@link SimulatedFleet}.
 *
 * <pre>{@code
 * List<UsageStatement> hour = statements.forPeriod(from, from.plus(Duration.ofHours(1)));
 * }</pre>
 */
@FunctionalInterface
public interface PeriodStatements {

  /**
   * The statements of a period that has ended.
   *
   * @param from the period's start, market time
   * @param to the period's end, market time
   * @return at least one statement
   */
  List<UsageStatement> forPeriod(Instant from, Instant to);
}
