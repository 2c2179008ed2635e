/**
 * Writers for a job's human-readable artifacts: CSV ({@link io.spikelot.pipeline.report.CsvTable}) and line-chart
 * SVG ({@link io.spikelot.pipeline.report.SvgPlot}). Hand-written: a CSV line and two chart types do not justify
 * AWT-based charting libraries of several megabytes. Plain Java.
 */
package io.spikelot.pipeline.report;
