package org.confroom.web;

import org.confroom.web.demo.DemoBootstrap;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged application. Before Quarkus starts, {@link DemoBootstrap} fills in
 * what is not configured: an embedded simulated Asterisk when no PBX is set, a database that needs
 * no setup when no datasource is set. Configured values are never overridden.
 */
@QuarkusMain
public class ConfroomMain {
    public static void main(String... args) {
        DemoBootstrap.prepare();
        Quarkus.run(args);
    }
}
