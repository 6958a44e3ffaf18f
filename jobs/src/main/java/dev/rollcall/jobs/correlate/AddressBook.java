package dev.rollcall.jobs.correlate;

import dev.rollcall.model.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The addresses a claim can match a person by: each of their emails, their person id, and their
 * name key. The one directory both the correlation join and {@code rollcall explain} read, so that
 * explain names the same people the run ties an account to (an address several people share names
 * them all).
 */
public final class AddressBook {
  private AddressBook() {}

  /** One address of one person. */
  public record Entry(String address, String personId) {}

  /** Every person's addresses, without repeats. */
  public static List<Entry> entries(List<Identity> people) {
    Set<Entry> entries = new LinkedHashSet<>();
    for (Identity person : people) {
      for (String email : new TreeSet<>(person.emails())) {
        entries.add(new Entry(email, person.personId()));
      }
      entries.add(new Entry(person.personId(), person.personId()));
      String nameKey = LinkCandidates.nameKeyOf(person);
      if (nameKey != null) {
        entries.add(new Entry(nameKey, person.personId()));
      }
    }
    return new ArrayList<>(entries);
  }

  /** The people each address names, in directory order. */
  public static Map<String, List<String>> peopleByAddress(List<Identity> people) {
    Map<String, List<String>> byAddress = new LinkedHashMap<>();
    for (Entry e : entries(people)) {
      byAddress.computeIfAbsent(e.address(), a -> new ArrayList<>()).add(e.personId());
    }
    return byAddress;
  }
}
