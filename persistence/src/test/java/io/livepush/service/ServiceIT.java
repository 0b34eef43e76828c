package io.livepush.service;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the service ITs: one {@link ServiceFixture} (a fresh schema) per test class, dropped afterwards. */
abstract class ServiceIT {

    static ServiceFixture fx;

    @BeforeAll
    static void openFixture() {
        fx = new ServiceFixture();
    }

    @AfterAll
    static void closeFixture() {
        fx.close();
    }
}
