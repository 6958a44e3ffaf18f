package dev.rollcall.connectors.aws;

import org.junit.jupiter.api.Test;

class TmpBigTest {
  @Test
  void big() {
    long t = System.nanoTime();
    var r =
        new AwsSnapshotReader()
            .read(java.nio.file.Path.of("/tmp/bigacct/333344445555"), TestAccounts.OBSERVED_AT);
    System.out.println(
        "BIG " + r.accounts().size() + " in " + (System.nanoTime() - t) / 1_000_000 + " ms");
  }
}
