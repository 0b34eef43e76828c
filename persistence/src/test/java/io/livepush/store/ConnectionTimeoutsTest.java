package io.livepush.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionTimeoutsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:mariadb://db:3306/livepush|jdbc:mariadb://db:3306/livepush?connectTimeout=5000&socketTimeout=10000",
        "jdbc:mariadb://db/lp?user=lp|jdbc:mariadb://db/lp?user=lp&connectTimeout=5000&socketTimeout=10000",
        "jdbc:mariadb://db/lp?|jdbc:mariadb://db/lp?connectTimeout=5000&socketTimeout=10000",
        "jdbc:mariadb://db/lp?socketTimeout=2000|jdbc:mariadb://db/lp?socketTimeout=2000&connectTimeout=5000",
        "jdbc:mariadb://db/lp?CONNECTTIMEOUT=1&sockettimeout=0|jdbc:mariadb://db/lp?CONNECTTIMEOUT=1&sockettimeout=0",
    })
    void optionsTheUrlLacksAreAddedAndItsOwnWin(String given, String expected) {
        assertThat(ConnectionTimeouts.applyTo(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:mariadb://db/lp?xsocketTimeout=1|jdbc:mariadb://db/lp?xsocketTimeout=1&connectTimeout=5000"
                + "&socketTimeout=10000",
    })
    void onlyWholeOptionNamesCount(String given, String expected) {
        assertThat(ConnectionTimeouts.applyTo(given)).isEqualTo(expected);
    }
}
