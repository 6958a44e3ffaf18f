package dev.rollcall.reports;

import dev.rollcall.model.Text;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders report.html, the triage page of a run: one self-contained file (CSS, script and the trend
 * chart inline; nothing is fetched), sources at the top, then the new findings, the other open ones
 * by severity, the resolved, the suppressed and the not re-checked, each expandable to its
 * evidence, policy clauses and fix, with filters kept in the URL fragment. The FreeMarker template
 * is in the HTML output format, so every value is HTML-escaped unless marked otherwise.
 */
public final class HtmlReportRenderer {
  static final String TEMPLATE = "report.ftlh";

  private static final Configuration FREEMARKER = configuration();

  private HtmlReportRenderer() {}

  /** The page as a string. */
  public static String render(RunReport report) {
    return render(report, null);
  }

  /** The page with its people section, made from {@code inventory} (none when null). */
  public static String render(
      RunReport report, dev.rollcall.reports.review.AccessInventory inventory) {
    StringWriter out = new StringWriter();
    try {
      render(report, inventory, out);
    } catch (IOException e) {
      throw new UncheckedIOException("report.html: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /**
   * Writes the page to {@code out} as UTF-8 as the template produces it (a large organisation's
   * page need not fit in one string); leaves {@code out} open.
   */
  public static void write(
      RunReport report, dev.rollcall.reports.review.AccessInventory inventory, OutputStream out)
      throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    render(report, inventory, writer);
    writer.flush();
  }

  private static void render(
      RunReport report, dev.rollcall.reports.review.AccessInventory inventory, Writer out)
      throws IOException {
    Template template;
    try {
      template = FREEMARKER.getTemplate(TEMPLATE);
    } catch (IOException e) {
      throw new UncheckedIOException("report.html: cannot read template " + TEMPLATE, e);
    }
    try {
      template.process(Map.of("page", HtmlPage.of(report, inventory)), out);
    } catch (TemplateException e) {
      throw new IllegalStateException(
          "report.html: template " + TEMPLATE + " failed: " + e.getMessage(), e);
    }
  }

  /** The page as UTF-8 bytes. */
  public static byte[] renderBytes(RunReport report) {
    return render(report).getBytes(StandardCharsets.UTF_8);
  }

  /** The page with its people section, as UTF-8 bytes. */
  public static byte[] renderBytes(
      RunReport report, dev.rollcall.reports.review.AccessInventory inventory) {
    return render(report, inventory).getBytes(StandardCharsets.UTF_8);
  }

  private static Configuration configuration() {
    Configuration c = new Configuration(Configuration.VERSION_2_3_35);
    c.setClassForTemplateLoading(HtmlReportRenderer.class, "html");
    c.setDefaultEncoding("UTF-8");
    // .ftlh templates are HTML: ${...} is escaped everywhere, the one safe default.
    c.setRecognizeStandardFileExtensions(true);
    c.setObjectWrapper(new VisibleText());
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setAPIBuiltinEnabled(false);
    c.setLocale(Locale.ROOT);
    c.setNumberFormat("computer");
    c.setTimeZone(TimeZone.getTimeZone("UTC"));
    return c;
  }

  /**
   * The template's object wrapper, which shows every text value as {@link Text#printable} does: a
   * line break, a terminal escape or a bidirectional override in a name from the data shows as
   * {@code \n}, {@code \u001b}, {@code \u202e}, where the page would otherwise break the line, hide
   * it or show the name reversed. The output format's HTML escaping then applies as ever.
   */
  private static final class VisibleText extends freemarker.template.DefaultObjectWrapper {
    VisibleText() {
      super(Configuration.VERSION_2_3_35);
    }

    @Override
    public freemarker.template.TemplateModel wrap(Object value)
        throws freemarker.template.TemplateModelException {
      return value instanceof String text ? super.wrap(Text.printable(text)) : super.wrap(value);
    }
  }
}
