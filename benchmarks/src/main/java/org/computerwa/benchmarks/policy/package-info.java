/** JMH benchmarks of the load policy engine: a year of 5-minute decisions and the yearly optimum. */
@NullMarked
package org.computerwa.benchmarks.policy;

import org.jspecify.annotations.NullMarked;
