package dev.rollcall.jobs.correlate;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.SourceSystem;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives every ownership claim an account makes about itself, one per address. A pure function of
 * the account and the correlation settings: the directory is consulted later, by a join.
 *
 * @param mapping the explicit mapping file
 * @param ownerTags tag keys whose values name owners (lower case)
 * @param domains the company's email domains
 */
public record LinkCandidates(MappingFile mapping, List<String> ownerTags, List<String> domains)
    implements Serializable {
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_A_TO_Z = Pattern.compile("[^a-z]+");
  private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

  public LinkCandidates {
    ownerTags = ownerTags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    domains = List.copyOf(domains);
  }

  /** The claims of one account, strongest rule first. */
  public List<LinkCandidate> of(Account account) {
    String id = account.id();
    List<LinkCandidate> out = new ArrayList<>();
    if (account.key().system() == SourceSystem.GOOGLE_WORKSPACE) {
      // Google Workspace is the directory of people: its accounts are the people themselves.
      out.add(new LinkCandidate(id, lower(account.name()), LinkRule.DIRECTORY, account.name()));
    }
    for (String person :
        mapping.peopleFor(
            account.key().system(),
            account.key().tenant(),
            account.name(),
            account.key().nativeId())) {
      out.add(
          new LinkCandidate(
              id,
              person,
              LinkRule.MAPPING_FILE,
              "mapping row for " + account.name() + ": " + person));
    }
    for (Map.Entry<String, String> tag : account.tags().entrySet()) {
      if (ownerTags.contains(tag.getKey().toLowerCase(Locale.ROOT))) {
        for (String address : addresses(tag.getValue())) {
          out.add(
              new LinkCandidate(
                  id, address, LinkRule.OWNER_TAG, tag.getKey() + "=" + tag.getValue()));
        }
      }
    }
    Set<String> emails = new LinkedHashSet<>(account.emails());
    if (account.name().contains("@")) {
      emails.add(lower(account.name()));
    }
    LinkRule byEmail =
        switch (account.key().system()) {
          case AWS_IDENTITY_CENTER -> LinkRule.IDENTITY_CENTER;
          case ATLAS_ORG -> LinkRule.ATLAS_ORG_USERNAME;
          default ->
              account.kind() == AccountKind.ROLE ? LinkRule.FEDERATED_SESSION : LinkRule.EMAIL_NAME;
        };
    for (String email : emails) {
      out.add(new LinkCandidate(id, email, byEmail, email));
    }
    if (!account.name().contains("@") && account.kind() != AccountKind.ROLE) {
      for (String domain : domains) {
        String address = lower(account.name()) + "@" + domain;
        out.add(
            new LinkCandidate(
                id, address, LinkRule.NAME_AT_COMPANY_DOMAIN, account.name() + " → " + address));
      }
    }
    if (account.key().system() != SourceSystem.GOOGLE_WORKSPACE && account.displayName() != null) {
      String name = nameKey(account.displayName());
      if (name != null) {
        out.add(
            new LinkCandidate(
                id, name, LinkRule.NAME_MATCH, "display name '" + account.displayName() + "'"));
      }
    }
    return out;
  }

  /** How a full name's directory key begins: {@code name:}. */
  public static final String NAME_KEY = "name:";

  /**
   * The directory key of a person's name (given and family name, else the display name), or null
   * when it has none worth matching: the other side of {@link LinkRule#NAME_MATCH}.
   */
  public static String nameKeyOf(dev.rollcall.model.Identity person) {
    String fullName =
        person.givenName() != null && person.familyName() != null
            ? person.givenName() + " " + person.familyName()
            : person.displayName();
    return fullName == null ? null : nameKey(fullName);
  }

  /**
   * The directory key of a person's or account's full name ({@code name:ana ortiz}), or null when
   * it is not at least two words: one word matches too many people to mean anything.
   */
  public static String nameKey(String fullName) {
    String marks =
        MARKS
            .matcher(java.text.Normalizer.normalize(fullName, java.text.Normalizer.Form.NFD))
            .replaceAll("");
    String words = NOT_A_TO_Z.matcher(marks.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    return words.contains(" ") ? NAME_KEY + words : null;
  }

  /**
   * The email addresses in a tag value that may list several, separated by comma, semicolon or
   * space.
   */
  static List<String> addresses(String value) {
    return Arrays.stream(SEPARATORS.split(value))
        .map(LinkCandidates::lower)
        .filter(a -> !a.isEmpty())
        .distinct()
        .toList();
  }

  private static String lower(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }
}
