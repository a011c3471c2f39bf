package nl.meldspoor.platform.mongo;

import org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Replaces Spring Boot's MongoDB health indicator with one that also works on mongo-java-server. */
@AutoConfiguration(after = MongoDataAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({MongoTemplate.class, HealthIndicator.class})
@ConditionalOnBean(MongoTemplate.class)
public class MongoHealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
        return new MongoPingHealthIndicator(mongoTemplate);
    }
}
