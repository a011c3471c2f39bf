-- The only place where a pupil's name lives. Events, Kafka and read models carry the pseudonymous
-- pupil_ref; this table is mutable on purpose, so names can be corrected and erased.
CREATE TABLE pupil_registry (
    pupil_ref     VARCHAR(64)              NOT NULL,
    school_id     VARCHAR(255)             NOT NULL,
    given_name    VARCHAR(100),
    family_name   VARCHAR(100),
    birth_date    DATE,
    school_group  SMALLINT                 NOT NULL,
    family_ref    VARCHAR(255),
    registered_by VARCHAR(255)             NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pupil_registry_pkey PRIMARY KEY (pupil_ref)
);

CREATE INDEX pupil_registry_school_name ON pupil_registry (school_id, lower(family_name), lower(given_name));
