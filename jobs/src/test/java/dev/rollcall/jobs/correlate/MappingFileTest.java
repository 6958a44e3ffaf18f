package dev.rollcall.jobs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.model.SourceSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingFileTest {
  @TempDir Path dir;

  @Test
  void mapsByNameOrNativeIdAndKeepsSeveralPeople() throws IOException {
    MappingFile mapping =
        MappingFile.read(
            write(
                """
                system,tenant,account,person
                # the production root belongs to the CTO
                aws_iam,111122223333,root,CTO@example.test
                atlas_database,6a1b2c3d4e5f6a7b8c9d0e1f,ops,ann@example.test
                atlas_database,6a1b2c3d4e5f6a7b8c9d0e1f,ops,bob@example.test
                aws_iam,111122223333,AIDAEXAMPLE1,carol@example.test
                """));
    assertEquals(
        List.of("cto@example.test"),
        mapping.peopleFor(SourceSystem.AWS_IAM, "111122223333", "ROOT", "root"));
    assertEquals(
        List.of("ann@example.test", "bob@example.test"),
        mapping.peopleFor(
            SourceSystem.ATLAS_DATABASE, "6a1b2c3d4e5f6a7b8c9d0e1f", "ops", "admin/ops"));
    assertEquals(
        List.of("carol@example.test"),
        mapping.peopleFor(SourceSystem.AWS_IAM, "111122223333", "carol", "AIDAEXAMPLE1"));
    assertEquals(
        List.of(), mapping.peopleFor(SourceSystem.AWS_IAM, "444455556666", "root", "root"));
  }

  @Test
  void aBadSystemNamesFileAndLine() throws IOException {
    Path file = write("system,tenant,account,person\naws,1,root,a@example.test\n");
    String message = assertThrows(ConfigException.class, () -> MappingFile.read(file)).getMessage();
    assertTrue(message.contains(file + " line 2"), message);
    assertTrue(message.contains("column system: not a system rollcall knows"), message);
  }

  @Test
  void aPersonMustBeAnEmail() throws IOException {
    Path file = write("system,tenant,account,person\naws_iam,1,root,Carol\n");
    String message = assertThrows(ConfigException.class, () -> MappingFile.read(file)).getMessage();
    assertTrue(message.contains("column person must be an email"), message);
  }

  @Test
  void theHeaderIsChecked() throws IOException {
    Path file = write("sys,tenant,account,person\n");
    String message = assertThrows(ConfigException.class, () -> MappingFile.read(file)).getMessage();
    assertTrue(message.contains("line 1"), message);
  }

  @Test
  void aMappingFileThatIsNotUtf8IsRefusedWithTheOffsetOfItsFirstBadByte() throws IOException {
    Path file = write("system,tenant,account,person\naws_iam,1,root,a@example.test\n");
    byte[] bytes = Files.readAllBytes(file);
    bytes[40] = (byte) 0xFF;
    Files.write(file, bytes);
    assertEquals(
        file + ": not valid UTF-8 at byte offset 40 (line 2)",
        assertThrows(ConfigException.class, () -> MappingFile.read(file)).getMessage());
  }

  private Path write(String csv) throws IOException {
    Path file = dir.resolve("mapping.csv");
    Files.writeString(file, csv);
    return file;
  }
}
