package io.livepush.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeftoverServerTest {

    static Stream<Arguments> commandLines() {
        return Stream.of(
                Arguments.of(List.of("mariadbd", "--datadir=/srv/lp/mariadb/data", "--port=1"), true),
                Arguments.of(List.of("mariadbd", "--datadir=/srv/lp/mariadb/data/", "--port=1"), true),
                Arguments.of(List.of("mariadbd", "--datadir=/srv/lp/mariadb/./data"), true),
                Arguments.of(List.of("mariadbd", "--datadir=/srv/other/mariadb/data"), false),
                Arguments.of(List.of("mariadbd", "--datadir=/srv/lp/mariadb/data2"), false),
                Arguments.of(List.of("mariadbd", "--tmpdir=/srv/lp/mariadb/data"), false),
                Arguments.of(List.of("sleep", "1000"), false),
                Arguments.of(List.of(), false));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void aServerIsOursOnlyWhenItsDatadirIsOurs(List<String> arguments, boolean ours) {
        assertThat(LeftoverServer.servesDataDir(arguments, Path.of("/srv/lp/mariadb/data"))).isEqualTo(ours);
    }
}
