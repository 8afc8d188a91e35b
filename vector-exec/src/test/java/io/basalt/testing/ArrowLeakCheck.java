package io.basalt.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Fails a test that leaves an Arrow root allocator open: every root Basalt creates comes from
 * {@link io.basalt.exec.memory.MemoryRoots#newRoot} and stays listed until it is closed.
 *
 * <p>The check runs after each test method (against the roots open when the method started, so a
 * database opened in {@code @BeforeAll} does not count) and again after each test class (against the
 * roots open before the class started, which catches what {@code @BeforeAll} opened and
 * {@code @AfterAll} did not close). Classes annotated {@link CheckLeaksAfterAll} are checked only
 * after all. For a {@code @TestFactory} the method check covers all its dynamic tests together.
 *
 * <p>It is registered for every test of every module through JUnit's extension auto-detection:
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} in the vector-exec test-jar and
 * {@code junit.jupiter.extensions.autodetection.enabled=true} in each module's
 * {@code junit-platform.properties}. Leaked roots cannot be closed from here (the registry hands out
 * descriptions, not allocators), so they stay open; later tests are not blamed for them.
 */
public final class ArrowLeakCheck implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private static final Namespace NAMESPACE = Namespace.create(ArrowLeakCheck.class);
    private static final String CLASS_SNAPSHOT = "roots before class";
    private static final String METHOD_SNAPSHOT = "roots before method";

    /** Public and without arguments: JUnit's service loader instantiates it. */
    public ArrowLeakCheck() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(CLASS_SNAPSHOT, OpenRootsSnapshot.take());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!checksOnlyAfterAll(context.getRequiredTestClass())) {
            context.getStore(NAMESPACE).put(METHOD_SNAPSHOT, OpenRootsSnapshot.take());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context, METHOD_SNAPSHOT, "test " + context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context, CLASS_SNAPSHOT, "test class " + context.getDisplayName() + " (after @AfterAll)");
    }

    private static void check(ExtensionContext context, String key, String what) {
        OpenRootsSnapshot before = context.getStore(NAMESPACE).remove(key, OpenRootsSnapshot.class);
        if (before == null) {
            return;
        }
        List<String> leaked = before.openedSince();
        if (!leaked.isEmpty()) {
            throw new AssertionError(leakMessage(what, leaked));
        }
    }

    /** The failure text: which roots are still open after what, and what to do about it. */
    static String leakMessage(String what, List<String> leaked) {
        StringBuilder message = new StringBuilder()
                .append("Arrow memory leak: ")
                .append(leaked.size())
                .append(leaked.size() == 1 ? " root allocator" : " root allocators")
                .append(" opened by ")
                .append(what)
                .append(" still open:");
        for (String root : leaked) {
            message.append("\n  - ").append(root);
        }
        message.append("\nClose every Database, Session, QueryResult and allocator the test opens"
                + " (try-with-resources), or see @CheckLeaksAfterAll for state shared across methods.");
        return message.toString();
    }

    /** Whether the class, or a class it is nested in, asks to be checked only after all its tests. */
    static boolean checksOnlyAfterAll(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            if (type.isAnnotationPresent(CheckLeaksAfterAll.class)) {
                return true;
            }
        }
        return false;
    }
}
