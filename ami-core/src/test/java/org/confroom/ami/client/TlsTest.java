package org.confroom.ami.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.confroom.ami.AmiConnectionException;
import org.confroom.ami.action.Ping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS transport: a self-signed certificate made with the JDK's keytool for 127.0.0.1. */
class TlsTest {
    private static final char[] PASS = "changeit".toCharArray();
    private static KeyStore keyStore;

    @BeforeAll
    static void makeCertificate(@TempDir Path dir) throws Exception {
        Path p12 = dir.resolve("ami.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process proc = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "ami", "-keyalg", "EC",
                "-dname", "CN=asterisk.example", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", p12.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes());
        assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(proc.exitValue()).as(out).isZero();
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            keyStore.load(in, PASS);
        }
    }

    private static SSLContext serverContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASS);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static SSLContext trustingClientContext() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keyStore);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void logsInAndPingsOverTls() throws Exception {
        try (FakeAmiServer server = new FakeAmiServer(serverContext());
             TcpAmiClient c = new TcpAmiClient(server.config().tls(trustingClientContext().getSocketFactory()).build())) {
            c.connect().get(10, TimeUnit.SECONDS);
            assertThat(c.send(new Ping()).get(5, TimeUnit.SECONDS).message().text("Ping")).isEqualTo("Pong");
        }
    }

    @Test
    void untrustedCertificateIsRefused() throws Exception {
        try (FakeAmiServer server = new FakeAmiServer(serverContext());
             TcpAmiClient c = new TcpAmiClient(server.config().tls(true).reconnect(false).build())) {
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> c.connect().get(10, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(AmiConnectionException.class).hasMessageContaining("failed");
        }
    }

    @Test
    void certificateForAnotherHostIsRefused() throws Exception {
        try (FakeAmiServer server = new FakeAmiServer(serverContext());
             TcpAmiClient c = new TcpAmiClient(AmiClientConfig.builder("localhost", server.port())
                     .credentials("admin", "admin-secret").reconnect(false)
                     .tls(trustingClientContext().getSocketFactory()).build())) {
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> c.connect().get(10, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(AmiConnectionException.class);
        }
    }
}
