package org.gamebackend.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records the SQL of every statement the server sends through {@link JdbcClient} while a test asks it to, so that a
 * test can count the queries one request causes (the N+1 test). Wraps the one {@code JdbcClient} bean; records
 * nothing otherwise.
 */
public class SqlStatements implements BeanPostProcessor {

    private static final Queue<String> recorded = new ConcurrentLinkedQueue<>();
    private static volatile boolean recording;

    /** The statements sent while {@code work} ran (on any thread). */
    public static synchronized List<String> during(Runnable work) {
        recorded.clear();
        recording = true;
        try {
            work.run();
        } finally {
            recording = false;
        }
        return List.copyOf(recorded);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof JdbcClient jdbc)) {
            return bean;
        }
        return Proxy.newProxyInstance(
                JdbcClient.class.getClassLoader(), new Class<?>[] {JdbcClient.class}, (proxy, method, args) -> {
                    if (recording && method.getName().equals("sql") && args != null && args.length == 1) {
                        recorded.add(String.valueOf(args[0]));
                    }
                    try {
                        return method.invoke(jdbc, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
