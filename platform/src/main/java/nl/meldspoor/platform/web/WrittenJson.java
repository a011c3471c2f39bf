package nl.meldspoor.platform.web;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON that was written already, as its UTF-8 bytes: put into an answer as a {@link RawValue}, Jackson's byte generator
 * copies the bytes, where a raw {@code String} is encoded character by character again (a long case's timeline is close
 * to a megabyte). The quoted forms — this as a JSON string — are derived on demand; nothing here writes them.
 */
public final class WrittenJson implements SerializableString {

    private final byte[] utf8;
    private volatile String text;

    private WrittenJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** @param utf8 complete JSON as UTF-8; not copied, so it must not change afterwards */
    public static RawValue of(byte[] utf8) {
        return new RawValue(new WrittenJson(utf8));
    }

    /** Whether the written JSON contains the ASCII text anywhere. */
    public static boolean contains(byte[] utf8, String ascii) {
        // read as Latin-1, a byte is a character: a plain copy, and the JDK's string search (vectorised) over it; the
        // bytes of UTF-8's multi-byte characters are all above 127, so an ASCII text matches exactly where it is
        return new String(utf8, StandardCharsets.ISO_8859_1).contains(ascii);
    }

    @Override
    public String getValue() {
        String value = text;
        if (value == null) {
            value = new String(utf8, StandardCharsets.UTF_8);
            text = value;
        }
        return value;
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    // the bytes themselves, as Jackson's own SerializedString gives its cached ones: generators only read them
    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + utf8.length > buffer.length) {
            return -1;
        }
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        String value = getValue();
        if (offset + value.length() > buffer.length) {
            return -1;
        }
        value.getChars(0, value.length(), buffer, offset);
        return value.length();
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer out) {
        if (out.remaining() < utf8.length) {
            return -1;
        }
        out.put(utf8);
        return utf8.length;
    }

    @Override
    public char[] asQuotedChars() {
        return quoted().asQuotedChars();
    }

    @Override
    public byte[] asQuotedUTF8() {
        return quoted().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return quoted().appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return quoted().appendQuoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return quoted().writeQuotedUTF8(out);
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
        return quoted().putQuotedUTF8(buffer);
    }

    private SerializedString quoted() {
        return new SerializedString(getValue());
    }

    @Override
    public String toString() {
        return getValue();
    }
}
