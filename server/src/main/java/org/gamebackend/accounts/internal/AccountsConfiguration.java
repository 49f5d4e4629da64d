package org.gamebackend.accounts.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.gamebackend.platform.GameProperties;
import org.gamebackend.platform.PublicEndpoints;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Wiring of the accounts module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountsProperties.class)
class AccountsConfiguration {

    @Bean
    PublicEndpoints accountsPublicEndpoints() {
        return PublicEndpoints.of(
                "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/guest", "/api/v1/auth/refresh");
    }

    @Bean(destroyMethod = "close")
    PasswordHasher passwordHasher(AccountsProperties props) {
        return new PasswordHasher(props.bcryptStrength());
    }

    @Bean
    LoginThrottle loginThrottle(AccountsProperties props) {
        return new LoginThrottle(props);
    }

    @Bean
    AccountService accountService(
            PlayerRepository players,
            RefreshTokens refreshTokens,
            TokenIssuer tokens,
            PasswordHasher hasher,
            LoginThrottle throttle,
            AccountsProperties props,
            GameProperties game,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            Clock clock) {
        return new AccountService(
                players, refreshTokens, tokens, hasher, throttle, props, game, tx, events, meters, clock);
    }
}
