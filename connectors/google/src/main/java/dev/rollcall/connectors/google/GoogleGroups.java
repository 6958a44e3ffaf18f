package dev.rollcall.connectors.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads groups.list pages and each group's members.list pages
 * (https://developers.google.com/admin-sdk/directory/reference/rest/v1/groups,
 * https://developers.google.com/admin-sdk/directory/reference/rest/v1/members).
 */
final class GoogleGroups {
  private GoogleGroups() {}

  /**
   * The groups, in page order. Fails on a group without id or email or seen twice, and on a member
   * page of a group that groups.list does not hold.
   */
  static List<GoogleGroup> read(
      List<DirectoryPage> groupPages, Map<String, List<DirectoryPage>> memberPages) {
    List<GoogleGroup> groups = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (DirectoryPage page : groupPages) {
      for (int i = 0; i < page.items().size(); i++) {
        JsonNode item = page.items().get(i);
        String record = page.record(i);
        String id = SnapshotJson.requiredText(item, "id", page.file(), record);
        String email = SnapshotJson.requiredText(item, "email", page.file(), record);
        if (!ids.add(id)) {
          throw new SnapshotException(page.file(), record, "its id appears twice");
        }
        List<String> aliases = new ArrayList<>();
        for (String field : List.of("aliases", "nonEditableAliases")) {
          for (JsonNode alias : SnapshotJson.array(item, field, page.file(), record)) {
            if (!alias.isTextual()) {
              throw new SnapshotException(
                  page.file(), record, "field '" + field + "' holds a value that is not a string");
            }
            aliases.add(alias.asText());
          }
        }
        List<DirectoryPage> members = memberPages.get(id);
        groups.add(
            new GoogleGroup(
                id,
                email,
                SnapshotJson.optionalText(item, "name"),
                aliases,
                members == null ? List.of() : members(members),
                members != null));
      }
    }
    for (Map.Entry<String, List<DirectoryPage>> entry : memberPages.entrySet()) {
      if (!ids.contains(entry.getKey()) && !entry.getValue().isEmpty()) {
        throw new SnapshotException(
            entry.getValue().get(0).file(),
            null,
            "members of a group that the groups.list pages do not hold");
      }
    }
    return groups;
  }

  /**
   * The user addresses of a group's members. With includeDerivedMembership=true the API lists the
   * users of nested groups too, so GROUP members add nothing; CUSTOMER members (everyone in the
   * domain) have no address and are left out.
   */
  private static List<String> members(List<DirectoryPage> pages) {
    Set<String> emails = new LinkedHashSet<>();
    for (DirectoryPage page : pages) {
      for (int i = 0; i < page.items().size(); i++) {
        JsonNode item = page.items().get(i);
        String type = SnapshotJson.optionalText(item, "type");
        String email = SnapshotJson.optionalText(item, "email");
        if (email != null && (type == null || type.toUpperCase(Locale.ROOT).equals("USER"))) {
          emails.add(email.toLowerCase(Locale.ROOT));
        }
      }
    }
    return List.copyOf(emails);
  }
}
