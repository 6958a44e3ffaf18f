package dev.rollcall.jobs.activity;

import dev.rollcall.connectors.snapshot.SymbolicLinks;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the log files of a CloudTrail trail inside a date window, through Hadoop's FileSystem (a
 * local folder, {@code s3a://bucket/prefix}, or anything else Hadoop opens). The layout is
 * CloudTrail's (<a
 * href="https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html">finding
 * log files</a>): {@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz}, and for an
 * organisation trail {@code AWSLogs/<o-orgid>/<account>/CloudTrail/...}. Only month folders that
 * touch the window are listed, and only the day folders inside it are read. In a local folder a
 * symbolic link below the trail's root (a folder on the way, an entry of a folder listed) fails the
 * listing, naming it, unless the trail follows links: the log files are snapshot files like any
 * other (see {@link SymbolicLinks}).
 */
public final class TrailFiles {
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern ORGANISATION = Pattern.compile("o-[a-z0-9]{10,32}");
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private TrailFiles() {}

  /** One log file and its size in bytes (compressed). */
  public record LogFile(String path, long bytes) {}

  /**
   * The log files of the days {@code from} to {@code to} (both included), sorted by path.
   *
   * @param root the folder that holds {@code AWSLogs/} (or {@code AWSLogs} itself); it may itself
   *     be a link
   * @param links what to do with a symbolic link below the root (a local folder's; S3 has none)
   * @throws TrailException when the root or its {@code AWSLogs} folder cannot be listed, or a link
   *     is refused
   */
  public static List<LogFile> list(
      String root, LocalDate from, LocalDate to, Configuration conf, SymbolicLinks links) {
    Path base = new Path(root);
    try {
      FileSystem fs = base.getFileSystem(conf);
      Listing listing = new Listing(fs, links);
      Path awsLogs = base.getName().equals("AWSLogs") ? base : new Path(base, "AWSLogs");
      if (!awsLogs.equals(base)) {
        listing.refuseLink(awsLogs);
      }
      if (!fs.exists(awsLogs)) {
        throw new TrailException(root + ": no AWSLogs folder (CloudTrail's layout) under it");
      }
      List<LogFile> files = new ArrayList<>();
      for (Path account : accounts(listing, awsLogs)) {
        for (FileStatus region : listing.children(new Path(account, "CloudTrail"))) {
          if (region.isDirectory()) {
            days(listing, region.getPath(), from, to, files);
          }
        }
      }
      files.sort(Comparator.comparing(LogFile::path));
      return files;
    } catch (IOException e) {
      throw new TrailException(root + ": cannot list the trail: " + e.getMessage(), e);
    }
  }

  /** The log files of a trail whose symbolic links are refused. */
  public static List<LogFile> list(String root, LocalDate from, LocalDate to, Configuration conf) {
    return list(root, from, to, conf, SymbolicLinks.REFUSE);
  }

  /** The account folders, directly under AWSLogs or under an organisation's folder. */
  private static List<Path> accounts(Listing listing, Path awsLogs) throws IOException {
    List<Path> accounts = new ArrayList<>();
    for (FileStatus child : listing.children(awsLogs)) {
      String name = child.getPath().getName();
      if (ACCOUNT.matcher(name).matches()) {
        accounts.add(child.getPath());
      } else if (ORGANISATION.matcher(name).matches()) {
        for (FileStatus member : listing.children(child.getPath())) {
          if (ACCOUNT.matcher(member.getPath().getName()).matches()) {
            accounts.add(member.getPath());
          }
        }
      }
    }
    return accounts;
  }

  private static void days(
      Listing listing, Path region, LocalDate from, LocalDate to, List<LogFile> out)
      throws IOException {
    Set<String> months = new TreeSet<>();
    for (LocalDate d = from.withDayOfMonth(1); !d.isAfter(to); d = d.plusMonths(1)) {
      months.add(String.format("%04d/%02d", d.getYear(), d.getMonthValue()));
    }
    for (String month : months) {
      Path monthFolder = new Path(region, month);
      listing.refuseLink(monthFolder.getParent());
      for (FileStatus day : listing.children(monthFolder)) {
        String name = day.getPath().getName();
        if (!day.isDirectory() || !NUMBER.matcher(name).matches()) {
          continue;
        }
        LocalDate date;
        try {
          date = LocalDate.parse(month.replace('/', '-') + "-" + name);
        } catch (java.time.DateTimeException e) {
          continue;
        }
        if (date.isBefore(from) || date.isAfter(to)) {
          continue;
        }
        for (FileStatus file : listing.children(day.getPath())) {
          if (file.isFile() && file.getPath().getName().endsWith(".json.gz")) {
            out.add(new LogFile(file.getPath().toString(), file.getLen()));
          }
        }
      }
    }
  }

  /** Lists a trail's folders, refusing symbolic links in a local one unless they are followed. */
  private record Listing(FileSystem fs, SymbolicLinks links) {
    /**
     * A folder's entries, none when it does not exist; the folder, or a link among its entries, is
     * refused.
     */
    FileStatus[] children(Path folder) throws IOException {
      refuseLink(folder);
      FileStatus[] children;
      try {
        children = fs.listStatus(folder);
      } catch (FileNotFoundException e) {
        return new FileStatus[0];
      }
      for (FileStatus child : children) {
        refuseLink(child.getPath());
      }
      return children;
    }

    /**
     * Refuses a path of a local trail that is a link. Hadoop's local file system follows links
     * without saying (its FileStatus of a listed link is the target's), so the JDK is asked.
     */
    void refuseLink(Path path) {
      if (links == SymbolicLinks.FOLLOW || !"file".equals(fs.getScheme())) {
        return;
      }
      Path qualified = fs.makeQualified(path);
      if (Files.isSymbolicLink(Paths.get(qualified.toUri()))) {
        throw new TrailException(
            qualified + ": " + SymbolicLinks.refusal("the trail's folder", "the trail"));
      }
    }
  }
}
