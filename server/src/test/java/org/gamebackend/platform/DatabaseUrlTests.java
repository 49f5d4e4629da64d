package org.gamebackend.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DatabaseUrlTests {

    @Test
    void ectoFormOfTheOriginalDesign() {
        DatabaseUrl url = DatabaseUrl.parse("ecto://game:s3cr%40t@db.internal/game_prod");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/game_prod");
        assertThat(url.username()).isEqualTo("game");
        assertThat(url.password()).isEqualTo("s3cr@t");
        assertThat(url.toString()).doesNotContain("s3cr");
    }

    @Test
    void postgresAndPostgresqlSchemesKeepPortAndQuery() {
        assertThat(DatabaseUrl.parse("postgres://u:p@h:6543/d?sslmode=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:6543/d?sslmode=require");
        DatabaseUrl noPassword = DatabaseUrl.parse("postgresql://u@localhost/app");
        assertThat(noPassword.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app");
        assertThat(noPassword.password()).isNull();
    }

    @Test
    void jdbcUrlsPassThrough() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:1/d").jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/d");
    }

    @Test
    void otherSchemesAndGarbageAreRefusedWithAClearMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse("mysql://h/d"))
                .withMessageContaining("postgres://");
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgres:///nohost"));
    }
}
