namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>The file as a whole cannot be ingested (unknown layout, unreadable container, trailer mismatch).</summary>
public class FileRefusedException(string message, Exception? inner = null) : Exception(message, inner);
