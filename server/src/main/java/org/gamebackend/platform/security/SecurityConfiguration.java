package org.gamebackend.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gamebackend.platform.GameProperties;
import org.gamebackend.platform.JwtKeys;
import org.gamebackend.platform.PublicEndpoints;
import org.gamebackend.platform.SecurityProperties;
import org.gamebackend.platform.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/**
 * The resource server: every {@code /api/**} route needs a valid access token except the public endpoints modules
 * declare; {@code /api/v1/admin/**} needs the ADMIN role. Operations, docs and the socket (which checks its own token)
 * are open, and so is {@code /graphql}, whose fields check the caller themselves (a token that is sent must still be
 * valid). Failures are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    JwtKeys jwtKeys(SecurityProperties props, GameProperties game) {
        return JwtKeys.load(props, game);
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtKeys keys, SecurityProperties props) {
        NimbusReactiveJwtDecoder decoder = keys.decoder();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(props.jwt().issuer()),
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<>(JwtClaimNames.SUB, Objects::nonNull)));
        return decoder;
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http, List<PublicEndpoints> publicEndpoints, Problems problems) {
        String[] open =
                publicEndpoints.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> {
            exchange.getResponse()
                    .getHeaders()
                    .set(
                            HttpHeaders.WWW_AUTHENTICATE,
                            tokenSent(exchange) ? "Bearer error=\"invalid_token\"" : "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, problem(exchange, HttpStatus.UNAUTHORIZED, ex));
        };
        ServerAccessDeniedHandler forbidden = (exchange, ex) -> problems.write(
                exchange,
                HttpStatus.FORBIDDEN,
                Problems.body(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Your roles do not allow this request",
                        exchange.getRequest().getPath().value()));
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS, "/api/**")
                        .permitAll()
                        .pathMatchers(open)
                        .permitAll()
                        .pathMatchers("/api/v1/admin/**")
                        .hasRole("ADMIN")
                        .pathMatchers("/api/**")
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                .oauth2ResourceServer(oauth2 -> oauth2.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthentication()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    /** A token's {@code roles} claim as {@code ROLE_*} authorities. */
    static ReactiveJwtAuthenticationConverterAdapter jwtAuthentication() {
        var roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        var authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(authentication);
    }

    private static Map<String, Object> problem(
            org.springframework.web.server.ServerWebExchange exchange, HttpStatus status, AuthenticationException ex) {
        boolean tokenSent = tokenSent(exchange);
        String detail = tokenSent
                ? "The access token was rejected: " + ex.getMessage()
                : "This route needs an access token: send Authorization: Bearer <access_token>";
        return Problems.body(
                status,
                tokenSent ? "invalid_token" : "unauthorized",
                detail,
                exchange.getRequest().getPath().value());
    }

    private static boolean tokenSent(org.springframework.web.server.ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    }
}
