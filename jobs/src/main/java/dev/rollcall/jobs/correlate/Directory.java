package dev.rollcall.jobs.correlate;

import dev.rollcall.model.Identity;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory of people as the correlation reads it: the people each address names ({@link
 * AddressBook}) and each person by id. Small beside the accounts (a person has a few addresses, and
 * there are fewer people than accounts), so it is broadcast to every task once and each account is
 * matched where it is, instead of every claim being shuffled to meet the directory in a join.
 *
 * @param peopleOfAddress the person ids each address names, in directory order
 * @param peopleById every person, by person id
 */
record Directory(Map<String, List<String>> peopleOfAddress, Map<String, Identity> peopleById)
    implements Serializable {

  Directory {
    peopleOfAddress = Map.copyOf(peopleOfAddress);
    peopleById = Map.copyOf(peopleById);
  }

  static Directory of(List<Identity> people) {
    Map<String, Identity> byId = new HashMap<>();
    people.forEach(p -> byId.putIfAbsent(p.personId(), p));
    return new Directory(AddressBook.peopleByAddress(people), byId);
  }

  /** The person ids an address names; none when it names nobody. */
  List<String> people(String address) {
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
