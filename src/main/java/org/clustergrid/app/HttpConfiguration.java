package org.clustergrid.app;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the data-version validators for read endpoints and the public address of links. */
@Configuration
class HttpConfiguration implements WebMvcConfigurer {
    private final DataStateCache states;

    HttpConfiguration(DataStateCache states) {
        this.states = states;
    }

    /** Ahead of every other filter (security's too), so redirects and links use the public address. */
    @Bean
    FilterRegistrationBean<PublicUrl> publicUrl(@Value("${clustergrid.public-url:}") String publicUrl,
            @Value("${clustergrid.trust-forwarded-headers:false}") boolean trustForwarded) {
        FilterRegistrationBean<PublicUrl> b = new FilterRegistrationBean<>(new PublicUrl(publicUrl, trustForwarded));
        b.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return b;
    }

    /** After security's filters (order -100), so that reading it still needs what any read needs. */
    @Bean
    FilterRegistrationBean<DirectErrorPage> directErrorPage() {
        FilterRegistrationBean<DirectErrorPage> b = new FilterRegistrationBean<>(new DirectErrorPage());
        b.setOrder(0);
        return b;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConditionalReads(states));
    }
}
