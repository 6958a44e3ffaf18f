package dev.rollcall.jobs.correlate;

import dev.rollcall.model.Identity;
import dev.rollcall.model.SourceSystem;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The directory of people as the correlation reads it: the people each address names ({@link
 * AddressBook}) and each person by id, looked up for each account's claims (on the driver's cores,
 * see {@link Correlator}) instead of every claim being joined with the directory.
 *
 * <p>An address more people hold than {@code correlation.maxPeoplePerAddress} (a shared alias, a
 * common name) says nothing about who owns an account, and matching by it would tie each account
 * that claims it to every one of them: the work would grow with the square of the crowd. Such an
 * address is left out and kept in {@link #crowded()}, reported once as a problem of the sources
 * whose people hold it.
 *
 * @param peopleOfAddress the person ids each address names, in directory order; crowded addresses
 *     are not in it
 * @param peopleById every person, by person id
 * @param crowded the addresses left out, most crowded first
 */
public record Directory(
    Map<String, List<String>> peopleOfAddress,
    Map<String, Identity> peopleById,
    List<Crowded> crowded)
    implements Serializable {

  /**
   * An address held by too many people to tell an owner.
   *
   * @param address the address (an email, a person id or a {@code name:} key)
   * @param people how many people hold it
   * @param tenants the directory tenants those people come from, in name order; none when they are
   *     known only from the HR roster
   */
  public record Crowded(String address, int people, List<Tenant> tenants) implements Serializable {
    public Crowded {
      tenants = List.copyOf(tenants);
    }
  }

  /** A tenant of a directory source. */
  public record Tenant(SourceSystem system, String tenant) implements Serializable {}

  public Directory {
    peopleOfAddress = Map.copyOf(peopleOfAddress);
    peopleById = Map.copyOf(peopleById);
    crowded = List.copyOf(crowded);
  }

  /**
   * The directory of {@code people}, without the addresses more than {@code maxPeoplePerAddress} of
   * them hold.
   */
  public static Directory of(List<Identity> people, int maxPeoplePerAddress) {
    Map<String, Identity> byId = new HashMap<>();
    people.forEach(p -> byId.putIfAbsent(p.personId(), p));
    Map<String, List<String>> byAddress = AddressBook.peopleByAddress(people);
    List<Crowded> crowded = new ArrayList<>();
    byAddress
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue().size() <= maxPeoplePerAddress) {
                return false;
              }
              crowded.add(
                  new Crowded(e.getKey(), e.getValue().size(), tenants(e.getValue(), byId)));
              return true;
            });
    crowded.sort(
        Comparator.comparingInt(Crowded::people).reversed().thenComparing(Crowded::address));
    return new Directory(byAddress, byId, crowded);
  }

  private static List<Tenant> tenants(List<String> personIds, Map<String, Identity> byId) {
    Set<Tenant> tenants = new LinkedHashSet<>();
    for (String id : personIds) {
      Identity person = byId.get(id);
      if (person.source() != null) {
        tenants.add(new Tenant(person.source().system(), person.source().tenant()));
      }
    }
    return tenants.stream()
        .sorted(Comparator.comparing(Tenant::system).thenComparing(Tenant::tenant))
        .toList();
  }

  /** The person ids an address names; none when it names nobody or is crowded. */
  public List<String> people(String address) {
    return peopleOfAddress.getOrDefault(address, List.of());
  }

  /** The person of a person id the directory gave. */
  Identity person(String personId) {
    Identity person = peopleById.get(personId);
    if (person == null) {
      throw new IllegalStateException("directory: no person " + personId);
    }
    return person;
  }
}
