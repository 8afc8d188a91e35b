package io.basalt.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.basalt.exec.memory.MemoryRoots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs small fixture classes through a JUnit launcher with extension auto-detection on, as every
 * module's tests run, and checks which of them {@link ArrowLeakCheck} fails. The fixtures are nested
 * classes (which Surefire does not pick up) that also disable themselves unless the launcher here
 * sets {@value #FIXTURE_SWITCH}. Roots a fixture leaks on purpose are closed in {@link #closeLeaks}.
 */
class ArrowLeakCheckTest {
    static final String FIXTURE_SWITCH = "basalt.testing.leak-fixtures";
    private static final List<BufferAllocator> LEFT_OPEN = new ArrayList<>();

    @AfterEach
    void closeLeaks() {
        for (BufferAllocator root : LEFT_OPEN) {
            root.close();
        }
        LEFT_OPEN.clear();
    }

    @Test
    void failsTheTestThatLeavesARootOpenAndNamesIt() {
        Map<String, TestExecutionResult> results = run(LeakingFixture.class);

        assertThat(results.get("leaks()").getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(results.get("leaks()").getThrowable()).get().asString()
                .contains("Arrow memory leak: 1 root allocator opened by test leaks() still open")
                .contains("fixture-leak holding 0 bytes");
        assertThat(results.get("closesWhatItOpens()").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }

    @Test
    void reportsTheLeakOnceNotAgainForLaterTests() {
        Map<String, TestExecutionResult> results = run(LeakingFixture.class);

        assertThat(results.get("closesWhatItOpens()").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }

    @Test
    void acceptsARootSharedByAllMethodsAndClosedAfterAll() {
        Map<String, TestExecutionResult> results = run(SharedRootFixture.class);

        assertThat(results).allSatisfy((name, result) ->
                assertThat(result.getStatus()).as(name).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(results).containsKeys("first()", "second()", "ArrowLeakCheckTest$SharedRootFixture");
    }

    @Test
    void failsTheClassWhenBeforeAllOpensWhatAfterAllDoesNotClose() {
        Map<String, TestExecutionResult> results = run(SharedRootLeftOpenFixture.class);

        assertThat(results.get("usesTheSharedRoot()").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        TestExecutionResult classResult = results.get("ArrowLeakCheckTest$SharedRootLeftOpenFixture");
        assertThat(classResult.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(classResult.getThrowable()).get().asString()
                .contains("opened by test class ArrowLeakCheckTest$SharedRootLeftOpenFixture (after @AfterAll)")
                .contains("fixture-shared-forgotten holding 0 bytes");
    }

    @Test
    void checksOnlyAfterAllWhenTheClassAsksForIt() {
        Map<String, TestExecutionResult> results = run(ReopeningFixture.class);

        assertThat(results).allSatisfy((name, result) ->
                assertThat(result.getStatus()).as(name).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(results).containsKeys("reopens()", "usesTheReopenedRoot()");
    }

    @Test
    void theAnnotationReachesNestedClasses() {
        assertThat(ArrowLeakCheck.checksOnlyAfterAll(ReopeningFixture.class)).isTrue();
        assertThat(ArrowLeakCheck.checksOnlyAfterAll(ReopeningFixture.Inner.class)).isTrue();
        assertThat(ArrowLeakCheck.checksOnlyAfterAll(LeakingFixture.class)).isFalse();
    }

    @Test
    void leakMessageListsEveryRoot() {
        String message = ArrowLeakCheck.leakMessage("test x()", List.of("a holding 1 bytes", "b holding 2 bytes"));

        assertThat(message).startsWith("Arrow memory leak: 2 root allocators opened by test x() still open:\n"
                + "  - a holding 1 bytes\n"
                + "  - b holding 2 bytes\n");
    }

    /**
     * Runs one fixture class; results by display name: {@code name()} for a test method,
     * {@code ArrowLeakCheckTest$Fixture} for the class itself.
     */
    private static Map<String, TestExecutionResult> run(Class<?> fixture) {
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        TestExecutionListener recorder = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                results.put(identifier.getDisplayName(), result);
            }
        };
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(fixture))
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                        .configurationParameter(FIXTURE_SWITCH, "true")
                        .build(),
                recorder);
        return results;
    }

    static boolean fixturesEnabled(ExtensionContext context) {
        return context.getConfigurationParameter(FIXTURE_SWITCH).map(Boolean::parseBoolean).orElse(false);
    }

    @EnabledIf("io.basalt.testing.ArrowLeakCheckTest#fixturesEnabled")
    static class LeakingFixture {
        @Test
        void leaks() {
            LEFT_OPEN.add(MemoryRoots.newRoot("fixture-leak", 1024));
        }

        @Test
        void closesWhatItOpens() {
            try (BufferAllocator root = MemoryRoots.newRoot("fixture-closed", 1024)) {
                assertThat(root.getAllocatedMemory()).isZero();
            }
        }
    }

    @EnabledIf("io.basalt.testing.ArrowLeakCheckTest#fixturesEnabled")
    static class SharedRootFixture {
        private static BufferAllocator shared;

        @BeforeAll
        static void open() {
            shared = MemoryRoots.newRoot("fixture-shared", 1024);
        }

        @AfterAll
        static void close() {
            shared.close();
        }

        @Test
        void first() {
            assertThat(shared.getLimit()).isEqualTo(1024);
        }

        @Test
        void second() {
            assertThat(shared.getAllocatedMemory()).isZero();
        }
    }

    @EnabledIf("io.basalt.testing.ArrowLeakCheckTest#fixturesEnabled")
    static class SharedRootLeftOpenFixture {
        @BeforeAll
        static void open() {
            LEFT_OPEN.add(MemoryRoots.newRoot("fixture-shared-forgotten", 1024));
        }

        @Test
        void usesTheSharedRoot() {
            assertThat(LEFT_OPEN).isNotEmpty();
        }
    }

    /** Its first test replaces the shared root by one of another name, which a later test uses and closes. */
    @CheckLeaksAfterAll
    @EnabledIf("io.basalt.testing.ArrowLeakCheckTest#fixturesEnabled")
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
    static class ReopeningFixture {
        private static BufferAllocator shared;

        @BeforeAll
        static void open() {
            shared = MemoryRoots.newRoot("fixture-generation-1", 1024);
        }

        @Test
        void reopens() {
            shared.close();
            shared = MemoryRoots.newRoot("fixture-generation-2", 1024);
        }

        @Test
        void usesTheReopenedRoot() {
            shared.close();
        }

        static class Inner {
        }
    }
}
