package vn.luot.core.domain.catalogue;

/**
 * A site, service or priority group named by its id in a problem's arguments. Messages say it by its
 * configured name in the reader's language ("Trung tâm tỉnh", not "tinh"); an id the catalogue does not
 * know (the very thing an "unknown site" problem is about) stays as it was typed.
 */
public record CatalogueRef(Kind kind, String id) {
    public enum Kind { SITE, SERVICE, PRIORITY_GROUP }

    public static CatalogueRef site(String id) {
        return new CatalogueRef(Kind.SITE, id);
    }

    public static CatalogueRef service(String id) {
        return new CatalogueRef(Kind.SERVICE, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
