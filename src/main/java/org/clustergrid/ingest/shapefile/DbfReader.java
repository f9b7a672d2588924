package org.clustergrid.ingest.shapefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.clustergrid.ingest.SourceField;

/**
 * Streams the records of a dBase III/IV {@code .dbf} file. Values: C (and unknown types) as trimmed strings, N/F as
 * Long when the field has no decimals and the value fits, else Double, I as Long, L as Boolean, D as LocalDate. A blank
 * value is null: dBase cannot tell an empty string from a missing one; so is a number field filled with '*', the null
 * marker of shapelib and GeoTools.
 *
 * <p>With {@link #typedValues(boolean) typed values}, every value of a field has the Java type of its
 * {@link #type(Field) declared type}: N/F numbers are then Long or Double by the field's declaration, not by what each
 * value looks like, and a non-integer in an integer field is a bad value.
 */
final class DbfReader {
    record Field(String name, char type, int offset, int length, int decimals) {}

    /**
     * One record: attributes in field order, or the field and message of the first unreadable value.
     *
     * @param deleted marked deleted in the file; the caller skips it
     */
    record Row(boolean deleted, Map<String, Object> attributes, String badField, String problem) {}

    /** What dBase writes in N/F fields; stricter than Double.parseDouble, which accepts "NaN", "1d" or hex. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final InputStream in;
    private final int recordCount;
    private final int recordLength;
    private final List<Field> fields;
    private final TextDecoder text;
    private final byte[] record;
    private int index;
    private boolean typed;

    /** @param cpg the content of the .cpg file naming the code page, null when there is none */
    DbfReader(InputStream in, String cpg) throws IOException, ShapefileFormatException {
        this.in = in;
        byte[] head = in.readNBytes(32);
        if (head.length < 32) {
            throw new ShapefileFormatException(null, "the .dbf file is truncated: its header is incomplete");
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        recordCount = b.getInt(4);
        int headerLength = Short.toUnsignedInt(b.getShort(8));
        recordLength = Short.toUnsignedInt(b.getShort(10));
        text = TextDecoder.of(cpg, Byte.toUnsignedInt(head[29]));
        if (recordCount < 0 || headerLength < 33 || recordLength < 1) {
            throw new ShapefileFormatException(null, "not a dBase file (bad .dbf header)");
        }
        byte[] rest = in.readNBytes(headerLength - 32);
        if (rest.length < headerLength - 32) {
            throw new ShapefileFormatException(null, "the .dbf file is truncated in its field descriptors");
        }
        fields = Collections.unmodifiableList(parseFields(rest));
        record = new byte[recordLength];
    }

    private List<Field> parseFields(byte[] descriptors) throws ShapefileFormatException {
        List<Field> result = new ArrayList<>();
        int offset = 1; // byte 0 of each record is the deletion flag
        for (int p = 0; p + 32 <= descriptors.length && descriptors[p] != 0x0D; p += 32) {
            int nameEnd = p;
            while (nameEnd < p + 11 && descriptors[nameEnd] != 0) {
                nameEnd++;
            }
            String name = new String(descriptors, p, nameEnd - p, StandardCharsets.ISO_8859_1).trim();
            int length = Byte.toUnsignedInt(descriptors[p + 16]);
            result.add(new Field(name, (char) descriptors[p + 11], offset, length, Byte.toUnsignedInt(descriptors[p + 17])));
            offset += length;
        }
        if (offset > recordLength) {
            throw new ShapefileFormatException(null, "corrupt .dbf header: fields are longer than the record");
        }
        return result;
    }

    /** The type a field declares: N without decimals up to 18 digits (always fits a long) is an integer. */
    static SourceField.Type type(Field f) {
        return switch (f.type()) {
            case 'N' -> f.decimals() == 0 && f.length() <= 18 ? SourceField.Type.INTEGER : SourceField.Type.DOUBLE;
            case 'F' -> SourceField.Type.DOUBLE;
            case 'I' -> f.length() == 4 ? SourceField.Type.INTEGER : SourceField.Type.TEXT;
            case 'L' -> SourceField.Type.BOOLEAN;
            case 'D' -> SourceField.Type.DATE;
            default -> SourceField.Type.TEXT; // C, and types read as their text (memo block numbers, timestamps)
        };
    }

    /** Gives each value as the Java type of its field's {@link #type(Field)}; off, numbers are typed by value. */
    void typedValues(boolean on) {
        typed = on;
    }

    int recordCount() {
        return recordCount;
    }

    /** Null, or why the .cpg code page was not usable (strings are then decoded as when there is no .cpg). */
    String charsetProblem() {
        return text.problem();
    }

    List<Field> fields() {
        return fields;
    }

    /** The next record, or null after the number of records the header declares. */
    Row next() throws IOException, ShapefileFormatException {
        if (index >= recordCount) {
            return null;
        }
        index++;
        if (in.readNBytes(record, 0, recordLength) < recordLength) {
            throw new ShapefileFormatException("record " + index,
                    "the .dbf file is truncated: it ends before this record although its header declares "
                            + recordCount + " records");
        }
        if (record[0] == '*') {
            return new Row(true, null, null, null);
        }
        Map<String, Object> attributes = new LinkedHashMap<>(fields.size() * 2);
        for (Field f : fields) {
            try {
                attributes.put(f.name(), value(f));
            } catch (IllegalArgumentException | DateTimeException e) {
                return new Row(false, null, f.name(), e.getMessage());
            }
        }
        return new Row(false, attributes, null, null);
    }

    private Object value(Field f) {
        if (f.type() == 'I' && f.length() == 4) {
            return (long) ByteBuffer.wrap(record, f.offset(), 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
        int start = f.offset();
        int end = f.offset() + f.length();
        while (start < end && (record[start] == ' ' || record[start] == 0)) {
            start++;
        }
        while (end > start && (record[end - 1] == ' ' || record[end - 1] == 0)) {
            end--;
        }
        if (start == end) {
            return null;
        }
        return switch (f.type()) {
            // shapelib (GDAL, QGIS) and GeoTools write a null number as a field full of '*'
            case 'N', 'F' -> record[start] == '*' && allStars(start, end) ? null
                    : typed ? typedNumber(f, ascii(start, end)) : number(f, ascii(start, end));
            case 'L' -> logical(ascii(start, end));
            case 'D' -> date(ascii(start, end));
            // only a value filling its field can have been cut short by the writer
            default -> text.decode(record, start, end - start, end == f.offset() + f.length());
        };
    }

    private boolean allStars(int start, int end) {
        for (int i = start; i < end; i++) {
            if (record[i] != '*') {
                return false;
            }
        }
        return true;
    }

    private String ascii(int start, int end) {
        return new String(record, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private static Object number(Field f, String s) {
        if (f.decimals() == 0) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException notAnInteger) {
                // fall through: may be a decimal or a number too large for a long
            }
        }
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        throw new IllegalArgumentException("not a number: '" + s + "'");
    }

    private static Object typedNumber(Field f, String s) {
        if (type(f) == SourceField.Type.INTEGER) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer: '" + s + "'");
            }
        }
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        throw new IllegalArgumentException("not a number: '" + s + "'");
    }

    private static Boolean logical(String s) {
        return switch (s.charAt(0)) {
            case 'T', 't', 'Y', 'y' -> Boolean.TRUE;
            case 'F', 'f', 'N', 'n' -> Boolean.FALSE;
            case '?' -> null;
            default -> throw new IllegalArgumentException("not a logical value: '" + s + "'");
        };
    }

    private static LocalDate date(String s) {
        if (s.equals("00000000")) {
            return null;
        }
        if (s.length() != 8 || !s.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a date (YYYYMMDD): '" + s + "'");
        }
        return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                Integer.parseInt(s.substring(6, 8)));
    }
}
