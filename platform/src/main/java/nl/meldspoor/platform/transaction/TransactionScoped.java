package nl.meldspoor.platform.transaction;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** State kept for exactly the current Spring transaction: bound on first use, forgotten when it completes, committed or not. */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /** The map bound under the key in this transaction, made on first use; call only while synchronization is active. */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> map(Object key) {
        Map<K, V> bound = (Map<K, V>) TransactionSynchronizationManager.getResource(key);
        if (bound == null) {
            bound = new HashMap<>();
            TransactionSynchronizationManager.bindResource(key, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return bound;
    }
}
