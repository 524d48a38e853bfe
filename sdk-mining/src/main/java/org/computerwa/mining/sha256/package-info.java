/**
 * SHA-256 and SHA-256d: the SDK's own pure-Java implementation ({@link
 * org.computerwa.mining.sha256.Sha256}, {@link org.computerwa.mining.sha256.Sha256Hasher}) with
 * midstate access, and the engine abstraction ({@link org.computerwa.mining.sha256.Sha256Engine})
 * through which header verification uses the fastest correct implementation on the running JVM.
 *
 * <pre>{@code
 * byte[] d = Sha256.hash(message);
 * byte[] dd = Sha256.doubleHash(header80);
 * }</pre>
 */
@NullMarked
package org.computerwa.mining.sha256;

import org.jspecify.annotations.NullMarked;
