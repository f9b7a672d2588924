package org.clustergrid.ingest.shapefile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes DBF strings. A {@code .cpg} file is authoritative. Without one, each value is tried as UTF-8 (what most
 * shapefiles hold nowadays, whatever their header says) and decoded with the code page of the DBF language driver byte
 * (LDID) when it is not valid UTF-8, ISO-8859-1 when the LDID names none.
 */
final class TextDecoder {
    /** The commonest dBase language driver ids and their code pages. */
    private static final Map<Integer, String> LDID_CHARSETS = Map.ofEntries(
            Map.entry(0x01, "IBM437"), Map.entry(0x02, "IBM850"), Map.entry(0x03, "windows-1252"),
            Map.entry(0x13, "Shift_JIS"), Map.entry(0x4D, "GBK"), Map.entry(0x4E, "x-windows-949"),
            Map.entry(0x4F, "Big5"), Map.entry(0x57, "windows-1252"), Map.entry(0x64, "IBM852"),
            Map.entry(0x65, "IBM866"), Map.entry(0x7A, "GBK"), Map.entry(0x7B, "Shift_JIS"),
            Map.entry(0x7D, "windows-1255"), Map.entry(0x7E, "windows-1256"), Map.entry(0xC8, "windows-1250"),
            Map.entry(0xC9, "windows-1251"), Map.entry(0xCA, "windows-1254"), Map.entry(0xCB, "windows-1253"),
            Map.entry(0xCC, "windows-1257"));

    private final Charset fixed; // from the .cpg; null: UTF-8 with fallback
    private final Charset fallback;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final String problem;

    private TextDecoder(Charset fixed, Charset fallback, String problem) {
        this.fixed = fixed;
        this.fallback = fallback;
        this.problem = problem;
    }

    static TextDecoder of(String cpg, int ldid) {
        Charset fallback = forName(LDID_CHARSETS.get(ldid));
        if (fallback == null) {
            fallback = StandardCharsets.ISO_8859_1;
        }
        if (cpg == null || cpg.isBlank()) {
            return new TextDecoder(null, fallback, null);
        }
        Charset c = fromCpg(cpg.strip());
        return c != null ? new TextDecoder(c, fallback, null)
                : new TextDecoder(null, fallback, "unknown code page '" + cpg.strip() + "' in the .cpg file");
    }

    /** Null or the reason the .cpg was ignored. */
    String problem() {
        return problem;
    }

    /** .cpg files hold a Java-style name ("UTF-8", "ISO-8859-1") or an ESRI code page number ("1252", "88591"). */
    private static Charset fromCpg(String cpg) {
        String s = cpg.toUpperCase(Locale.ROOT);
        if (s.startsWith("ANSI ")) {
            s = s.substring(5).strip();
        }
        if (s.equals("UTF8") || s.equals("65001")) {
            return StandardCharsets.UTF_8;
        }
        if (s.matches("8859\\d{1,2}")) {
            return forName("ISO-8859-" + s.substring(4));
        }
        if (s.matches("\\d+")) {
            Charset c = forName("windows-" + s);
            return c != null ? c : forName("IBM" + s);
        }
        return forName(s);
    }

    private static Charset forName(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** @param mayBeCut the value fills its field, so its last character may have been cut by the writer */
    String decode(byte[] bytes, int offset, int length, boolean mayBeCut) {
        if (fixed != null) {
            return new String(bytes, offset, length, fixed);
        }
        boolean ascii = true;
        for (int i = offset; i < offset + length && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            int usable = mayBeCut ? withoutCutSequence(bytes, offset, length) : length;
            return utf8.reset().decode(ByteBuffer.wrap(bytes, offset, usable)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, offset, length, fallback);
        }
    }

    /**
     * The length without a multi-byte UTF-8 character cut at the end: writers truncate values to the field width in
     * bytes, which can split the last character.
     */
    private static int withoutCutSequence(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int lead = end - 1;
        while (lead > offset && lead > end - 4 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        int b = bytes[lead] & 0xFF;
        int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return needed > end - lead ? lead - offset : length;
    }
}
