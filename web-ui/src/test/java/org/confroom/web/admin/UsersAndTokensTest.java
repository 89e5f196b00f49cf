package org.confroom.web.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.confroom.web.security.AppUser;
import org.confroom.web.security.Role;
import org.confroom.web.security.UserService;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** /users, /tokens and their APIs: admins only, every change works, the last admin stays, tokens work until revoked. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class UsersAndTokensTest {
    private static final Pattern SECRET = Pattern.compile("id=\"token-secret\" class=\"secret-value\" value=\"(cr_[^\"]+)\"");

    @Inject
    UserService users;

    @Test
    void onlyAdminsSeeAndUseUsersAndTokens() {
        WebSession operator = WebSession.as(Role.OPERATOR);
        operator.request().get("/users").then().statusCode(403);
        operator.request().get("/tokens").then().statusCode(403);
        operator.request().get("/api/users").then().statusCode(403);
        operator.request().get("/api/tokens").then().statusCode(403);
        operator.request().contentType("application/json").body(Map.of("username", "sneaky", "password", "long-enough-1", "role", "ADMIN"))
                .post("/api/users").then().statusCode(403);
        operator.request().formParam("username", "sneaky").formParam("password", "long-enough-1").formParam("role", "ADMIN")
                .post("/users").then().statusCode(403);
        operator.request().get("/").then().body(not(containsString("href=\"/users\"")));

        WebSession admin = WebSession.as(Role.ADMIN);
        admin.request().get("/users").then().statusCode(200).body(containsString("test-admin"));
        admin.request().get("/").then().body(containsString("href=\"/users\""));
    }

    @Test
    void createChangeRoleResetPasswordAndDisableOnThePage() {
        WebSession admin = WebSession.as(Role.ADMIN);
        String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
        admin.request().formParam("username", name).formParam("password", "first-password-1").formParam("role", "VIEWER")
                .post("/users").then().statusCode(303).header("Location", containsString("created=" + name));
        AppUser u = users.findByUsername(name).orElseThrow();
        assertThat(u.role).isEqualTo(Role.VIEWER);
        WebSession.login(name, "first-password-1").request().get("/users").then().statusCode(403);

        // refusals keep what was typed (but not the password)
        String refused = admin.request().formParam("username", name).formParam("password", "short").formParam("role", "OPERATOR")
                .post("/users").then().statusCode(400).extract().asString();
        assertThat(refused).contains("user-password-error").contains("value=\"" + name + "\"").doesNotContain("value=\"short\"");
        admin.request().formParam("username", name).formParam("password", "long-enough-1").formParam("role", "OPERATOR")
                .post("/users").then().statusCode(409).body(containsString("already exists"));

        admin.htmx().formParam("role", "ADMIN").post("/users/" + u.id + "/role").then().statusCode(200)
                .body(containsString("id=\"user-" + u.id + "\"")).body(not(containsString("<html")));
        assertThat(users.get(u.id).role).isEqualTo(Role.ADMIN);
        admin.htmx().formParam("password", "second-password-2").post("/users/" + u.id + "/password").then().statusCode(200);
        WebSession.login(name, "second-password-2").request().get("/users").then().statusCode(200);
        admin.htmx().formParam("password", "tiny").post("/users/" + u.id + "/password").then().statusCode(400)
                .header("HX-Retarget", "#flash").body(containsString("at least 10 characters"));

        admin.request().formParam("enabled", "false").post("/users/" + u.id + "/enabled").then().statusCode(303);
        assertThat(users.get(u.id).enabled).isFalse();
        given().redirects().follow(false).formParam("j_username", name).formParam("j_password", "second-password-2")
                .post("/j_security_check").then().header("Location", containsString("error"));
    }

    @Test
    void theApiManagesUsersAndTheNewPasswordLogsIn() {
        WebSession admin = WebSession.as(Role.ADMIN);
        String name = "api-" + UUID.randomUUID().toString().substring(0, 8);
        long id = admin.request().contentType("application/json")
                .body(Map.of("username", name, "password", "first-password-1", "role", "OPERATOR")).post("/api/users").then()
                .statusCode(201).body("role", equalTo("OPERATOR")).body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")))
                .extract().jsonPath().getLong("id");
        admin.request().contentType("application/json").body(Map.of("username", "x", "password", "first-password-1", "role", "OPERATOR"))
                .post("/api/users").then().statusCode(400).body("field", equalTo("username"));
        admin.request().contentType("application/json").body(Map.of("role", "GOD")).put("/api/users/" + id + "/role").then()
                .statusCode(400).body("field", equalTo("role"));
        admin.request().contentType("application/json").body(Map.of("role", "VIEWER")).put("/api/users/" + id + "/role").then()
                .statusCode(200).body("role", equalTo("VIEWER"));
        admin.request().contentType("application/json").body(Map.of("password", "api-new-password")).put("/api/users/" + id + "/password")
                .then().statusCode(200);
        assertThat(WebSession.login(name, "api-new-password").username()).isEqualTo(name);
        admin.request().contentType("application/json").body(Map.of("enabled", false)).put("/api/users/" + id + "/enabled").then()
                .statusCode(200).body("enabled", equalTo(false));
        assertThat(admin.request().get("/api/users").jsonPath().getList("username", String.class)).contains(name);
        admin.request().contentType("application/json").body(Map.of("role", "VIEWER")).put("/api/users/999999/role").then()
                .statusCode(404);
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDemotedNorDisabled() {
        WebSession admin = WebSession.as(Role.ADMIN);
        AppUser self = admin.user();
        List<AppUser> others = users.list().stream().filter(u -> u.role == Role.ADMIN && u.enabled && !u.id.equals(self.id)).toList();
        others.forEach(u -> users.setEnabled(u.id, false, "test"));
        try {
            admin.request().contentType("application/json").body(Map.of("role", "OPERATOR")).put("/api/users/" + self.id + "/role")
                    .then().statusCode(409).body("error", containsString("last enabled admin"));
            admin.request().contentType("application/json").body(Map.of("enabled", false)).put("/api/users/" + self.id + "/enabled")
                    .then().statusCode(409).body("error", containsString("last enabled admin"));
            admin.htmx().formParam("enabled", "false").post("/users/" + self.id + "/enabled").then().statusCode(409)
                    .header("HX-Retarget", "#flash").body(containsString("last enabled admin"));
            assertThat(users.get(self.id).enabled).isTrue();
            assertThat(users.get(self.id).role).isEqualTo(Role.ADMIN);
        } finally {
            others.forEach(u -> users.setEnabled(u.id, true, "test"));
        }
    }

    @Test
    void aTokenCreatedOnThePageWorksUntilRevoked() {
        WebSession admin = WebSession.as(Role.ADMIN);
        String name = "CRM <b>bold</b> " + UUID.randomUUID().toString().substring(0, 6);
        String page = admin.request().formParam("name", name).formParam("role", "OPERATOR").post("/tokens").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).as("the secret in a read-only field").isTrue();
        String secret = m.group(1);
        assertThat(page).contains("shown only this once").contains("CRM &lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
        assertThat(admin.request().get("/tokens").asString()).as("never shown again").doesNotContain(secret);

        given().header("Authorization", "Bearer " + secret).get("/api/contacts").then().statusCode(200);
        given().header("Authorization", "Bearer " + secret).contentType("application/json")
                .body(Map.of("name", "Token Contact", "number", "030 4" + (100000 + (int) (System.nanoTime() % 800000))))
                .post("/api/contacts").then().statusCode(201);
        long id = admin.request().get("/api/tokens").jsonPath().getLong("find { it.name == '" + name.replace("'", "\\'") + "' }.id");
        admin.htmx().post("/tokens/" + id + "/revoke").then().statusCode(200).body(containsString("revoked"));
        given().header("Authorization", "Bearer " + secret).redirects().follow(false).get("/api/contacts").then().statusCode(401);
        admin.htmx().post("/tokens/" + id + "/revoke").then().statusCode(409).body(containsString("already revoked"));

        String refused = admin.request().formParam("name", "").formParam("role", "VIEWER").post("/tokens").then().statusCode(400)
                .extract().asString();
        assertThat(refused).contains("token-name-error");
    }

    @Test
    void theTokenApiShowsTheSecretOnceAndRevokes() {
        WebSession admin = WebSession.as(Role.ADMIN);
        JsonPath created = admin.request().contentType("application/json").body(Map.of("name", "api-made", "role", "VIEWER"))
                .post("/api/tokens").then().statusCode(201).extract().jsonPath();
        String secret = created.getString("secret");
        long id = created.getLong("token.id");
        assertThat(secret).startsWith("cr_").startsWith(created.getString("token.prefix"));
        assertThat(admin.request().get("/api/tokens").asString()).doesNotContain(secret);
        given().header("Authorization", "Bearer " + secret).get("/api/contacts").then().statusCode(200);
        given().header("Authorization", "Bearer " + secret).contentType("application/json").body(Map.of("name", "V", "number", "1234"))
                .post("/api/contacts").then().statusCode(403);
        given().header("Authorization", "Bearer " + secret).get("/api/tokens").then().statusCode(403);
        admin.request().delete("/api/tokens/" + id).then().statusCode(204);
        given().header("Authorization", "Bearer " + secret).redirects().follow(false).get("/api/contacts").then().statusCode(401);
        admin.request().delete("/api/tokens/" + id).then().statusCode(409);
    }
}
