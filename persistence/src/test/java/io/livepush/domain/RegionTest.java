package io.livepush.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            NORTH_AMERICA | north-america | North-America
            ASIA_PACIFIC  | asia-pacific  | Asia-Pacific
            EUROPE        | europe        | Europe
            """)
    void regionHasTheSpecApiValueAndDisplayName(Region region, String apiValue, String displayName) {
        assertThat(region.apiValue()).isEqualTo(apiValue);
        assertThat(region.displayName()).isEqualTo(displayName);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            north-america | NORTH_AMERICA
            North-America | NORTH_AMERICA
            NORTH-AMERICA | NORTH_AMERICA
            north-America | NORTH_AMERICA
            asia-pacific  | ASIA_PACIFIC
            Asia-Pacific  | ASIA_PACIFIC
            ASIA-PACIFIC  | ASIA_PACIFIC
            europe        | EUROPE
            Europe        | EUROPE
            EUROPE        | EUROPE
            eUrOpE        | EUROPE
            """)
    void apiValueOrDisplayNameParsesIgnoringCase(String text, Region region) {
        assertThat(Region.parse(text)).isEqualTo(region);
        assertThat(Region.tryParse(text)).contains(region);
    }

    @ParameterizedTest
    @EnumSource(Region.class)
    void everyRegionParsesFromItsOwnApiValueAndDisplayName(Region region) {
        assertThat(Region.parse(region.apiValue())).isEqualTo(region);
        assertThat(Region.parse(region.displayName())).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        " ",
        "north america",
        "northamerica",
        "NORTH_AMERICA",
        "north-america ",
        " europe",
        "eu",
        "us",
        "apac",
        "asia",
        "africa",
        "europ",
        "europe-west",
        "Europ\u00e9",
        "europe\u0000",
    })
    void unknownRegionIsRejectedQuotingTheInput(String text) {
        assertThat(Region.tryParse(text)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Region.parse(text))
                .withMessageStartingWith("'" + text.replace('\u0000', '?') + "' is not a region")
                .withMessageEndingWith("use one of [north-america, asia-pacific, europe]");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingRegionIsRejected(String text) {
        assertThat(Region.tryParse(text)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Region.parse(text))
                .withMessage("'' is not a region; use one of [north-america, asia-pacific, europe]");
    }

    @Test
    void thereAreExactlyThreeRegions() {
        assertThat(Region.values()).containsExactly(Region.NORTH_AMERICA, Region.ASIA_PACIFIC, Region.EUROPE);
    }
}
