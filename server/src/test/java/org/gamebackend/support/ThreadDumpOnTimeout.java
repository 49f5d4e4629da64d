package org.gamebackend.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails by waiting too long (a blocking read that timed out), prints every thread of this JVM — the server
 * runs in it — so a hang seen once in CI can be diagnosed from the log.
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (isTimeout(throwable)) {
            StringBuilder dump = new StringBuilder("=== thread dump after a timeout in ")
                    .append(context.getDisplayName())
                    .append(" ===\n");
            for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
                if (info.getLockName() != null) {
                    dump.append(" on ").append(info.getLockName());
                }
                if (info.getLockOwnerName() != null) {
                    dump.append(" owned by \"").append(info.getLockOwnerName()).append('"');
                }
                dump.append('\n');
                for (StackTraceElement frame : info.getStackTrace()) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
            System.err.println(dump);
        }
        throw throwable;
    }

    private static boolean isTimeout(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof java.util.concurrent.TimeoutException
                    || (message != null && message.contains("Timeout on blocking read"))) {
                return true;
            }
        }
        return false;
    }
}
