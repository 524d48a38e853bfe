/**
 * The site build: turns the hand-written pages under {@code site/src/site} and the results kept
 * beside them (JMH JSON, backtest JSON, generated reports, example sources) into the Markdown that
 * Maven's site plugin renders. Figures and code on the site come from here, never from typing.
 *
 * <p>Entry point: {@link org.computerwa.site.SiteSources}. Not part of the SDK's API.
 */
@NullMarked
package org.computerwa.site;

import org.jspecify.annotations.NullMarked;
