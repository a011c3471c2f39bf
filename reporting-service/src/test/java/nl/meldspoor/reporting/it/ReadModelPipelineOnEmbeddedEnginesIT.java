package nl.meldspoor.reporting.it;

import org.springframework.test.context.TestPropertySource;

/** The read-model pipeline on the embedded default engines: an in-process KRaft broker and mongo-java-server. */
@TestPropertySource(properties = {
        "meldspoor.embedded.mongo.in-memory=true",
        "meldspoor.embedded.kafka.data-directory=target/embedded-kafka-${random.uuid}"})
class ReadModelPipelineOnEmbeddedEnginesIT extends ReadModelPipelineContract {
}
