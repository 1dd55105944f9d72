package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerClassTest;
import vn.luot.core.support.TestServer;

@DisplayName("POST /api/v1/auth/login, /auth/me and /staff")
class AuthApiTest extends ServerPerClassTest {

    private static JsonObject credentials(String username, String password) {
        return new JsonObject().put("username", username).put("password", password);
    }

    @Test
    @DisplayName("The first admin logs in with LUOT_ADMIN_PASSWORD and gets a bearer token with the admin role")
    void adminLogsIn() {
        Response r = server.api().post("/api/v1/auth/login", credentials("admin", TestServer.ADMIN_PASSWORD));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("tokenType")).isEqualTo("Bearer");
        assertThat(r.json().getJsonObject("staff").getString("role")).isEqualTo("admin");
        Response me = server.api().get("/api/v1/auth/me", bearer(r.json().getString("token")));
        assertThat(me.json().getString("username")).isEqualTo("admin");
    }

    @Test
    @DisplayName("A wrong password, an unknown user and missing fields are refused without a token")
    void badCredentials() {
        Response wrong = server.api().post("/api/v1/auth/login", credentials("admin", "not-the-password"));
        Response unknown = server.api().post("/api/v1/auth/login", credentials("nobody", "whatever-password"));
        Response missing = server.api().post("/api/v1/auth/login", new JsonObject().put("username", "admin"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).isEqualTo("invalid_credentials");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.error()).isEqualTo("invalid_credentials");
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    @DisplayName("Passwords are stored as salted hashes, never as given")
    void passwordsAreHashed() {
        server.newStaff("operator");

        assertThat(server.count("SELECT count(*) FROM staff WHERE password_hash LIKE 'pbkdf2-sha256$%'"))
                .isEqualTo(server.count("SELECT count(*) FROM staff"));
        assertThat(server.count("SELECT count(*) FROM staff WHERE password_hash LIKE '%" + TestServer.STAFF_PASSWORD
                + "%' OR password_hash LIKE '%" + TestServer.ADMIN_PASSWORD + "%'")).isZero();
    }

    @Test
    @DisplayName("A missing, forged or expired token gets 401; the wrong role gets 403")
    void tokensAndRoles() {
        String operator = server.newStaff("operator");
        Vertx vertx = Vertx.vertx();
        JWTAuth forger = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(
                new PubSecKeyOptions().setAlgorithm("HS256").setBuffer("another-secret-of-sufficient-length-xx")));
        String forged = forger.generateToken(new JsonObject().put("sub", "admin").put("role", "admin"),
                new JWTOptions().setAlgorithm("HS256"));
        JWTAuth signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(
                new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(TestServer.JWT_SECRET)));
        long anHourAgo = System.currentTimeMillis() / 1000 - 3600;
        String expired = signer.generateToken(new JsonObject().put("sub", "admin").put("role", "admin")
                .put("exp", anHourAgo), new JWTOptions().setAlgorithm("HS256"));
        vertx.close().await();

        assertThat(server.api().get("/api/v1/staff").error()).isEqualTo("missing_token");
        assertThat(server.api().get("/api/v1/staff", bearer(forged)).status()).isEqualTo(401);
        Response late = server.api().get("/api/v1/staff", bearer(expired));
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.json().getString("message")).contains("expired");
        Response operatorListsStaff = server.api().get("/api/v1/staff", bearer(operator));
        assertThat(operatorListsStaff.status()).isEqualTo(403);
        assertThat(operatorListsStaff.error()).isEqualTo("forbidden");
        assertThat(server.api().get("/api/v1/staff", bearer(server.newStaff("manager"))).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Only an admin adds staff; usernames are unique, passwords long enough, roles known")
    void addingStaff() {
        String admin = server.adminToken();
        JsonObject lan = new JsonObject().put("username", "lan.nguyen").put("displayName", "Nguyễn Thị Lan")
                .put("role", "operator").put("password", "mật khẩu của Lan");

        assertThat(server.api().post("/api/v1/staff", lan, bearer(server.newStaff("manager"))).status()).isEqualTo(403);
        assertThat(server.api().post("/api/v1/staff", lan, bearer(admin)).status()).isEqualTo(201);
        assertThat(server.api().post("/api/v1/staff", lan, bearer(admin)).error()).isEqualTo("staff_exists");
        assertThat(server.api().post("/api/v1/staff", lan.copy().put("username", "lan2").put("password", "short"),
                bearer(admin)).error()).isEqualTo("weak_password");
        assertThat(server.api().post("/api/v1/staff", lan.copy().put("username", "lan3").put("role", "boss"),
                bearer(admin)).error()).isEqualTo("invalid_field");
        assertThat(server.api().post("/api/v1/staff", lan.copy().put("username", "Lan Nguyen"),
                bearer(admin)).error()).isEqualTo("invalid_field");
        assertThat(server.login("lan.nguyen", "mật khẩu của Lan")).isNotBlank();
    }

    @Test
    @DisplayName("An admin can set a staff member's password; the old one stops working")
    void settingAPassword() {
        String admin = server.adminToken();
        server.api().post("/api/v1/staff", new JsonObject().put("username", "minh.tran").put("role", "operator")
                .put("password", "first-password"), bearer(admin));

        Response changed = server.api().put("/api/v1/staff/minh.tran/password",
                new JsonObject().put("password", "second-password"), bearer(admin));

        assertThat(changed.status()).isEqualTo(204);
        assertThat(server.api().post("/api/v1/auth/login", credentials("minh.tran", "first-password")).status())
                .isEqualTo(401);
        assertThat(server.login("minh.tran", "second-password")).isNotBlank();
        assertThat(server.api().put("/api/v1/staff/nobody/password", new JsonObject().put("password", "third-password"),
                bearer(admin)).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("A fresh install without LUOT_ADMIN_PASSWORD has no account with a known password")
    void noDefaultPassword() {
        UnaryOperator<LuotConfig> noAdminPassword = config -> config.withSecurity(new LuotConfig.Security(
                config.security().tokenTtl(), 1000, TestServer.JWT_SECRET, null));
        try (TestServer fresh = TestServer.start(noAdminPassword)) {
            assertThat(fresh.count("SELECT count(*) FROM staff")).isZero();
            for (String guess : new String[] {"admin", "password", "123456", TestServer.ADMIN_PASSWORD}) {
                assertThat(fresh.api().post("/api/v1/auth/login", credentials("admin", guess)).status()).isEqualTo(401);
            }
        }
    }
}
