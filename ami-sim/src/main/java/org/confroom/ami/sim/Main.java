package org.confroom.ami.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Command line: {@code ami-sim [--port 5038] [--http-port 8088] [--users FILE] [--time-scale 1.0]}. */
public final class Main {
    private Main() {
    }

    /**
     * Starts a simulator and runs until the process is stopped.
     *
     * @param args command-line options
     * @throws IOException if the users file cannot be read
     * @throws InterruptedException when interrupted while running
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        SimConfig.Builder b = SimConfig.builder();
        SimTiming timing = SimTiming.recorded();
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            if (opt.equals("-h") || opt.equals("--help")) {
                System.out.println("usage: ami-sim [--port 5038] [--http-port 8088] [--users manager.conf] [--time-scale 1.0]");
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + opt + " needs a value");
            }
            String value = args[++i];
            switch (opt) {
                case "--port": b.port(Integer.parseInt(value)); break;
                case "--http-port": b.httpPort(Integer.parseInt(value)); break;
                case "--users": b.usersFile(Path.of(value)); break;
                case "--time-scale": timing = timing.withScale(Double.parseDouble(value)); break;
                default: throw new IllegalArgumentException("unknown option " + opt + " (try --help)");
            }
        }
        AmiSimulator sim = AmiSimulator.start(b.timing(timing).build());
        System.out.println("ami-sim: AMI on 127.0.0.1:" + sim.port()
                + (sim.httpPort() >= 0 ? ", HTTP /rawman on 127.0.0.1:" + sim.httpPort() : ""));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }));
        stop.await();
    }
}
