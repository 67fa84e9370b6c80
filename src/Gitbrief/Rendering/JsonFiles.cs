using System.Collections;
using Gitbrief.Analysis;

namespace Gitbrief.Rendering;

/// <summary>A commit's files as the JSON report writes them, made from its classified files as the serializer reaches each
/// one: a report of a commit touching 20,000 files holds no second list of them while it is written.</summary>
internal sealed class JsonFiles(IReadOnlyList<ClassifiedFile> files, Func<ClassifiedFile, JsonFile> write) : IReadOnlyList<JsonFile>
{
    public int Count => files.Count;

    public JsonFile this[int index] => write(files[index]);

    public IEnumerator<JsonFile> GetEnumerator()
    {
        for (var i = 0; i < files.Count; i++)
        {
            yield return write(files[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
