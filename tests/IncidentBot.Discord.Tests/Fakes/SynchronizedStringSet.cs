using System.Collections;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// A string set safe to change from a test while Kestrel threads read it (e.g. expired interaction ids).
/// Enumeration works on a snapshot.
/// </summary>
internal sealed class SynchronizedStringSet : ISet<string>
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _items = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public bool Add(string item) => Locked(s => s.Add(item));

    void ICollection<string>.Add(string item) => Add(item);

    public void Clear() => Locked(s => s.Clear());

    public bool Contains(string item) => Locked(s => s.Contains(item));

    public void CopyTo(string[] array, int arrayIndex) => Locked(s => s.CopyTo(array, arrayIndex));

    public bool Remove(string item) => Locked(s => s.Remove(item));

    public void ExceptWith(IEnumerable<string> other) => Locked(s => s.ExceptWith(other));

    public void IntersectWith(IEnumerable<string> other) => Locked(s => s.IntersectWith(other));

    public bool IsProperSubsetOf(IEnumerable<string> other) => Locked(s => s.IsProperSubsetOf(other));

    public bool IsProperSupersetOf(IEnumerable<string> other) => Locked(s => s.IsProperSupersetOf(other));

    public bool IsSubsetOf(IEnumerable<string> other) => Locked(s => s.IsSubsetOf(other));

    public bool IsSupersetOf(IEnumerable<string> other) => Locked(s => s.IsSupersetOf(other));

    public bool Overlaps(IEnumerable<string> other) => Locked(s => s.Overlaps(other));

    public bool SetEquals(IEnumerable<string> other) => Locked(s => s.SetEquals(other));

    public void SymmetricExceptWith(IEnumerable<string> other) => Locked(s => s.SymmetricExceptWith(other));

    public void UnionWith(IEnumerable<string> other) => Locked(s => s.UnionWith(other));

    public IEnumerator<string> GetEnumerator() => Locked(s => s.ToList()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T Locked<T>(Func<HashSet<string>, T> action)
    {
        lock (_gate)
        {
            return action(_items);
        }
    }

    private void Locked(Action<HashSet<string>> action)
    {
        lock (_gate)
        {
            action(_items);
        }
    }
}
