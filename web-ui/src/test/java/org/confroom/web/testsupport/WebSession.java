package org.confroom.web.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.confroom.web.security.AppUser;
import org.confroom.web.security.Role;
import org.confroom.web.security.UserService;

import io.quarkus.arc.Arc;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A logged-in browser for tests: one cookie jar (session + CSRF cookie) and the CSRF token read from a
 * page, sent as the X-CSRF-TOKEN header like htmx does. {@link #as(Role)} creates one test user per
 * role (password {@value #PASSWORD}) on first use.
 */
public final class WebSession {
    public static final String PASSWORD = "correct-horse-battery";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
    private static final Map<Role, Boolean> CREATED = new ConcurrentHashMap<>();

    private final CookieFilter cookies = new CookieFilter();
    private final String username;
    private String csrf;

    private WebSession(String username) {
        this.username = username;
    }

    /** @return a session logged in as the test user of {@code role} */
    public static WebSession as(Role role) {
        String name = "test-" + role.name().toLowerCase(java.util.Locale.ROOT);
        CREATED.computeIfAbsent(role, r -> {
            UserService users = Arc.container().instance(UserService.class).get();
            if (users.findByUsername(name).isEmpty()) {
                users.create(name, PASSWORD, r, "test");
            }
            return true;
        });
        return login(name, PASSWORD);
    }

    /** @return a session after posting the login form; fails the test when the login is refused */
    public static WebSession login(String username, String password) {
        WebSession s = new WebSession(username);
        Response r = given().filter(s.cookies).redirects().follow(false).formParam("j_username", username)
                .formParam("j_password", password).post("/j_security_check");
        if (r.statusCode() != 302 || r.header("Location").contains("error")) {
            throw new AssertionError("login as " + username + " refused: " + r.statusCode() + " " + r.header("Location"));
        }
        s.refreshCsrf();
        return s;
    }

    /** Reads the CSRF token from the dashboard page (and gets the CSRF cookie on the way). */
    public void refreshCsrf() {
        String html = given().filter(cookies).get("/").then().statusCode(200).extract().asString();
        Matcher m = CSRF_META.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no csrf-token meta tag on the dashboard");
        }
        csrf = m.group(1);
    }

    /** @return a request with the session cookies and the CSRF header, not following redirects */
    public RequestSpecification request() {
        return given().filter(cookies).header("X-CSRF-TOKEN", csrf).redirects().follow(false);
    }

    /** @return the same as {@link #request()} marked as an htmx request */
    public RequestSpecification htmx() {
        return request().header("HX-Request", "true");
    }

    /** @return a request with the session cookies but no CSRF token at all */
    public RequestSpecification withoutCsrf() {
        return given().filter(cookies).redirects().follow(false);
    }

    public String csrfToken() {
        return csrf;
    }

    public String username() {
        return username;
    }

    /** @return the user of this session as stored */
    public AppUser user() {
        return Arc.container().instance(UserService.class).get().findByUsername(username).orElseThrow();
    }
}
