package org.gamebackend.engine.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.SerializableString;
import tools.jackson.databind.util.RawValue;

/**
 * JSON already encoded as UTF-8, written into a larger document as it is. A patch's state is encoded once per patch;
 * with this the frame around it copies those bytes instead of decoding them to a {@code String} and encoding the
 * characters again (a UTF-8 generator asks for {@link #appendUnquotedUTF8}). Only the raw forms are meaningful: this
 * is never a JSON string value.
 */
final class RawJson implements SerializableString {

    private final byte[] utf8;
    private @Nullable String text;

    private RawJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** A value that serializes as the given JSON (not copied: the caller must not change it afterwards). */
    static RawValue of(byte[] utf8) {
        return new RawValue(new RawJson(utf8));
    }

    @Override
    public String getValue() {
        String s = text;
        if (s == null) {
            s = new String(utf8, StandardCharsets.UTF_8);
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
        return utf8; // as Jackson's own SerializedString does: callers only read it
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
        if (offset + utf8.length > buffer.length) {
            return -1; // the generator then writes asUnquotedUTF8() through its own buffering
        }
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
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
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        throw new UnsupportedOperationException("raw JSON is never written as a string value");
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (buffer.remaining() < utf8.length) {
            return -1;
        }
        buffer.put(utf8);
        return utf8.length;
    }

    @Override
    public String toString() {
        return getValue();
    }
}
