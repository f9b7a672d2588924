package org.clustergrid.ingest;

/**
 * One problem found in an input file.
 *
 * @param file the file name (for a zip member: {@code archive.zip!member.shp})
 * @param location where in the file: {@code line 12}, {@code feature 3}, {@code record 40}, {@code way 123}; null
 *     for the file as a whole
 * @param field the column, attribute or tag concerned, null when none
 */
public record ImportProblem(Severity severity, String file, String location, String field, String message) {

    /** Errors fail the import; warnings (e.g. a repaired geometry) are reported and the import goes on. */
    public enum Severity {
        ERROR,
        WARNING
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(severity.name()).append(": ").append(file);
        if (location != null) {
            s.append(", ").append(location);
        }
        if (field != null) {
            s.append(", field '").append(field).append('\'');
        }
        return s.append(": ").append(message).toString();
    }
}
