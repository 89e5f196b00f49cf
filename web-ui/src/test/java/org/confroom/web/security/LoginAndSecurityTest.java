package org.confroom.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.confroom.conference.audit.AuditEvent;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@QuarkusTest
@TestProfile(WebTestProfile.class)
class LoginAndSecurityTest {
    @Inject
    UserService users;

    @Inject
    ApiTokenService tokens;

    @Test
    void pagesNeedALoginAndTheApiAnswers401() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", containsString("/login"));
        given().redirects().follow(false).get("/api/rooms").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/login").then().statusCode(200).body(containsString("j_security_check"));
        given().get("/q/health").then().statusCode(200);
    }

    @Test
    void securityHeadersAndCspOnEveryPage() {
        given().get("/login").then().header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff")).header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() {
        users.create("login-wrong", "a-good-password-1", Role.VIEWER, "test");
        given().redirects().follow(false).formParam("j_username", "login-wrong").formParam("j_password", "nope-nope-nope")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("/login?error"));
        assertThat(refusals("login-wrong")).isGreaterThanOrEqualTo(1);
        assertThat(WebSession.login("login-wrong", "a-good-password-1").username()).isEqualTo("login-wrong");
    }

    @Test
    void fiveFailuresBlockEvenTheRightPassword() {
        users.create("login-throttled", "a-good-password-2", Role.VIEWER, "test");
        for (int i = 0; i < 5; i++) {
            given().redirects().follow(false).formParam("j_username", "login-throttled").formParam("j_password", "wrong-" + i)
                    .post("/j_security_check").then().header("Location", containsString("error"));
        }
        given().redirects().follow(false).formParam("j_username", "login-throttled").formParam("j_password", "a-good-password-2")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("/login?error"));
    }

    @Test
    void disabledUserIsOutAtTheNextRequest() {
        AppUser u = users.create("login-disabled", "a-good-password-3", Role.OPERATOR, "test");
        WebSession s = WebSession.login("login-disabled", "a-good-password-3");
        s.request().get("/").then().statusCode(200);
        users.setEnabled(u.id, false, "test");
        s.request().get("/").then().statusCode(302);
    }

    @Test
    void stateChangesWithoutCsrfTokenAreRefused() {
        WebSession s = WebSession.as(Role.OPERATOR);
        // no token anywhere: refused before any resource runs
        s.withoutCsrf().contentType("application/json").body("{}").post("/api/rooms").then().statusCode(403);
        // a wrong token in the header or the form: refused by the CSRF filter
        s.withoutCsrf().header("X-CSRF-TOKEN", "AAAAAAAAAAAAAAAAAAAAAA").post("/login/out").then().statusCode(400);
        s.withoutCsrf().formParam("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA").post("/login/out").then().statusCode(400);
        // with the token the logout goes through
        s.withoutCsrf().formParam("csrf-token", s.csrfToken()).post("/login/out").then().statusCode(303);
    }

    @Test
    void passwordRulesAreClear() {
        assertThatThrownBy(() -> users.create("short-pw", "short", Role.VIEWER, "t")).hasMessageContaining("password: at least 10 characters");
        assertThatThrownBy(() -> users.create("Bad Name", "long-enough-pw", Role.VIEWER, "t")).hasMessageContaining("username:");
        assertThatThrownBy(() -> users.create("long-pw", "x".repeat(73), Role.VIEWER, "t")).hasMessageContaining("72 bytes");
    }

    @Test
    void apiTokenAuthenticatesWithItsRoleUntilRevoked() {
        ApiTokenService.Created created = tokens.create("ci-script", Role.VIEWER, "test");
        assertThat(created.secret()).startsWith("cr_");
        given().header("Authorization", "Bearer " + created.secret()).get("/q/openapi").then().statusCode(200);
        given().header("Authorization", "Bearer cr_unknown").redirects().follow(false).get("/api/rooms").then().statusCode(401);
        tokens.revoke(created.token().id, "test");
        given().header("Authorization", "Bearer " + created.secret()).redirects().follow(false).get("/api/rooms").then()
                .statusCode(401);
    }

    @Transactional
    long refusals(String actor) {
        return AuditEvent.count("actor = ?1 and action = 'login' and outcome = ?2", actor, AuditEvent.Outcome.REFUSED);
    }
}
