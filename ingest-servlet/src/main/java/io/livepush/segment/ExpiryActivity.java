package io.livepush.segment;

import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the expiry thread does, for observers such as metrics: the {@link ExpiryIndex} it keeps and a report of every
 * sweep. {@link SegmentExpiryListener} stores it as the servlet context attribute {@link #ATTRIBUTE}.
 */
public final class ExpiryActivity {

    /** The servlet context attribute holding the activity. */
    public static final String ATTRIBUTE = ExpiryActivity.class.getName();

    /** Told about every finished sweep, on the expiry thread. Must be quick and must not throw. */
    @FunctionalInterface
    public interface SweepListener {

        /** A sweep did {@code result} in {@code nanos}. */
        void swept(ExpirySweep.Result result, long nanos);
    }

    private final ExpiryIndex index;
    private final List<SweepListener> listeners = new CopyOnWriteArrayList<>();

    ExpiryActivity(ExpiryIndex index) {
        this.index = index;
    }

    /** The activity of {@code context}'s expiry thread, or {@code null} when it has none. */
    public static ExpiryActivity from(ServletContext context) {
        return context.getAttribute(ATTRIBUTE) instanceof ExpiryActivity activity ? activity : null;
    }

    /** The files waiting to expire, of every slot. */
    public long indexedFiles() {
        return index.size();
    }

    /** Subscribes {@code listener} to every sweep from now on. */
    public void addListener(SweepListener listener) {
        listeners.add(listener);
    }

    void swept(ExpirySweep.Result result, long nanos) {
        for (SweepListener listener : listeners) {
            listener.swept(result, nanos);
        }
    }
}
