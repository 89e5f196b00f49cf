package org.confroom.conference.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Starts commands at the same moment on their own threads, as two operators clicking at once. */
public final class Race {
    private Race() {
    }

    /**
     * @param commands what each operator does
     * @return the failures (their causes); the commands that returned are not listed
     */
    public static List<Throwable> failures(List<Supplier<?>> commands) throws InterruptedException, TimeoutException {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<?>> running = new ArrayList<>();
        for (Supplier<?> command : commands) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return command.get();
            }));
        }
        start.countDown();
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<?> f : running) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        return failures;
    }
}
