-- Lượt schema, version 7.4 (issue 11): when a booking's personal data (name, phone, note) was erased by
-- the daily erasure job, N days after its slot (booking.keepPersonalDataDays). Code, site, service, slot
-- and status stay for the figures.
ALTER TABLE bookings ADD COLUMN personal_data_erased_at timestamptz;
CREATE INDEX bookings_to_erase ON bookings (slot_day) WHERE personal_data_erased_at IS NULL;
CREATE INDEX tickets_with_phone ON tickets (service_day) WHERE phone IS NOT NULL;
