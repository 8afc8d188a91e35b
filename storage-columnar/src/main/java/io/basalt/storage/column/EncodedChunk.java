package io.basalt.storage.column;

/**
 * One encoded column chunk: the bytes a {@link ColumnChunkCodec} wrote, and the statistics of the values in it
 * (stored beside the bytes, in the row group's zone map, so a scan can skip the chunk without reading it).
 */
public record EncodedChunk(byte[] bytes, ChunkStatistics statistics) {
}
