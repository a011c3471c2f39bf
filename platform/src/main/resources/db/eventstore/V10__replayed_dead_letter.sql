-- Dead letters an administrator replayed, so that a replay asked for twice applies the record once.
-- A dead letter is named by its place in the dead-letter topic.
CREATE TABLE replayed_dead_letter (
    dead_letter_topic     VARCHAR(255) NOT NULL,
    dead_letter_partition INTEGER      NOT NULL,
    dead_letter_offset    BIGINT       NOT NULL,
    consumer              VARCHAR(255) NOT NULL,
    replayed_by           VARCHAR(255) NOT NULL,
    replayed_at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (dead_letter_topic, dead_letter_partition, dead_letter_offset)
);
