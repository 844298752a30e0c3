namespace SignauxFaibles.Testing;

public static class RepositoryRoot
{
    /// <summary>The folder holding SignauxFaibles.sln, found from the test binaries upwards.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SignauxFaibles.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("SignauxFaibles.sln not found above " + AppContext.BaseDirectory);
    }
}
