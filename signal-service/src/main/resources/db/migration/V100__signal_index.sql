-- Which signals exist for which pupil and family, kept in the same transaction as the events
-- (subscribing processor), so that recording a signal can show earlier signals of the pupil and of
-- siblings (kindcheck) at once. Summaries only: no free text.
CREATE TABLE signal_index (
    signal_id         VARCHAR(255) NOT NULL,
    pupil_ref         VARCHAR(255) NOT NULL,
    family_ref        VARCHAR(255),
    school_id         VARCHAR(255) NOT NULL,
    observed_at       TIMESTAMPTZ  NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL,
    category          VARCHAR(64)  NOT NULL,
    urgent            BOOLEAN      NOT NULL,
    corrected         BOOLEAN      NOT NULL DEFAULT FALSE,
    escalated_to_case VARCHAR(255),
    CONSTRAINT signal_index_pkey PRIMARY KEY (signal_id)
);

CREATE INDEX signal_index_pupil ON signal_index (pupil_ref, observed_at);
CREATE INDEX signal_index_family ON signal_index (family_ref, observed_at);
