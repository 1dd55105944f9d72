package vn.luot.core.domain.catalogue;

/** A group the law serves ahead of the normal queue: the elderly, people with disabilities, and so on. */
public record PriorityGroup(String id, LocalizedText name) {
}
