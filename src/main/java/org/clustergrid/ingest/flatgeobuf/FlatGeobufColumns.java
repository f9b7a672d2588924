package org.clustergrid.ingest.flatgeobuf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.SourceField;
import org.clustergrid.ingest.SourceField.Type;
import org.clustergrid.ingest.SourceValues;
import org.wololo.flatgeobuf.generated.ColumnType;

/**
 * The columns a FlatGeobuf header declares, and the decoding of a feature's properties buffer: pairs of a column
 * index (uint16) and a little-endian value, strings and binaries prefixed by their byte length (uint32).
 */
final class FlatGeobufColumns {
    private final List<String> names;
    private final int[] types;
    private final int maxCharacters;

    FlatGeobufColumns(List<String> names, int[] types, int maxCharacters) {
        this.names = names;
        this.types = types;
        this.maxCharacters = maxCharacters;
    }

    /** The source type of a column type; null for Binary, which is not read. */
    static Type type(int columnType) {
        return switch (columnType) {
            case ColumnType.Byte, ColumnType.UByte, ColumnType.Short, ColumnType.UShort, ColumnType.Int,
                    ColumnType.UInt, ColumnType.Long, ColumnType.ULong -> Type.INTEGER;
            case ColumnType.Float, ColumnType.Double -> Type.DOUBLE;
            case ColumnType.Bool -> Type.BOOLEAN;
            case ColumnType.String, ColumnType.Json -> Type.TEXT;
            case ColumnType.DateTime -> Type.DATETIME;
            default -> null;
        };
    }

    List<SourceField> fields() {
        List<SourceField> out = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (type(types[i]) != null) {
                out.add(new SourceField(names.get(i), type(types[i])));
            }
        }
        return out;
    }

    /** A property that cannot be read; names its column when known. */
    static final class Invalid extends Exception {
        final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** The feature's attributes: every declared field, null where the feature has no value. */
    Map<String, Object> read(ByteBuffer properties) throws Invalid {
        Map<String, Object> out = new LinkedHashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            if (type(types[i]) != null) {
                out.put(names.get(i), null);
            }
        }
        if (properties == null) {
            return out;
        }
        ByteBuffer b = properties.slice().order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() > 0) {
            if (b.remaining() < 2) {
                throw new Invalid(null, "corrupt properties: truncated column index");
            }
            int column = Short.toUnsignedInt(b.getShort());
            if (column >= names.size()) {
                throw new Invalid(null, "corrupt properties: column " + column + " of " + names.size());
            }
            String name = names.get(column);
            try {
                Object value = value(b, types[column], name);
                if (type(types[column]) != null) {
                    out.put(name, value);
                }
            } catch (java.nio.BufferUnderflowException e) {
                throw new Invalid(name, "corrupt properties: value runs past the end of the feature");
            }
        }
        return out;
    }

    private Object value(ByteBuffer b, int type, String name) throws Invalid {
        return switch (type) {
            case ColumnType.Byte -> (long) b.get();
            case ColumnType.UByte -> (long) Byte.toUnsignedInt(b.get());
            case ColumnType.Bool -> b.get() != 0;
            case ColumnType.Short -> (long) b.getShort();
            case ColumnType.UShort -> (long) Short.toUnsignedInt(b.getShort());
            case ColumnType.Int -> (long) b.getInt();
            case ColumnType.UInt -> Integer.toUnsignedLong(b.getInt());
            case ColumnType.Long -> b.getLong();
            case ColumnType.ULong -> {
                long v = b.getLong();
                if (v < 0) {
                    throw new Invalid(name, "unsigned value " + Long.toUnsignedString(v) + " is too large");
                }
                yield v;
            }
            case ColumnType.Float -> (double) b.getFloat();
            case ColumnType.Double -> b.getDouble();
            case ColumnType.String, ColumnType.Json, ColumnType.DateTime, ColumnType.Binary -> {
                long length = Integer.toUnsignedLong(b.getInt());
                if (length > b.remaining()) {
                    throw new Invalid(name, "corrupt properties: value of " + length + " bytes runs past the end");
                }
                if (type == ColumnType.Binary) {
                    b.position(b.position() + (int) length);
                    yield null;
                }
                if (length > 4L * maxCharacters) {
                    throw new Invalid(name, "text of " + length + " bytes, more than the limit of " + maxCharacters
                            + " characters (clustergrid.limits.import.line-characters)");
                }
                byte[] bytes = new byte[(int) length];
                b.get(bytes);
                String s = new String(bytes, StandardCharsets.UTF_8);
                if (s.length() > maxCharacters) {
                    throw new Invalid(name, "text of " + s.length() + " characters, more than the limit of "
                            + maxCharacters + " (clustergrid.limits.import.line-characters)");
                }
                try {
                    yield type == ColumnType.DateTime ? SourceValues.dateTime(s) : s;
                } catch (IllegalArgumentException e) {
                    throw new Invalid(name, e.getMessage());
                }
            }
            default -> throw new Invalid(name, "unknown column type " + type);
        };
    }
}
