package org.gamebackend.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.idl.SchemaPrinter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gamebackend.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Writes the whole schema, as the server assembled it from every module's {@code .graphqls} file, into {@code
 * docs/schema.graphqls}: types and fields sorted by name, so the file only changes when the schema does.
 */
@ApiTest
class GraphQlSchemaDocTests {

    @Autowired
    GraphQlSource source;

    @Test
    void writesTheSchemaIntoDocs() throws Exception {
        String printed = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                        .includeDirectives(false)
                        .includeScalarTypes(true)
                        .includeSchemaDefinition(false)
                        .includeIntrospectionTypes(false))
                .print(source.schema());
        String header = "# The GraphQL schema of game-backend, written by the build (GraphQlSchemaDocTests) from\n"
                + "# server/src/main/resources/graphql/*.graphqls. docs/graphql.md explains it. Do not edit.\n\n";
        Files.writeString(Path.of("../docs/schema.graphqls"), header + printed.strip() + "\n", StandardCharsets.UTF_8);

        assertThat(printed)
                .contains("type Query {", "type Mutation {", "type Subscription {")
                .contains("leaderboard(after: String, first: Int, mode: String!, region: String, season: Int)")
                .contains("matchFound: MatchFound!", "leaderboardChanged(mode: String!, top: Int)")
                .contains("scalar JSON");
    }
}
