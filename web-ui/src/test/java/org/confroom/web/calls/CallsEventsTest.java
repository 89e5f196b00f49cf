package org.confroom.web.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.confroom.web.security.Role;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

@QuarkusTest
@TestProfile(WebTestProfile.class)
class CallsEventsTest extends SimCallsTest {
    @Test
    void aNewCallIsPushedToTheOpenPage() throws Exception {
        WebSession.as(Role.VIEWER); // creates the user
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://localhost:" + RestAssured.port;
        String form = "j_username=test-viewer&j_password=" + URLEncoder.encode(WebSession.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(302);

        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/events/calls"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String a = pbx.twoPartyCall("1091", "2091", "Pushed Paula");
            CompletableFuture<String> pushed = CompletableFuture.supplyAsync(() -> {
                String event = null;
                try {
                    for (String line; (line = in.readLine()) != null;) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6).strip();
                        } else if ("calls".equals(event) && line.startsWith("data:") && line.contains(a)) {
                            return line;
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
            assertThat(pushed.get(15, TimeUnit.SECONDS)).contains("Pushed Paula").doesNotContain("Merge into room");
            pbx.hangup(a);
        }
    }
}
