-- An Idempotency-Key belongs to the person who sent it: the same key from two people are two commands.
-- Keys expire after meldspoor.commands.idempotency-retention; created_at drives the cleanup.
ALTER TABLE idempotency_record ADD COLUMN person_id VARCHAR(255);
-- Keys stored before this migration have no known person: under '' no one's retry finds them, and they
-- are deleted with the first cleanup after the retention period.
UPDATE idempotency_record SET person_id = '' WHERE person_id IS NULL;
ALTER TABLE idempotency_record ALTER COLUMN person_id SET NOT NULL;
ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey;
ALTER TABLE idempotency_record ADD CONSTRAINT idempotency_record_pkey PRIMARY KEY (person_id, idempotency_key);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
