package dev.rollcall.jobs.activity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.connectors.snapshot.Utf8Input;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Reads CloudTrail log files (gzip JSON, {@code {"Records":[...]}}) into a dataset of {@link
 * TrailEvents} rows, one Spark task per group of files. Each file is read whole by Jackson's
 * streaming parser before its rows are given out, so a file that is not gzip, is cut short, or is
 * not CloudTrail JSON (or not UTF-8) gives no row at all: it is skipped, logged with its name and
 * why, and counted, and the run goes on. Spark's own JSON reader could not count such files. Why
 * names the kind of problem and where, never the file's text.
 */
public final class TrailReader {
  private static final Logger LOG = LogManager.getLogger(TrailReader.class);

  private final SparkSession spark;
  private final HadoopConf conf;

  /**
   * @param conf how files are opened (s3a settings); travels to the executors
   */
  public TrailReader(SparkSession spark, Configuration conf) {
    this.spark = spark;
    this.conf = new HadoopConf(conf);
  }

  /**
   * What reading a trail gave.
   *
   * @param events the events (persisted: read once, used by every later step)
   * @param stats how many files, bytes and records, and which files were skipped
   */
  public record Read(Dataset<Row> events, TrailStats stats) {}

  /** Reads the files and counts what they held; the files are read once, here. */
  public Read read(List<TrailFiles.LogFile> files) {
    LongAccumulator uncompressed = spark.sparkContext().longAccumulator("cloudtrail bytes");
    LongAccumulator records = spark.sparkContext().longAccumulator("cloudtrail records");
    CollectionAccumulator<String> skipped =
        spark.sparkContext().collectionAccumulator("cloudtrail skipped files");
    HadoopConf conf = this.conf;
    List<String> paths = files.stream().map(TrailFiles.LogFile::path).toList();
    int partitions =
        Math.max(1, Math.min(paths.size(), spark.sparkContext().defaultParallelism() * 4));
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(paths, partitions)
            .flatMap(path -> readFile(path, conf, uncompressed, records, skipped));
    Dataset<Row> events =
        spark.createDataFrame(rows, TrailEvents.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
    // The files are read here, once; the counts that matter most (files, skipped files, events)
    // come from the listing and the persisted rows, so a retried task cannot inflate them. The
    // byte and record accumulators could count a retried task twice: they are for throughput only.
    long eventCount = events.count();
    // A task that runs twice adds its file twice: names are made distinct here.
    List<String> skippedFiles = new ArrayList<>(new TreeSet<>(skipped.value()));
    long compressed = files.stream().mapToLong(TrailFiles.LogFile::bytes).sum();
    return new Read(
        events,
        new TrailStats(
            files.size(),
            skippedFiles.size(),
            compressed,
            uncompressed.value(),
            records.value(),
            eventCount,
            skippedFiles));
  }

  private static Iterator<Row> readFile(
      String path,
      HadoopConf conf,
      LongAccumulator uncompressed,
      LongAccumulator records,
      CollectionAccumulator<String> skipped) {
    Path file = new Path(path);
    List<Row> rows = new ArrayList<>();
    Counting counted = null;
    long recordCount = 0;
    try {
      FileSystem fs = file.getFileSystem(conf.get());
      try (InputStream raw = fs.open(file);
          Counting in = new Counting(new GZIPInputStream(raw, 64 * 1024))) {
        counted = in;
        recordCount = parse(new Utf8Input(in), rows);
      }
    } catch (IOException | RuntimeException e) {
      String reason = reason(e);
      LOG.warn("cloudtrail: skipped {}: {}", path, reason);
      skipped.add(path + " (" + reason + ")");
      return java.util.Collections.emptyIterator();
    }
    uncompressed.add(counted.count);
    records.add(recordCount);
    return rows.iterator();
  }

  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

  /** Parses {@code {"Records":[...]}}, adding a row per audited record; returns the records. */
  static long parse(InputStream in, List<Row> rows) throws IOException {
    long count = 0;
    try (JsonParser parser = JSON.createParser(in)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT, parser);
      boolean sawRecords = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!"Records".equals(field)) {
          parser.skipChildren();
          continue;
        }
        expect(value, JsonToken.START_ARRAY, parser);
        sawRecords = true;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          JsonNode record = MAPPER.readTree(parser);
          count++;
          Row row;
          try {
            row = TrailEvents.toRow(record);
          } catch (IllegalArgumentException e) {
            throw new NotCloudTrail("Records[" + (count - 1) + "]: " + e.getMessage());
          }
          if (row != null) {
            rows.add(row);
          }
        }
        expect(parser.currentToken(), JsonToken.END_ARRAY, parser);
      }
      expect(parser.currentToken(), JsonToken.END_OBJECT, parser);
      if (parser.nextToken() != null) {
        throw new NotCloudTrail("content after the end of the log object");
      }
      if (!sawRecords) {
        throw new NotCloudTrail("no Records array: not a CloudTrail log file");
      }
    }
    return count;
  }

  private static void expect(JsonToken actual, JsonToken wanted, JsonParser parser)
      throws IOException {
    if (actual != wanted) {
      throw new NotCloudTrail(
          "expected "
              + wanted
              + " but found "
              + actual
              + " at line "
              + parser.currentLocation().getLineNr()
              + ", column "
              + parser.currentLocation().getColumnNr());
    }
  }

  /**
   * Why a file was skipped, for the log and the trail's problems (which reach the reports): the
   * parser's own message quotes the text it stopped at, so only rollcall's words are given.
   */
  static String reason(Exception e) {
    if (e instanceof Utf8Input.NotUtf8) {
      return e.getMessage() + " of the uncompressed log";
    }
    if (e instanceof JsonProcessingException json) {
      JsonLocation at = json.getLocation();
      return "not valid JSON"
          + (at == null || at.getLineNr() <= 0
              ? ""
              : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
          + ": "
          + SnapshotJson.syntaxProblem(json);
    }
    if (e instanceof NotCloudTrail) {
      return e.getMessage();
    }
    if (e instanceof ZipException || e instanceof EOFException) {
      // zlib's own words (Not in GZIP format, Unexpected end of ZLIB input stream): no content.
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return e.getClass().getSimpleName();
  }

  /** A file that parses as JSON but is not a CloudTrail log; the message is rollcall's own. */
  private static final class NotCloudTrail extends IOException {
    private static final long serialVersionUID = 1L;

    NotCloudTrail(String message) {
      super(message);
    }
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    private long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
