namespace ExNunc.Storage;

/// <summary>
/// The database could not be used: it is locked by another process for too long, unreadable, corrupt or of
/// an unknown schema. An infrastructure failure, not an expected outcome; the message names no personal data.
/// </summary>
public sealed class CaseStoreException : IOException
{
    public CaseStoreException(string message) : base(message) { }

    public CaseStoreException(string message, Exception inner) : base(message, inner) { }

    public CaseStoreException() { }
}
