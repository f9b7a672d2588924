package org.clustergrid.report;

/**
 * Builds one kind of report about a subject (a cluster; later a region, a portfolio) from a run's context. Laying it
 * out ({@link ReportPage}), the provenance and writing HTML or PDF ({@link Reports}) are shared by every kind.
 *
 * @param <S> what the report is about, e.g. a Cluster Grid ID
 */
@FunctionalInterface
public interface ReportBuilder<S> {
    ReportDocument build(ReportContext context, S subject);
}
