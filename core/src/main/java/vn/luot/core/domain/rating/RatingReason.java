package vn.luot.core.domain.rating;

import vn.luot.core.domain.catalogue.LocalizedText;

/** One reason a citizen may give for a low rating (configured: chờ lâu, thái độ, ...). */
public record RatingReason(String id, LocalizedText name) {
}
