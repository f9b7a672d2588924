package org.clustergrid.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the ClusterGrid server. */
@SpringBootApplication
public class ClusterGridApplication {
    public static void main(String[] args) {
        SpringApplication.run(ClusterGridApplication.class, args);
    }
}
