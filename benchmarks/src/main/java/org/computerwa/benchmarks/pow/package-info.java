/** JMH benchmarks of proof-of-work verification: the SDK against its peers, and chain scaling. */
package org.computerwa.benchmarks.pow;
