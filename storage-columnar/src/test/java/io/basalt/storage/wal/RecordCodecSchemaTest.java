package io.basalt.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** The APPEND stream's schema message, built once per run of commits with the same columns. */
class RecordCodecSchemaTest {
    private static Field field(String name, boolean nullable, ArrowType type, Map<String, String> metadata) {
        return new Field(name, new FieldType(nullable, type, null, metadata), null);
    }

    private static byte[] serialized(List<Field> fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MessageSerializer.serialize(new WriteChannel(Channels.newChannel(bytes)), new Schema(fields),
                IpcOption.DEFAULT);
        return bytes.toByteArray();
    }

    @Test
    void eachCallGivesTheMessageOfItsOwnFieldsWhateverCameBefore() throws IOException {
        ArrowType bigint = new ArrowType.Int(64, true);
        ArrowType text = ArrowType.Utf8.INSTANCE;
        List<Field> plain = List.of(field("id", true, bigint, Map.of("basalt.type", "bigint")),
                field("payload", true, text, Map.of("basalt.type", "text")));
        List<Field> otherMetadata = List.of(field("id", true, bigint, Map.of("basalt.type", "bigint")),
                field("payload", true, text, Map.of("basalt.type", "varchar(20)")));
        List<Field> notNull = List.of(field("id", false, bigint, Map.of("basalt.type", "bigint")),
                field("payload", true, text, Map.of("basalt.type", "text")));
        List<Field> renamed = List.of(field("key", true, bigint, Map.of("basalt.type", "bigint")),
                field("payload", true, text, Map.of("basalt.type", "text")));
        List<Field> oneColumn = List.of(field("id", true, bigint, Map.of("basalt.type", "bigint")));
        for (List<Field> fields : List.of(plain, plain, otherMetadata, plain, notNull, renamed, oneColumn, plain)) {
            assertThat(RecordCodec.schemaMessage(fields)).isEqualTo(serialized(fields));
        }
        assertThat(RecordCodec.schemaMessage(plain)).isNotEqualTo(serialized(otherMetadata));
    }
}
