package nl.meldspoor.platform.privacy;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Outside the embedded default (a {@code spring.datasource.url} is configured) a write service refuses to start
 * without its key-encryption key; checked before any bean, so no engine starts first. The embedded default, which
 * keeps its data in a local directory, still runs without one.
 */
class KeyEncryptionKeyRequired implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (isSet("spring.datasource.url") && !isSet("meldspoor.personal-data.key-encryption-key")) {
            throw new MissingKeyEncryptionKeyException();
        }
    }

    private boolean isSet(String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isBlank();
    }
}
