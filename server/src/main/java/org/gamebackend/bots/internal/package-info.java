/** The bot roster (which policy plays which seat), the local adapter, metrics and the remote gRPC client. */
@org.jspecify.annotations.NullMarked
package org.gamebackend.bots.internal;
