namespace Gitbrief.Store;

/// <summary>A table as <c>gitbrief store migrate</c> copies it: the columns of its primary key (a row whose key is in the
/// target already is left alone) and the others.</summary>
internal sealed record StoreTable(string Name, IReadOnlyList<string> KeyColumns, IReadOnlyList<string> ValueColumns)
{
    public IEnumerable<string> Columns => KeyColumns.Concat(ValueColumns);
}
