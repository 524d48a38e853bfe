/** JMH benchmarks of sdk-core: hardened JSON reading and writing, spec hashing, pro-rata splits. */
@NullMarked
package org.computerwa.benchmarks.core;

import org.jspecify.annotations.NullMarked;
