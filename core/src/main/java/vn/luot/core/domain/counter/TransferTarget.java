package vn.luot.core.domain.counter;

/**
 * Where staff send a ticket. Any field may be null: a null site or service keeps the ticket's own;
 * a counter id reserves the ticket for that one counter.
 */
public record TransferTarget(String siteId, String serviceId, Integer counterId) {
}
