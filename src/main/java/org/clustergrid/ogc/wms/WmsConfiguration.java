package org.clustergrid.ogc.wms;

import org.clustergrid.render.StyleRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The style registry as a bean, so other packages (e.g. scoring) can register their styles by name. */
@Configuration
class WmsConfiguration {
    @Bean
    StyleRegistry styleRegistry() {
        return StyleRegistry.withDefaults();
    }
}
