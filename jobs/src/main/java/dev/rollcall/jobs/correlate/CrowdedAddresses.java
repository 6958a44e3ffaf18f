package dev.rollcall.jobs.correlate;

import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.Text;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reports the addresses the directory left out for being held by too many people ({@link
 * Directory#crowded()}). An email address (or person id) is a problem of the data, since an
 * identity provider gives each address to one person: it is reported once, as a problem of every
 * directory source whose people hold it, so that the run is partial and says why some accounts may
 * lack the owner that address would have named. A full name many people share is not: a large
 * company has a hundred Maria Garcias. Those names are only logged, once, with their count.
 */
public final class CrowdedAddresses {
  private static final Logger LOG = LogManager.getLogger(CrowdedAddresses.class);

  private CrowdedAddresses() {}

  /** The pulls, those whose people hold a crowded address with a problem for it, in order. */
  public static List<SourcePull> report(List<SourcePull> pulls, Directory directory, int limit) {
    List<SourcePull> reported = new ArrayList<>(pulls.size());
    for (SourcePull pull : pulls) {
      List<String> errors = new ArrayList<>(pull.errors());
      for (Directory.Crowded crowded : directory.crowded()) {
        if (!isName(crowded)
            && crowded.tenants().contains(new Directory.Tenant(pull.system(), pull.tenant()))) {
          errors.add(message(crowded, limit));
        }
      }
      reported.add(
          errors.size() == pull.errors().size()
              ? pull
              : new SourcePull(
                  pull.source(),
                  pull.system(),
                  pull.tenant(),
                  pull.status() == PullStatus.FAILED ? PullStatus.FAILED : PullStatus.PARTIAL,
                  pull.accounts(),
                  errors,
                  pull.observedAt()));
    }
    long names = directory.crowded().stream().filter(CrowdedAddresses::isName).count();
    if (names > 0) {
      LOG.info(
          "directory: {} full names are each held by more than {} people"
              + " (correlation.maxPeoplePerAddress); no account is tied to anyone by them",
          String.format("%,d", names),
          limit);
    }
    for (Directory.Crowded crowded : directory.crowded()) {
      if (!isName(crowded) && crowded.tenants().isEmpty()) {
        // People known only from the HR roster: no source to charge, so the log says it.
        LOG.warn("HR roster: {}", message(crowded, limit));
      }
    }
    return reported;
  }

  private static boolean isName(Directory.Crowded crowded) {
    return crowded.address().startsWith(LinkCandidates.NAME_KEY);
  }

  static String message(Directory.Crowded crowded, int limit) {
    return String.format(
        "directory: the address '%s' is held by %,d people, more than"
            + " correlation.maxPeoplePerAddress (%d); no account is tied to anyone through it",
        Text.printable(crowded.address()), crowded.people(), limit);
  }
}
