package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerClassTest;
import vn.luot.core.support.TestServer;

@DisplayName("Staff tokens live no longer than their account allows")
class StaffSessionsTest extends ServerPerClassTest {

    private Response me(String token) {
        return server.api().get("/api/v1/auth/me", TestServer.bearer(token));
    }

    private String addOperator(String username) {
        Response added = server.api().post("/api/v1/staff", new JsonObject().put("username", username)
                .put("role", "operator").put("password", TestServer.STAFF_PASSWORD), TestServer.bearer(server.adminToken()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return server.login(username, TestServer.STAFF_PASSWORD);
    }

    @Test
    @DisplayName("A token signed with the server's key for an account that does not exist, claiming admin, is refused")
    void forgedTokenForNobody() {
        Vertx vertx = Vertx.vertx();
        try {
            JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(
                    new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(TestServer.JWT_SECRET)));
            String forged = jwt.generateToken(new JsonObject().put("sub", "ghost").put("role", "admin").put("gen", 0),
                    new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds(600));

            Response r = server.api().get("/api/v1/staff", TestServer.bearer(forged));

            assertThat(r.status()).isEqualTo(401);
            assertThat(r.error()).isEqualTo("invalid_token");
        } finally {
            vertx.close().await();
        }
    }

    @Test
    @DisplayName("A password change revokes the account's tokens; the new password gives a working one")
    void passwordChangeRevokes() {
        String old = addOperator("pw-change-1");
        assertThat(me(old).status()).isEqualTo(200);

        Response changed = server.api().put("/api/v1/staff/pw-change-1/password",
                new JsonObject().put("password", "a-brand-new-password"), TestServer.bearer(server.adminToken()));

        assertThat(changed.status()).isEqualTo(204);
        assertThat(me(old).status()).isEqualTo(401);
        assertThat(me(server.login("pw-change-1", "a-brand-new-password")).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("After logging out, the token no longer works")
    void logoutRevokes() {
        String token = addOperator("logout-1");

        assertThat(server.api().post("/api/v1/auth/logout", null, TestServer.bearer(token)).status()).isEqualTo(204);

        assertThat(me(token).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("A disabled account is kept, cannot log in and its tokens stop; enabled again it logs in afresh")
    void disableInsteadOfDelete() {
        String token = addOperator("disable-1");
        String admin = server.adminToken();

        assertThat(server.api().post("/api/v1/staff/disable-1/disable", null, TestServer.bearer(admin)).status())
                .isEqualTo(204);

        assertThat(me(token).status()).isEqualTo(401);
        assertThat(server.api().post("/api/v1/auth/login", new JsonObject().put("username", "disable-1")
                .put("password", TestServer.STAFF_PASSWORD)).status()).isEqualTo(401);
        JsonObject listed = server.api().get("/api/v1/staff", TestServer.bearer(admin)).json().getJsonArray("staff")
                .stream().map(JsonObject.class::cast).filter(m -> m.getString("username").equals("disable-1"))
                .findFirst().orElseThrow();
        assertThat(listed.getBoolean("active")).isFalse();

        assertThat(server.api().post("/api/v1/staff/disable-1/enable", null, TestServer.bearer(admin)).status())
                .isEqualTo(204);
        assertThat(me(token).status()).as("an old token stays dead").isEqualTo(401);
        assertThat(me(server.login("disable-1", TestServer.STAFF_PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("An admin cannot disable their own account")
    void cannotDisableSelf() {
        Response r = server.api().post("/api/v1/staff/admin/disable", null, TestServer.bearer(server.adminToken()));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).isEqualTo("cannot_disable_self");
    }
}
