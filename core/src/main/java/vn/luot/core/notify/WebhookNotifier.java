package vn.luot.core.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.luot.core.domain.notify.Notice;

/**
 * Posts each message to an SMS or Zalo gateway: {@code {"idempotencyKey", "template", "fields", "phone",
 * "text"}} with the phone in its international form (84…). The headers carry the message's
 * {@code Idempotency-Key} and {@code X-Luot-Signature: sha256=<hex HMAC-SHA256 of the body with the
 * configured secret>}, so the gateway can tell the request is ours and never send a message twice.
 * Any answer but 2xx (or none within the timeout) is a failure that the sender retries.
 */
public final class WebhookNotifier implements Notifier {
    private final HttpClientAgent client;
    private final String url;
    private final byte[] secret;
    private final Duration timeout;

    public WebhookNotifier(Vertx vertx, String url, String secret, Duration timeout) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis()));
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
    }

    @Override
    public Future<Void> send(Notice notice, String text) {
        Buffer body = new JsonObject()
                .put("idempotencyKey", notice.id().toString())
                .put("template", notice.kind().wireName())
                .put("fields", new JsonObject(new HashMap<>(notice.fields())))
                .put("phone", notice.phone())
                .put("text", text)
                .toBuffer();
        RequestOptions options = new RequestOptions().setAbsoluteURI(url).setMethod(HttpMethod.POST)
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Idempotency-Key", notice.id().toString())
                .putHeader("X-Luot-Signature", "sha256=" + sign(body.getBytes()));
        return client.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().compose(answer -> response.statusCode() / 100 == 2
                        ? Future.<Void>succeededFuture()
                        : Future.failedFuture("the gateway answered " + response.statusCode())));
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java 17", e);
        }
    }
}
