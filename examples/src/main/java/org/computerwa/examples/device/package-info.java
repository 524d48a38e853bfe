/**
 * Example program: a device agent that turns GPU samples (nvidia-smi CSV or DCGM exporter text)
 * into signed usage statements with {@code org.computerwa.core.evidence.device}. One readable file
 * to copy into your own project; the build compiles it, a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.device;

import org.jspecify.annotations.NullMarked;
