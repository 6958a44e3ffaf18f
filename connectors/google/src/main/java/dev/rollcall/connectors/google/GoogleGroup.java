package dev.rollcall.connectors.google;

import dev.rollcall.model.Text;
import java.util.List;
import java.util.Locale;

/**
 * A Google group: an address that reaches a team, not a person. An AWS or Atlas account owned by a
 * group address is a team account, used by each of its members.
 *
 * @param id the immutable group id
 * @param email the group's address, lower case
 * @param name the group's name, or null
 * @param aliases its other addresses, lower case
 * @param members the addresses of the users in it, nested groups flattened (members.list with
 *     includeDerivedMembership=true), lower case; empty when unknown
 * @param membersKnown false when the snapshot holds no members.list pages for this group
 */
public record GoogleGroup(
    String id,
    String email,
    String name,
    List<String> aliases,
    List<String> members,
    boolean membersKnown) {

  public GoogleGroup {
    id = Text.required(id, "id");
    email = Text.required(email, "email of group " + id).toLowerCase(Locale.ROOT);
    name = Text.optional(name);
    aliases = aliases.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
    members = members.stream().map(m -> m.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** The group's address and its aliases. */
  public List<String> addresses() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(email), aliases.stream())
        .distinct()
        .toList();
  }
}
