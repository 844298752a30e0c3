namespace SignauxFaibles.Ingestion.FileKinds;

/// <summary>A file kind whose records all go out in one chunk event type.</summary>
public interface IPublishedChunkKind
{
    Type ChunkType { get; }
}
