package dev.hushlint.engine.report;

import dev.hushlint.engine.Report;

import java.io.IOException;
import java.io.Writer;

/** Renders a report. One method, no lifecycle; options go to the constructor. */
public interface ReportWriter {

    void write(Report report, Writer out) throws IOException;
}
