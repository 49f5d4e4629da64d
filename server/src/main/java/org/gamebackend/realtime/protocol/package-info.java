/**
 * The Phoenix V2 wire format: JSON array frames {@code [join_ref, ref, topic, event, payload]} and the V2 binary
 * frames, decoded once at the edge into typed messages and encoded once per outgoing message.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.realtime.protocol;
