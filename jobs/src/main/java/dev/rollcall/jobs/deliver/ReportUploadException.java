package dev.rollcall.jobs.deliver;

/** The reports were written but could not be uploaded to the configured S3 output. */
public final class ReportUploadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReportUploadException(String message, Throwable cause) {
    super(message, cause);
  }
}
