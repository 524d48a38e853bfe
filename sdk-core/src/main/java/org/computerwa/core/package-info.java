/**
 * The ComputeRWA SDK core: the exception hierarchy shared by every module.
 *
 * <p>Topic packages hold the models: {@code money}, {@code asset}, {@code lease},
 * {@code revenue}, {@code evidence} and {@code json}.
 */
@NullMarked
package org.computerwa.core;

import org.jspecify.annotations.NullMarked;
