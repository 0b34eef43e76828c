package io.livepush.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlowCheckLimitTest {

    @Test
    void checksRunAtMostAsManyAtOnceAsAllowedAndAllAreAnswered() throws Exception {
        SlowCheckLimit limit = new SlowCheckLimit(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int index = i;
                answers.add(threads.submit(() -> {
                    start.await();
                    return limit.run(() -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        sleep(20);
                        running.decrementAndGet();
                        return index;
                    });
                }));
            }
            start.countDown();
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(most.get()).isBetween(2, 3);
    }

    @Test
    void aCheckThatThrowsGivesItsTurnBack() {
        SlowCheckLimit limit = new SlowCheckLimit(1);

        assertThatThrownBy(() -> limit.run(() -> {
            throw new IllegalStateException("database down");
        })).hasMessage("database down");

        assertThat(limit.run(() -> "next")).isEqualTo("next");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new SlowCheckLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SlowCheckLimit.perCpu().run(() -> 1)).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
