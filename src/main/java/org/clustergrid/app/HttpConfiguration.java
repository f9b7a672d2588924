package org.clustergrid.app;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the data-version validators for read endpoints. */
@Configuration
class HttpConfiguration implements WebMvcConfigurer {
    private final DataStateCache states;

    HttpConfiguration(DataStateCache states) {
        this.states = states;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConditionalReads(states));
    }
}
