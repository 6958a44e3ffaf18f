package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.jobs.run.DemoCopy;
import dev.rollcall.jobs.run.ExitCode;
import dev.rollcall.jobs.run.HeadlessChromium;
import dev.rollcall.jobs.run.NightlyRun;
import dev.rollcall.jobs.run.RunOutcome;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.FailOn;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Text;
import dev.rollcall.reports.CsvFindingsRenderer;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite: the demo organisation with names built to break each output (HTML,
 * Markdown, Slack, CSV formulas, shell, terminal control sequences, a forged line) in every source
 * (an IAM user and a tag, a credential-report row no IAM user matches, an Atlas database user and
 * project, a Google user's name). Every output must still hold every finding of the store, give
 * each name back exactly where it is data (JSON, CSV), and show it inert where it is read (HTML,
 * Markdown, chat, the console, the log).
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AT = "2026-11-20T07:00:00Z";
  private static final String PROD = "snapshot/aws/111122223333";
  private static final String ATLAS = "snapshot/atlas/5f1a2b3c4d5e6f7a8b9c0d1e";
  private static final String GOOGLE = "snapshot/google/meridianhealth.example/users/page-1.json";

  /** What every hostile value holds: a payload for each output, a line break and a hidden mark. */
  static final String CORE =
      "<b id=pwned>b</b><img src=x onerror=alert(1)>[l](http:evil.example)|**x**#h"
          + "<!channel>@here&amp;$(touch pwned-marker)'\"`id`;\n\u001b[31mred\u202eZ";

  static final String IAM_USER = "=HYPERLINK(\"http:evil.example\")" + CORE + "-iam";
  static final String REPORT_ONLY = "ghost" + CORE;
  static final String TAG_VALUE = "+" + CORE + "-tag";
  static final String DB_USER = "@SUM(1)" + CORE + "-db";
  static final String PROJECT = "prod" + CORE;
  static final String FULL_NAME = "-2+3 " + CORE + " Otto";
  static final String ROLE = "role" + CORE;
  static final String GROUP = "Admins" + CORE;
  static final String IC_USER = "-ic" + CORE;
  static final String IC_GROUP = "group" + CORE;
  static final String PERMISSION_SET = "Admin" + CORE;

  /** The hostile values that name accounts (and so findings). */
  private static final List<String> ACCOUNT_NAMES = List.of(IAM_USER, DB_USER, ROLE, IC_USER);

  private Path dir;
  private RunOutcome outcome;
  private Path out;

  @BeforeAll
  void runOnHostileData(SparkSession spark, @TempDir Path temp) throws IOException {
    dir = temp;
    DemoCopy.copy(dir);
    renameIamUser("test", IAM_USER);
    addReportOnlyRow(REPORT_ONLY);
    tagIamUser("backup-agent", "team", TAG_VALUE);
    renameDatabaseUser("dba", DB_USER);
    renameProject("prod-clinical", PROJECT);
    renameGoogleUser("kevin.otto@meridianhealth.example", FULL_NAME);
    renameRoleAndGroup("legacy-support", ROLE, "Admins", GROUP);
    identityCenter();
    outcome = DemoCopy.night(new NightlyRun(SparkStart.of(spark), "test"), dir, AT, null);
    out = dir.resolve("out");
  }

  @Test
  void theRunGoesOnAndTheUnmatchedRowIsADataProblem() {
    // The report row that matches no IAM user makes the account partial, not an account.
    assertEquals(ExitCode.SOURCE_FAILED, outcome.exitCode());
    List<String> errors =
        outcome.sources().stream()
            .filter(s -> s.source().equals("aws/111122223333"))
            .flatMap(s -> s.errors().stream())
            .toList();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("'" + Text.printable(REPORT_ONLY) + "'"), errors.get(0));
    assertFalse(
        outcome.findings().stream().anyMatch(f -> f.accountName().startsWith("ghost")),
        "no account for the unmatched row");
    for (String name : ACCOUNT_NAMES) {
      assertTrue(
          outcome.findings().stream().anyMatch(f -> f.accountName().equals(name)),
          "a finding on " + Text.printable(name));
    }
  }

  @Test
  void everyOutputHoldsEveryFindingOfTheStore() throws IOException {
    OutputsAgainstTheStore.heldToTheStore(dir, outcome, AT);
  }

  @Test
  void jsonGivesEveryNameBackExactly() throws IOException {
    JsonNode json = JSON.readTree(out.resolve("findings.json").toFile());
    Set<String> names = new HashSet<>();
    json.get("findings").forEach(f -> names.add(f.get("accountName").asText()));
    assertTrue(names.containsAll(ACCOUNT_NAMES), names.toString());
    Set<String> ocsf = new HashSet<>();
    for (String line : Files.readAllLines(out.resolve("findings.ocsf.jsonl"))) {
      JsonNode event = JSON.readTree(line);
      event.findValues("name").forEach(n -> ocsf.add(n.asText()));
      event.findValues("uid").forEach(n -> ocsf.add(n.asText()));
    }
    for (String name : ACCOUNT_NAMES) {
      assertTrue(ocsf.contains(name), "OCSF names " + Text.printable(name));
    }
  }

  @Test
  void noCsvCellStartsAFormulaAndEveryNameComesBack() throws IOException {
    List<Path> csvs = outputs(".csv");
    assertTrue(csvs.size() >= 3, csvs.toString());
    Set<String> restored = new HashSet<>();
    for (Path csv : csvs) {
      try (CSVParser parser =
          CSVParser.parse(
              new StringReader(Files.readString(csv)), CSVFormat.RFC4180.builder().get())) {
        for (CSVRecord record : parser) {
          for (String cell : record) {
            assertFalse(
                !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                csv.getFileName() + " has a cell that starts a formula: " + Text.printable(cell));
            restored.add(CsvFindingsRenderer.restore(cell));
          }
        }
      }
    }
    for (String name : ACCOUNT_NAMES) {
      assertTrue(restored.contains(name), "the CSV files give back " + Text.printable(name));
    }
  }

  @Test
  void markdownAndChatShowTheNamesInert() throws IOException {
    for (String file : List.of("summary.md", "summary-short.md")) {
      String md = Files.readString(out.resolve(file));
      assertInert(file, md);
      // No unescaped link, and every table row has its header's number of cells.
      assertFalse(Pattern.compile("(?<!\\\\)\\]\\(").matcher(md).find(), file + " has a link");
      int cells = -1;
      for (String line : md.lines().toList()) {
        if (!line.startsWith("|")) {
          cells = -1;
          continue;
        }
        int count = unescapedPipes(line);
        if (cells < 0) {
          cells = count;
        }
        assertEquals(cells, count, file + ": a row with other cells: " + line);
      }
    }
    String md = Files.readString(out.resolve("summary.md"));
    assertTrue(md.contains("\\=HYPERLINK") || md.contains("=HYPERLINK"), "the name is shown");
  }

  @Test
  void reportHtmlShowsTheNamesAsText() throws IOException, InterruptedException {
    String html = Files.readString(out.resolve("report.html"));
    assertInert("report.html", html);
    HeadlessChromium chromium =
        HeadlessChromium.require(Files.createDirectories(dir.resolve("chromium")));
    String dom = chromium.dumpDom(out.resolve("report.html").toUri().toString());
    assertFalse(dom.contains("<b id=\"pwned\""), "an element from the data");
    assertFalse(dom.contains("<img src=\"x\""), "an element from the data");
    assertTrue(dom.contains("&lt;b id=pwned&gt;"), "the name is shown as text");
  }

  @Test
  void theConsoleAndTheLogStayOnTheirLines() throws IOException, InterruptedException {
    assertVisible("console", ConsoleSummary.render(outcome, FailOn.HIGH));
    Path second = dir.resolve("child-out");
    Process child =
        new ProcessBuilder(
                ChildRollcall.command(
                    List.of(),
                    List.of(
                        "run",
                        "--config",
                        dir.resolve("rollcall.yaml").toString(),
                        "--out",
                        second.toString())))
            .redirectOutput(dir.resolve("child.out").toFile())
            .redirectError(dir.resolve("child.err").toFile())
            .start();
    assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child run did not end");
    String stdout = Files.readString(dir.resolve("child.out"), StandardCharsets.UTF_8);
    String stderr = Files.readString(dir.resolve("child.err"), StandardCharsets.UTF_8);
    assertEquals(ExitCode.SOURCE_FAILED.code(), child.exitValue(), stderr);
    assertVisible("stdout", stdout);
    assertVisible("stderr", stderr);
    for (String line : stderr.lines().toList()) {
      assertTrue(
          line.matches("^\\d{4}-\\d\\d-\\d\\dT.*") || line.startsWith("rollcall: "),
          "a log line of its own: " + Text.printable(line));
    }
  }

  /** Text a person reads: no control character or hidden mark (a line break is the text's own). */
  private static void assertVisible(String where, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\r' && c != '\t') {
        assertFalse(
            Text.isHidden(c),
            where
                + ": a hidden character U+"
                + Integer.toHexString(c)
                + " near "
                + Text.printable(text.substring(Math.max(0, i - 40), i)));
      }
    }
    assertFalse(text.contains("\nred"), where + " breaks a name's line");
  }

  /**
   * A page or message a person reads: visible, and no payload live (an element, a Slack mention);
   * Markdown and HTML escape them, so none shows raw.
   */
  private static void assertInert(String where, String text) {
    assertVisible(where, text);
    for (String live : List.of("<b id=pwned>", "<img src=x", "<!channel>")) {
      assertFalse(text.contains(live), where + " shows " + Text.printable(live) + " live");
    }
  }

  private static int unescapedPipes(String line) {
    Matcher m = Pattern.compile("(?<!\\\\)\\|").matcher(line);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private List<Path> outputs(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private void renameIamUser(String from, String to) throws IOException {
    Path report = dir.resolve(PROD).resolve("credential-report.csv");
    List<List<String>> rows = csv(report);
    for (List<String> row : rows) {
      if (row.get(0).equals(from)) {
        row.set(0, to);
        row.set(1, row.get(1).replace("user/" + from, "user/" + to));
      }
    }
    writeCsv(report, rows);
    editDetails(
        doc -> {
          for (JsonNode user : doc.get("UserDetailList")) {
            if (user.get("UserName").asText().equals(from)) {
              ((ObjectNode) user).put("UserName", to);
              ((ObjectNode) user)
                  .put("Arn", user.get("Arn").asText().replace("user/" + from, "user/" + to));
            }
          }
        });
  }

  private void addReportOnlyRow(String name) throws IOException {
    Path report = dir.resolve(PROD).resolve("credential-report.csv");
    List<List<String>> rows = csv(report);
    List<String> copy = new ArrayList<>(rows.get(rows.size() - 1));
    copy.set(0, name);
    copy.set(1, "arn:aws:iam::111122223333:user/ghost");
    rows.add(copy);
    writeCsv(report, rows);
  }

  private void tagIamUser(String user, String key, String value) throws IOException {
    editDetails(
        doc -> {
          for (JsonNode u : doc.get("UserDetailList")) {
            if (u.get("UserName").asText().equals(user)) {
              ArrayNode tags =
                  u.has("Tags") ? (ArrayNode) u.get("Tags") : ((ObjectNode) u).putArray("Tags");
              tags.addObject().put("Key", key).put("Value", value);
            }
          }
        });
  }

  /** Changes the production account's authorization details in place. */
  private void editDetails(java.util.function.Consumer<ObjectNode> edit) throws IOException {
    Path details = dir.resolve(PROD).resolve("get-account-authorization-details.json");
    ObjectNode doc = (ObjectNode) JSON.readTree(details.toFile());
    edit.accept(doc);
    Files.writeString(details, doc.toString());
  }

  private void renameDatabaseUser(String from, String to) throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve(ATLAS).resolve("groups"))) {
      for (Path file : files.filter(p -> p.toString().endsWith("databaseUsers.json")).toList()) {
        ObjectNode doc = (ObjectNode) JSON.readTree(file.toFile());
        for (JsonNode user : doc.get("results")) {
          if (user.get("username").asText().equals(from)) {
            ((ObjectNode) user).put("username", to);
          }
        }
        Files.writeString(file, doc.toString());
      }
    }
  }

  private void renameRoleAndGroup(String role, String newRole, String group, String newGroup)
      throws IOException {
    editDetails(
        doc -> {
          for (JsonNode r : doc.get("RoleDetailList")) {
            if (r.get("RoleName").asText().equals(role)) {
              ((ObjectNode) r).put("RoleName", newRole);
              ((ObjectNode) r)
                  .put("Arn", r.get("Arn").asText().replace("role/" + role, "role/" + newRole));
            }
          }
          for (JsonNode g : doc.get("GroupDetailList")) {
            if (g.get("GroupName").asText().equals(group)) {
              ((ObjectNode) g).put("GroupName", newGroup);
            }
          }
          for (JsonNode u : doc.get("UserDetailList")) {
            ArrayNode groups = (ArrayNode) u.get("GroupList");
            for (int i = 0; i < groups.size(); i++) {
              if (groups.get(i).asText().equals(group)) {
                groups.set(i, newGroup);
              }
            }
          }
        });
  }

  /**
   * An IAM Identity Center store beside the demo: a user with a hostile name in a group with one,
   * given administrator rights on the production account through a permission set with one.
   */
  private void identityCenter() throws IOException {
    Path store = dir.resolve("snapshot/aws-identity-center/d-9067abcdef");
    String arn = "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-admin";
    ObjectNode users = JSON.createObjectNode();
    ObjectNode user = users.putArray("Users").addObject();
    user.put("IdentityStoreId", "d-9067abcdef").put("UserId", "u-x").put("UserName", IC_USER);
    user.put("DisplayName", IC_GROUP);
    write(store.resolve("list-users/page-0001.json"), users);
    ObjectNode groups = JSON.createObjectNode();
    groups
        .putArray("Groups")
        .addObject()
        .put("GroupId", "g-x")
        .put("DisplayName", IC_GROUP)
        .put("IdentityStoreId", "d-9067abcdef");
    write(store.resolve("list-groups/page-0001.json"), groups);
    ObjectNode members = JSON.createObjectNode();
    ObjectNode member = members.putArray("GroupMemberships").addObject();
    member.put("IdentityStoreId", "d-9067abcdef").put("MembershipId", "m1").put("GroupId", "g-x");
    member.putObject("MemberId").put("UserId", "u-x");
    write(store.resolve("list-group-memberships/g-x/page-0001.json"), members);
    ObjectNode set = JSON.createObjectNode();
    set.putObject("PermissionSet")
        .put("Name", PERMISSION_SET)
        .put("PermissionSetArn", arn)
        .put("SessionDuration", "PT1H");
    write(store.resolve("describe-permission-set/ps-admin.json"), set);
    ObjectNode managed = JSON.createObjectNode();
    managed
        .putArray("AttachedManagedPolicies")
        .addObject()
        .put("Name", "AdministratorAccess")
        .put("Arn", "arn:aws:iam::aws:policy/AdministratorAccess");
    write(
        store.resolve("list-managed-policies-in-permission-set/ps-admin/page-0001.json"), managed);
    ObjectNode customer = JSON.createObjectNode();
    customer.putArray("CustomerManagedPolicyReferences");
    write(
        store.resolve(
            "list-customer-managed-policy-references-in-permission-set/ps-admin/page-0001.json"),
        customer);
    write(
        store.resolve("get-inline-policy-for-permission-set/ps-admin.json"),
        JSON.createObjectNode().put("InlinePolicy", ""));
    ObjectNode assignments = JSON.createObjectNode();
    assignments
        .putArray("AccountAssignments")
        .addObject()
        .put("AccountId", "111122223333")
        .put("PermissionSetArn", arn)
        .put("PrincipalType", "GROUP")
        .put("PrincipalId", "g-x");
    write(
        store.resolve("list-account-assignments-for-principal/g-x/page-ps-admin.json"),
        assignments);
  }

  private static void write(Path file, JsonNode doc) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, doc.toString());
  }

  private void renameProject(String from, String to) throws IOException {
    Path groups = dir.resolve(ATLAS).resolve("groups.json");
    ObjectNode doc = (ObjectNode) JSON.readTree(groups.toFile());
    for (JsonNode group : doc.get("results")) {
      if (group.get("name").asText().equals(from)) {
        ((ObjectNode) group).put("name", to);
      }
    }
    Files.writeString(groups, doc.toString());
  }

  private void renameGoogleUser(String email, String fullName) throws IOException {
    Path page = dir.resolve(GOOGLE);
    ObjectNode doc = (ObjectNode) JSON.readTree(page.toFile());
    for (JsonNode user : doc.get("users")) {
      if (user.get("primaryEmail").asText().equals(email)) {
        ((ObjectNode) user.get("name")).put("fullName", fullName);
      }
    }
    Files.writeString(page, doc.toString());
  }

  private static List<List<String>> csv(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(Files.readString(file)), CSVFormat.RFC4180.builder().get())) {
      for (CSVRecord record : parser) {
        rows.add(new ArrayList<>(record.toList()));
      }
    }
    return rows;
  }

  private static void writeCsv(Path file, List<List<String>> rows) throws IOException {
    StringWriter text = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    }
    Files.writeString(file, text.toString());
  }

  /** The findings on accounts with hostile names. */
  List<Finding> hostileFindings() {
    return outcome.findings().stream()
        .filter(f -> ACCOUNT_NAMES.contains(f.accountName()))
        .toList();
  }
}
