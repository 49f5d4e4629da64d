package org.gamebackend.platform.ops;

import org.gamebackend.platform.GameProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where to go next. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final GameProperties game;

    StartupBanner(GameProperties game) {
        this.game = game;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String base = game.publicUrl().isBlank()
                ? "http://localhost:" + web.getWebServer().getPort()
                : game.publicUrl().replaceAll("/+$", "");
        String socket = base.replaceFirst("^http", "ws") + "/socket/websocket?vsn=2.0.0&token=ACCESS_TOKEN";
        String graphiql = event.getApplicationContext()
                        .getEnvironment()
                        .getProperty("spring.graphql.graphiql.enabled", Boolean.class, false)
                ? " (GraphiQL: " + base + "/graphiql)"
                : "";
        log.info("""

                ==> game-backend is ready ({} mode)
                    Swagger UI   {}/api-docs
                    OpenAPI      {}/v3/api-docs
                    GraphQL      {}/graphql{}
                    Health       {}/health
                    Metrics      {}/metrics
                    Socket       {}
                    First steps  POST {}/api/v1/auth/register {{"username","email","password"}}
                """, game.mode().profile(), base, base, base, graphiql, base, base, socket, base);
    }
}
