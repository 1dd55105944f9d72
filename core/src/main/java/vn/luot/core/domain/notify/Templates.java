package vn.luot.core.domain.notify;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of each kind of message, with {@code {field}} placeholders ({@code notify.templates}). */
public final class Templates {
    private static final Pattern FIELD = Pattern.compile("\\{(\\w+)}");
    private final Map<NoticeKind, String> texts;

    public Templates(Map<NoticeKind, String> texts) {
        this.texts = new EnumMap<>(texts);
        for (NoticeKind kind : NoticeKind.values()) {
            if (!this.texts.containsKey(kind)) {
                throw new IllegalArgumentException("no template for " + kind.wireName());
            }
        }
    }

    /** The message with its fields filled in; a field the notice does not have stays as written. */
    public String render(Notice notice) {
        Matcher m = FIELD.matcher(texts.get(notice.kind()));
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String value = notice.fields().get(m.group(1));
            m.appendReplacement(text, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(text);
        return text.toString();
    }
}
