package vn.luot.core.http;

import io.vertx.ext.web.ParsedHeaderValue;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import vn.luot.core.i18n.Messages;

/** The reader's language for a request: the router's parsed {@code Accept-Language}, weights and all. */
final class Languages {
    private Languages() {
    }

    /** The language of the answer: Vietnamese when the client prefers it to English, English otherwise. */
    static Locale of(RoutingContext ctx) {
        return Messages.pick(ctx.acceptableLanguages().stream()
                .filter(language -> language.weight() > 0) // q=0 means "not this one"
                .map(ParsedHeaderValue::value)
                .toList());
    }

    /** {@code ?lang=vi} or a body's {@code lang} when the page passes its own, else {@link #of(RoutingContext)}. */
    static Locale of(RoutingContext ctx, String lang) {
        return lang != null ? Messages.pick(List.of(lang)) : of(ctx);
    }
}
