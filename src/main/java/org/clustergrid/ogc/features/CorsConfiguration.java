package org.clustergrid.ogc.features;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The API is public and read-only, so web maps on any origin may read it (OGC API recommends CORS). */
@Configuration
class CorsConfiguration implements WebMvcConfigurer {
    private final String path;

    CorsConfiguration(@Value(FeaturesPath.MAPPING) String path) {
        this.path = path;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping(path + "/**").allowedOrigins("*").allowedMethods("GET", "HEAD").exposedHeaders("Link");
        registry.addMapping(path).allowedOrigins("*").allowedMethods("GET", "HEAD");
    }
}
