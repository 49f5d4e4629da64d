package org.gamebackend.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.SerializableString;
import tools.jackson.databind.util.RawValue;

/**
 * JSON already encoded as UTF-8, written into a larger document as it is. The engine encodes a patch's state once and
 * puts it into every frame with this, copying bytes instead of decoding them to a {@code String} and encoding the
 * characters again (a UTF-8 generator asks for {@link #appendUnquotedUTF8}). A game whose view writes its own JSON
 * (see docs/writing-a-game.md, "A view written often") hands its bytes to {@link
 * tools.jackson.core.JsonGenerator#writeRawValue(SerializableString)} through this. Only the raw forms are
 * meaningful: this is never a JSON string value.
 */
public final class RawJson implements SerializableString {

    private final byte[] utf8;
    private final int length;
    private @Nullable String text;

    private RawJson(byte[] utf8, int length) {
        if (length < 0 || length > utf8.length) {
            throw new IllegalArgumentException("length " + length + " outside 0.." + utf8.length);
        }
        this.utf8 = utf8;
        this.length = length;
    }

    /**
     * The first {@code length} bytes of {@code utf8}, not copied: the caller must not change them until they are
     * written.
     */
    public static RawJson of(byte[] utf8, int length) {
        return new RawJson(utf8, length);
    }

    /** A value that serializes as the given JSON (not copied: the caller must not change it afterwards). */
    public static RawValue value(byte[] utf8) {
        return new RawValue(new RawJson(utf8, utf8.length));
    }

    @Override
    public String getValue() {
        String s = text;
        if (s == null) {
            s = new String(utf8, 0, length, StandardCharsets.UTF_8);
            text = s;
        }
        return s;
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
        throw new UnsupportedOperationException("raw JSON is never written as a string value");
    }

    @Override
    public byte[] asUnquotedUTF8() {
        // the whole array as Jackson's own SerializedString does (callers only read it), or a copy of its part
        return length == utf8.length ? utf8 : Arrays.copyOf(utf8, length);
    }

    @Override
    public byte[] asQuotedUTF8() {
        throw new UnsupportedOperationException("raw JSON is never written as a string value");
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        throw new UnsupportedOperationException("raw JSON is never written as a string value");
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        throw new UnsupportedOperationException("raw JSON is never written as a string value");
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + length > buffer.length) {
            return -1; // the generator then writes asUnquotedUTF8() through its own buffering
        }
        System.arraycopy(utf8, 0, buffer, offset, length);
        return length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        String s = getValue();
        if (offset + s.length() > buffer.length) {
            return -1;
        }
        s.getChars(0, s.length(), buffer, offset);
        return s.length();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
        throw new UnsupportedOperationException("raw JSON is never written as a string value");
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8, 0, length);
        return length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        throw new UnsupportedOperationException("raw JSON is never written as a string value");
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (buffer.remaining() < length) {
            return -1;
        }
        buffer.put(utf8, 0, length);
        return length;
    }

    @Override
    public String toString() {
        return getValue();
    }
}
