/**
 * Dependency-free writers for a job's human-readable artifacts: minimal JSON ({@link Json}), CSV
 * ({@link CsvTable}) and line-chart SVG ({@link SvgPlot}).
 */
package io.spikelot.pipeline.report;
