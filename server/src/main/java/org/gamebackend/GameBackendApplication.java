package org.gamebackend;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The game backend: one Spring Boot application made of Spring Modulith modules.
 *
 * <p>With no arguments it serves. {@code migrate} applies the database migrations and exits; {@code seed} also
 * creates demo players and prints their credentials.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GameBackendApplication {

    private static final Set<String> COMMANDS = Set.of("migrate", "seed");

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(GameBackendApplication.class);
        String command = args.length > 0 && COMMANDS.contains(args[0]) ? args[0] : null;
        if (command == null) {
            app.run(args);
            return;
        }
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("game.command", command));
        // a one-shot command runs no background jobs (JobRunr's server would still be starting when the command closes
        // the connection pool under it); the engine and matchmaker do not start either (see their isAutoStartup)
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--jobrunr.background-job-server.enabled=false";
        try (ConfigurableApplicationContext context = app.run(all)) {
            System.out.println(command + ": done");
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
