package org.gamebackend.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gamebackend.GameBackendApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A whole server started the way {@code java -jar} starts it (command-line arguments), for mode and restart tests. */
public final class RunningServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final WebTestClient web;

    private RunningServer(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.web = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Starts on a free port with the shared binaries directory; {@code args} are {@code name=value} settings. */
    public static RunningServer start(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--game.embedded-postgres.work-dir=target/pg-bin",
                "--game.embedded-postgres.port=0"));
        for (String arg : args) {
            all.add("--" + arg);
        }
        return new RunningServer(
                new SpringApplicationBuilder(GameBackendApplication.class).run(all.toArray(String[]::new)));
    }

    public WebTestClient web() {
        return web;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
