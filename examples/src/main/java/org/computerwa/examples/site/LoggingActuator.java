package org.computerwa.examples.site;

import org.computerwa.mining.policy.Actuator;
import org.computerwa.mining.policy.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Actuator} that only logs each applied allocation (at DEBUG, logger
 * {@code org.computerwa.examples.site.LoggingActuator}); a dry run of a site, or a trace next to
 * real actuators.
 *
 * <pre>{@code
 * LoadController.builder().actuator(LoggingActuator.create())...
 * }</pre>
 */
public final class LoggingActuator implements Actuator {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingActuator.class);

  private LoggingActuator() {}

  /**
   * Creates the actuator.
   *
   * @return a logging actuator
   */
  public static LoggingActuator create() {
    return new LoggingActuator();
  }

  @Override
  public void apply(Decision decision) {
    LOG.debug("interval {} from {}: {} by {} ({})", decision.index(), decision.intervalStart(), decision.applied(),
        decision.policyName(), decision.reason());
  }
}
