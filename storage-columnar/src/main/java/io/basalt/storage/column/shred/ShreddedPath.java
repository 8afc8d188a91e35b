package io.basalt.storage.column.shred;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.column.ChunkStatistics;
import java.util.List;

/**
 * What a row group records of one shredded path of one JSONB column: the object keys from the document's root
 * ({@code keys}), the kind of the typed sub-column, its zone map ({@code statistics}: NULL counts the rows that do
 * not fit), and how many rows hold something at the path that is neither the kind nor JSON null ({@code otherRows}:
 * another scalar type, an array or object, or an array on the way). The rows that do not fit and are not "other"
 * give SQL NULL for every extraction of the path ({@code ->>}, {@code #>>}, and casts of those): their document is
 * NULL, a key on the way is missing, or the value is JSON null. When {@code nullsAreOther} (every path shredded since
 * the flag exists) JSON null at the path counts among the other rows, so that a row neither fitting nor other gives
 * SQL NULL for the member itself ({@code ->}, {@code #>}) too: its document is NULL or lacks a key on the way.
 */
public record ShreddedPath(int column, List<String> keys, ShredKind kind, int otherRows, ChunkStatistics statistics,
                           boolean nullsAreOther) {
    public ShreddedPath {
        keys = List.copyOf(keys);
        requireNonNull(kind, "kind is null");
        requireNonNull(statistics, "statistics is null");
    }
}
