package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.PrincipalKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rollcall explain} shows what CloudTrail told about an account's use. */
class CloudTrailExplainTest {
  @Test
  void printsTheTrailsEvidence() {
    PrincipalActivity role =
        new PrincipalActivity(
            PrincipalKind.ROLE,
            "444455556666",
            "DataAnalyst",
            "arn:aws:iam::444455556666:role/DataAnalyst",
            null,
            null,
            null,
            Instant.parse("2026-11-20T04:10:00Z"),
            "ec2.amazonaws.com DescribeInstances",
            0,
            0,
            true,
            List.of(
                new PrincipalActivity.SessionUser(
                    "dave@example.test", Instant.parse("2026-11-20T04:05:00Z"), 2)),
            List.of(new PrincipalActivity.DayActivity("2026-11-20", 2, 1, 3)),
            List.of(),
            0);
    StringWriter text = new StringWriter();
    ExplainCommand.printTrail(new PrintWriter(text, true), role);
    assertEquals(
        String.join(
            System.lineSeparator(),
            "  cloudtrail:    role DataAnalyst",
            "    last console sign-in: none in the trail read",
            "    last API call:        2026-11-20T04:10:00Z (ec2.amazonaws.com DescribeInstances)",
            "    session of:           dave@example.test, last 2026-11-20T04:05:00Z (2 event(s))",
            "    busiest day:          2026-11-20: 2 source IP(s), 1 user agent(s), 3 event(s)",
            "    overlapping sessions: 0 pair(s) from different IPs",
            ""),
        text.toString());
  }
}
