package dev.rollcall.jobs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Identity;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.SourceSystem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one directory of addresses the correlation join and explain both read. */
class AddressBookTest {
  private static final Identity ANN =
      new Identity(
          "ann.lee@example.test",
          "Ann Lee",
          "Ann",
          "Lee",
          List.of("ann.lee@example.test", "it-support@example.test"),
          PersonStatus.ACTIVE,
          "Google Workspace: active",
          null,
          new AccountKey(SourceSystem.GOOGLE_WORKSPACE, "example.test", "ann.lee"));
  private static final Identity BEN =
      new Identity(
          "ben.ode@example.test",
          "Ben Ode",
          "Ben",
          "Ode",
          List.of("ben.ode@example.test", "it-support@example.test"),
          PersonStatus.ACTIVE,
          "Google Workspace: active",
          null,
          new AccountKey(SourceSystem.GOOGLE_WORKSPACE, "example.test", "ben.ode"));

  @Test
  void anAddressTwoPeopleShareNamesThemBoth() {
    Map<String, List<String>> book = AddressBook.peopleByAddress(List.of(ANN, BEN));
    assertEquals(List.of(ANN.personId(), BEN.personId()), book.get("it-support@example.test"));
    assertEquals(List.of(ANN.personId()), book.get("ann.lee@example.test"));
  }

  @Test
  void eachAddressOfAPersonIsListedOnce() {
    List<AddressBook.Entry> entries = AddressBook.entries(List.of(ANN));
    assertEquals(
        entries.size(),
        entries.stream().distinct().count(),
        "the person id is also an email: listed once");
    assertEquals(
        2 + (LinkCandidates.nameKeyOf(ANN) == null ? 0 : 1), entries.size(), entries.toString());
  }
}
