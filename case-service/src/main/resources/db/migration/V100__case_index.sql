-- Which cases exist for which pupil, whether they are open, and which signals they hold; kept by a
-- subscribing processor in the same transaction as the case's events, so the signal intake never
-- misses a case that was just opened.
CREATE TABLE case_index (
    case_id   VARCHAR(255) NOT NULL,
    school_id VARCHAR(255) NOT NULL,
    pupil_ref VARCHAR(255) NOT NULL,
    open      BOOLEAN      NOT NULL,
    CONSTRAINT case_index_pkey PRIMARY KEY (case_id)
);

CREATE INDEX case_index_pupil ON case_index (school_id, pupil_ref, open);

CREATE TABLE case_signal (
    case_id   VARCHAR(255) NOT NULL,
    signal_id VARCHAR(255) NOT NULL,
    CONSTRAINT case_signal_pkey PRIMARY KEY (case_id, signal_id)
);

CREATE INDEX case_signal_signal ON case_signal (signal_id);
