package io.basalt.exec.function.json;

import io.basalt.type.json.JsonbReader;
import java.lang.foreign.MemorySegment;

/**
 * Follows extraction steps through a binary JSONB value in place and remembers where the value found lies.
 * One navigator serves one evaluation on one thread; {@link #follow} is called per row.
 */
final class JsonbNavigator {
    /** The range of the value found by the last successful {@link #follow}. */
    long foundStart;
    long foundEnd;

    /**
     * Follows {@code steps} from the value {@code [at, end)}; a top-level scalar answers index 0 and -1 as a
     * one-element array does when {@code scalarAsArray} (the {@code -> int} operator). Returns whether a value
     * was found.
     */
    boolean follow(MemorySegment s, long at, long end, JsonbPathStep[] steps, boolean scalarAsArray) {
        long start = at;
        long stop = end;
        for (JsonbPathStep step : steps) {
            if (step == null) {
                return false;
            }
            byte tag = JsonbReader.tag(s, start);
            if (tag == JsonbReader.OBJECT && step.key() != null) {
                MemorySegment key = MemorySegment.ofArray(step.key());
                int found = JsonbReader.findKey(s, start, key, 0, step.key().length);
                if (found < 0) {
                    return false;
                }
                long valueStart = JsonbReader.valueStart(s, start, found);
                stop = JsonbReader.valueEnd(s, start, found);
                start = valueStart;
            } else if (tag == JsonbReader.ARRAY && step.index() != JsonbPathStep.NO_INDEX) {
                int n = JsonbReader.count(s, start);
                int index = step.index() < 0 ? n + step.index() : step.index();
                if (index < 0 || index >= n) {
                    return false;
                }
                long elementStart = JsonbReader.elementStart(s, start, index);
                stop = JsonbReader.elementEnd(s, start, index);
                start = elementStart;
            } else if (scalarAsArray && steps.length == 1 && !JsonbReader.isContainer(tag)
                    && (step.index() == 0 || step.index() == -1)) {
                // a top-level scalar is a one-element array to -> int
                break;
            } else {
                return false;
            }
        }
        foundStart = start;
        foundEnd = stop;
        return true;
    }
}
