package dev.rollcall.jobs.infra;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell command line into words the way sh does for the plain cases the recipes use:
 * quotes and backslashes are removed, nothing is expanded ({@code "$jar"} stays {@code $jar}).
 */
final class ShellWords {
  private ShellWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (quote == '"' && c == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote in: " + line);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Whether a word ends a simple command: a redirection, a pipe or a list operator. */
  static boolean isOperator(String word) {
    return word.matches("[0-9]*[<>|&;].*");
  }

  /**
   * The arguments given to rollcall's jar in a command line: the words after the jar (a word ending
   * in rollcall.jar, or {@code $jar}) up to the end of the command. A quoted word that holds a
   * whole command itself (sh -c '...') is searched too.
   */
  static List<String> rollcallArgs(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word.endsWith("rollcall.jar") || word.equals("$jar")) {
        List<String> args = new ArrayList<>();
        for (String arg : words.subList(i + 1, words.size())) {
          if (isOperator(arg)) {
            break;
          }
          args.add(arg);
        }
        return args;
      }
      if (word.contains(" ") && word.contains("rollcall.jar")) {
        return rollcallArgs(split(word));
      }
    }
    throw new AssertionError("no rollcall.jar in: " + words);
  }
}
