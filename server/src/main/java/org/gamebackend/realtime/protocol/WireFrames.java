package org.gamebackend.realtime.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Complete WebSocket frames (RFC 6455 header + payload, unmasked as a server sends them) built once per message, so a
 * broadcast hands every subscriber a duplicate of the same direct buffer and nothing is copied or re-framed per
 * socket. Netty's frame encoder lets a plain {@link ByteBuf} pass through untouched.
 */
public final class WireFrames {

    private static final int FIN = 0x80;
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;

    private WireFrames() {}

    public static ByteBuf frame(ByteBufAllocator alloc, Encoded message) {
        byte[] payload = message.bytes();
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuf frame = alloc.directBuffer(header + length);
        frame.writeByte(FIN | (message.binary() ? BINARY : TEXT));
        if (length < 126) {
            frame.writeByte(length);
        } else if (length <= 0xFFFF) {
            frame.writeByte(126);
            frame.writeShort(length);
        } else {
            frame.writeByte(127);
            frame.writeLong(length);
        }
        frame.writeBytes(payload);
        return frame;
    }
}
