package dev.rollcall.connectors.snapshot;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that lets through only UTF-8 text: well-formed UTF-8 (RFC 3629: no overlong form,
 * no surrogate, nothing above U+10FFFF) with no NUL byte, which no text file of rollcall's holds
 * and every UTF-16 or UTF-32 file does. The first byte that is not fails the read with its offset,
 * so that a file in Latin-1 or UTF-16 is refused where it goes wrong instead of being read with
 * U+FFFD in place of its letters, or in an encoding guessed from its first bytes. The snapshot
 * readers and the configuration files read through it; a UTF-8 byte order mark is well-formed and
 * passes.
 */
public final class Utf8Input extends FilterInputStream {
  private final Validator validator = new Validator();

  public Utf8Input(InputStream in) {
    super(in);
  }

  /**
   * Checks bytes read whole, failing as the stream would.
   *
   * @throws NotUtf8 at the first byte that is not UTF-8 text
   */
  public static void check(byte[] bytes) throws NotUtf8 {
    Validator validator = new Validator();
    validator.accept(bytes, 0, bytes.length);
    validator.end();
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      validator.end();
    } else {
      validator.accept(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n < 0) {
      validator.end();
    } else {
      validator.accept(buffer, offset, n);
    }
    return n;
  }

  /** Skipped bytes are read and checked too: a file is text up to where it is read. */
  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readLimit) {
    // Not supported: a reset would check bytes twice.
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  /** Where the bytes stop being UTF-8 text. The message quotes no byte of the file. */
  public static final class NotUtf8 extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final long line;

    NotUtf8(long offset, long line, boolean nul) {
      super(
          nul
              ? "not valid UTF-8 at byte offset "
                  + offset
                  + " (line "
                  + line
                  + "): a NUL byte, as UTF-16 and binary files hold"
              : "not valid UTF-8 at byte offset " + offset + " (line " + line + ")");
      this.offset = offset;
      this.line = line;
    }

    /** The offset of the first byte that is not UTF-8 text, counted from 0. */
    public long offset() {
      return offset;
    }

    /** The line it stands on, counted from 1. */
    public long line() {
      return line;
    }
  }

  /**
   * The well-formed byte sequences of the Unicode Standard, table 3-7, byte by byte across reads.
   * An ill-formed sequence is reported at its first byte (a Latin-1 é is one byte, 0xE9, that
   * starts a sequence its next byte does not continue).
   */
  private static final class Validator {
    private long position;
    private long line = 1;
    private long sequenceStart;
    private long sequenceLine;
    private int pending;
    private int lower = 0x80;
    private int upper = 0xBF;

    void accept(byte[] bytes, int offset, int length) throws NotUtf8 {
      int end = offset + length;
      int i = offset;
      long lines = line;
      while (i < end) {
        if (pending == 0) {
          // Most of a file is ASCII: a run of it costs a compare or two a byte. As a signed byte,
          // ASCII other than NUL is positive.
          byte b;
          while (i < end && (b = bytes[i]) > 0) {
            if (b == '\n') {
              lines++;
            }
            i++;
          }
          if (i == end) {
            break;
          }
          line = lines;
          if (bytes[i] == 0) {
            throw new NotUtf8(position + i - offset, lines, true);
          }
          lead(bytes[i] & 0xFF, position + i - offset);
        } else {
          continuation(bytes[i] & 0xFF);
        }
        i++;
      }
      line = lines;
      position += length;
    }

    /** One byte, as {@link InputStream#read()} gives it. */
    void accept(int b) throws NotUtf8 {
      if (pending == 0) {
        if (b == '\n') {
          line++;
        } else if (b == 0) {
          throw new NotUtf8(position, line, true);
        } else if (b >= 0x80) {
          lead(b, position);
        }
      } else {
        continuation(b);
      }
      position++;
    }

    private void continuation(int b) throws NotUtf8 {
      if (b < lower || b > upper) {
        throw new NotUtf8(sequenceStart, sequenceLine, false);
      }
      pending--;
      lower = 0x80;
      upper = 0xBF;
    }

    private void lead(int b, long at) throws NotUtf8 {
      sequenceStart = at;
      sequenceLine = line;
      if (b >= 0xC2 && b <= 0xDF) {
        pending = 1;
      } else if (b == 0xE0) {
        pending = 2;
        lower = 0xA0; // below it, an overlong form
      } else if (b == 0xED) {
        pending = 2;
        upper = 0x9F; // above it, a UTF-16 surrogate
      } else if (b >= 0xE1 && b <= 0xEF) {
        pending = 2;
      } else if (b == 0xF0) {
        pending = 3;
        lower = 0x90; // below it, an overlong form
      } else if (b >= 0xF1 && b <= 0xF3) {
        pending = 3;
      } else if (b == 0xF4) {
        pending = 3;
        upper = 0x8F; // above it, beyond U+10FFFF
      } else {
        // 0x80-0xBF continue a sequence none started; 0xC0, 0xC1 and 0xF5-0xFF never occur.
        throw new NotUtf8(at, line, false);
      }
    }

    /** The end of the input: a sequence cut short there is ill-formed. */
    void end() throws NotUtf8 {
      if (pending > 0) {
        throw new NotUtf8(sequenceStart, sequenceLine, false);
      }
    }
  }
}
