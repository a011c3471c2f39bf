-- AES-256 keys sealing the free text of events, one live key per record (a pupil's file of signals at a
-- school, a meldcode case, an incident). Erasure after the retention period sets secret to NULL: the events stay,
-- their text can no longer be read anywhere (crypto-shredding). Text recorded after an erasure gets a
-- new key. retention_from is when the record's retention period started (closed, or last entry);
-- NULL while the record is open.
CREATE TABLE personal_data_key (
    key_id         UUID         NOT NULL,
    record_type    VARCHAR(32)  NOT NULL,
    record_id      VARCHAR(255) NOT NULL,
    school_id      VARCHAR(255) NOT NULL,
    secret         BYTEA,
    created_at     TIMESTAMPTZ  NOT NULL,
    retention_from TIMESTAMPTZ,
    erased_at      TIMESTAMPTZ,
    CONSTRAINT personal_data_key_pkey PRIMARY KEY (key_id),
    CONSTRAINT personal_data_key_erased CHECK ((secret IS NULL) = (erased_at IS NOT NULL))
);

CREATE UNIQUE INDEX personal_data_key_live ON personal_data_key (record_type, record_id, school_id) WHERE secret IS NOT NULL;
CREATE INDEX personal_data_key_due ON personal_data_key (record_type, retention_from) WHERE secret IS NOT NULL;
