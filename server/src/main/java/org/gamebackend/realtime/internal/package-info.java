/** The socket endpoint, connections, channel routing, local PubSub and Presence, limits and metrics. */
@org.jspecify.annotations.NullMarked
package org.gamebackend.realtime.internal;
