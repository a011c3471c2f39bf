package nl.meldspoor.casework.writepath;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the database transactions the request threads (Tomcat's {@code http-nio-*}) commit: every
 * {@code commit()} of a transaction, and every statement run in auto-commit mode (PostgreSQL commits each one
 * as a transaction of its own). Background work (publishing lanes, the staff directory) is counted apart, so a
 * scenario can assert what one command costs on its own path.
 */
public final class CommitCounter extends DelegatingDataSource {

    private static final AtomicLong REQUEST_COMMITS = new AtomicLong();
    private static final AtomicLong HISTORY_READS = new AtomicLong();
    private static final AtomicLong LAST_HISTORY_FROM = new AtomicLong(-1);
    private static final java.util.Map<String, AtomicLong> BY_THREAD = new java.util.concurrent.ConcurrentHashMap<>();

    CommitCounter(DataSource target) {
        super(target);
    }

    /** Wraps the service's DataSource bean; register it with {@code @Import} or a static {@code @Bean}. */
    public static BeanPostProcessor wrapping() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof CommitCounter) && "dataSource".equals(beanName)
                        ? new CommitCounter(dataSource) : bean;
            }
        };
    }

    /** How often a request thread read an aggregate's stored events (Axon's read of one aggregate's history). */
    public static long historyReads() {
        return HISTORY_READS.get();
    }

    /** The sequence number the last history read on a request thread started at (after a snapshot: the snapshot's + 1). */
    public static long lastHistoryReadFrom() {
        return LAST_HISTORY_FROM.get();
    }

    public static long requestCommits() {
        return REQUEST_COMMITS.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counting(super.getConnection(username, password));
    }

    /** Commits so far by kind of thread (its name without numbers), request threads included. */
    public static java.util.Map<String, Long> commitsByThread() {
        java.util.Map<String, Long> copy = new java.util.TreeMap<>();
        BY_THREAD.forEach((name, count) -> copy.put(name, count.get()));
        return copy;
    }

    private static void counted() {
        if (onRequestThread()) {
            REQUEST_COMMITS.incrementAndGet();
        }
        BY_THREAD.computeIfAbsent(Thread.currentThread().getName().replaceAll("[0-9]+", "#"), name -> new AtomicLong()).incrementAndGet();
    }

    private static boolean onRequestThread() {
        return Thread.currentThread().getName().startsWith("http-nio");
    }

    private static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(CommitCounter.class.getClassLoader(), new Class<?>[]{Connection.class},
                new ConnectionHandler(connection));
    }

    private record ConnectionHandler(Connection target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("commit")) {
                counted();
            }
            boolean historyRead = false;
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql && onRequestThread()) {
                String lower = sql.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("from domainevententry") && lower.contains("sequencenumber >=")) {
                    HISTORY_READS.incrementAndGet();
                    historyRead = true;
                }
            }
            Object result = call(target, method, args);
            if (result instanceof Statement statement && !method.getName().equals("unwrap")) {
                Class<?>[] types = statement instanceof java.sql.CallableStatement ? new Class<?>[]{java.sql.CallableStatement.class}
                        : statement instanceof java.sql.PreparedStatement ? new Class<?>[]{java.sql.PreparedStatement.class}
                        : new Class<?>[]{Statement.class};
                return Proxy.newProxyInstance(CommitCounter.class.getClassLoader(), types, new StatementHandler(statement, target, historyRead));
            }
            return result;
        }
    }

    private record StatementHandler(Statement target, Connection connection, boolean historyRead) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (historyRead && method.getName().equals("setLong") && Integer.valueOf(2).equals(args[0])) {
                LAST_HISTORY_FROM.set((Long) args[1]);
            }
            if (method.getName().startsWith("execute") && connection.getAutoCommit()) {
                counted();
            }
            if (method.getName().equals("getConnection")) {
                return connection;
            }
            return call(target, method, args);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
