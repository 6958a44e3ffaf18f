package dev.rollcall.jobs.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Says what went wrong in words a person can act on: the messages of an error and its causes,
 * without the Java class names and exception types that only a developer reads (those go to the log
 * at debug level).
 */
final class PlainErrors {
  /** A qualified class name, or a bare exception type ("IOException: "), with what follows it. */
  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "\\b(?:(?:java|javax|jdk|sun|com|org|io|picocli|dev|software)(?:\\.[a-z_][\\w]*)*"
              + "\\.[A-Z][\\w$]*|[A-Z][\\w$]*(?:Exception|Error))\\b:?\\s*");

  /** Jackson's pointer into our own classes, e.g. "(through reference chain: a.B["c"])". */
  private static final Pattern REFERENCE_CHAIN =
      Pattern.compile("\\s*\\(through reference chain:[^)]*\\)");

  private static final int MOST_CAUSES = 4;

  private PlainErrors() {}

  /** The error and its causes in one sentence, most general first. */
  static String of(Throwable error) {
    List<String> parts = new ArrayList<>();
    Throwable t = error;
    for (int depth = 0; t != null && depth < MOST_CAUSES; depth++, t = t.getCause()) {
      String said = said(t);
      if (!said.isEmpty() && parts.stream().noneMatch(p -> p.contains(said))) {
        parts.add(said);
      }
    }
    return parts.isEmpty()
        ? "an internal error that says nothing more (a bug in rollcall)"
        : String.join(": ", parts);
  }

  /** A message with the class names taken out. */
  static String clean(String message) {
    if (message == null) {
      return "";
    }
    String text = REFERENCE_CHAIN.matcher(message).replaceAll("");
    text = CLASS_NAME.matcher(text).replaceAll("");
    // "(: reason)" left where a class name opened a parenthesis.
    return text.replace("(: ", "(").replaceAll("\\s+", " ").replaceAll("[\\s:(]+$", "").strip();
  }

  private static String said(Throwable t) {
    // The file system's exceptions carry only the path as their message; their type is the news.
    if (t instanceof FileSystemException fs) {
      String what = fileProblem(fs);
      String path = fs.getFile() == null ? "" : fs.getFile() + ": ";
      String reason = fs.getReason() == null ? "" : " (" + clean(fs.getReason()) + ")";
      return path + what + reason;
    }
    if (t instanceof NullPointerException
        || t instanceof ClassCastException
        || t instanceof IndexOutOfBoundsException
        || t instanceof StackOverflowError) {
      // Their messages speak of code, not of the user's files.
      return "an internal error (a bug in rollcall)";
    }
    return clean(t.getMessage());
  }

  private static String fileProblem(FileSystemException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    return "cannot be used";
  }
}
