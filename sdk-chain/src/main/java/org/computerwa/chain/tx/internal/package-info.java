/** Implementation of the transaction pipeline: the JDBC journal, fees and signing. Not API. */
@NullMarked
package org.computerwa.chain.tx.internal;

import org.jspecify.annotations.NullMarked;
