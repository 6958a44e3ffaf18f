package dev.rollcall.connectors.snapshot;

/**
 * What reading a snapshot does with a symbolic link inside it. A snapshot is written by other
 * systems and read with rollcall's own rights: a link in it could make rollcall read, and quote,
 * any file it can read. The snapshot folder a source names may itself be a link (the operator's
 * choice); below it, links are refused unless the source says to follow them.
 */
public enum SymbolicLinks {
  /** Refused, naming the link: the default. */
  REFUSE,
  /** Followed wherever they point: a source's {@code followSymlinks: true}. */
  FOLLOW;

  /** The configuration key that follows links, as the refusal names it. */
  public static final String OPTION = "followSymlinks: true";

  /** What a configuration's {@code followSymlinks} says: {@link #FOLLOW} when true. */
  public static SymbolicLinks followed(boolean followSymlinks) {
    return followSymlinks ? FOLLOW : REFUSE;
  }

  /**
   * The problem of a refused link, after its path.
   *
   * @param inside what the link is in: the snapshot, the trail's folder
   * @param on where the option goes: the snapshot source, the trail
   */
  public static String refusal(String inside, String on) {
    return "is a symbolic link; rollcall reads only what is inside "
        + inside
        + " ("
        + OPTION
        + " on "
        + on
        + " allows links)";
  }
}
