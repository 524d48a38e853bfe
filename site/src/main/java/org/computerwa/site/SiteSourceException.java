package org.computerwa.site;

/**
 * A page, report or snippet the site build cannot use; the message names the file, the line or
 * the field and what is wrong, and the build fails rather than publish a page without it.
 */
public final class SiteSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where
   */
  public SiteSourceException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong and where
   * @param cause the underlying failure
   */
  public SiteSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
