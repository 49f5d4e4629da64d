package org.gamebackend.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** REST plumbing shared by every module: problem+json errors and the request body limit. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    Problems problems(JsonMapper json) {
        return new Problems(json);
    }

    @Bean
    ProblemExceptionHandler problemExceptionHandler(
            Problems problems, @Value("${spring.http.codecs.max-in-memory-size:64KB}") DataSize maxBody) {
        return new ProblemExceptionHandler(problems, maxBody.toBytes());
    }
}
