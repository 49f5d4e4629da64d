package org.gamebackend.accounts.internal;

import org.gamebackend.platform.PublicEndpoints;
import org.gamebackend.platform.cache.CacheSpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    CacheSpec profilesCache() {
        return AccountService.profilesCache();
    }

    @Bean
    LoginThrottle loginThrottle(AccountsProperties props) {
        return new LoginThrottle(props);
    }
}
