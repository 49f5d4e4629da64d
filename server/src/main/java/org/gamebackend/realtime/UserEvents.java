package org.gamebackend.realtime;

import java.util.Set;

/**
 * Events a client may push on its own {@code user:<player_id>} topic, served by another module (matchmaking's {@code
 * queue} and {@code cancel}). Register as a bean; two beans claiming one event fail the start. Runs on the socket's
 * event loop like any {@link ChannelHandler} callback: answer with {@link Reply#later} for blocking work.
 */
public interface UserEvents {

    Set<String> events();

    Reply handle(ChannelContext channel, String event, Payload payload);
}
