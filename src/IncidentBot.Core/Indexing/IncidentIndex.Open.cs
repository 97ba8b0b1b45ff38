using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace IncidentBot.Core.Indexing;

/// <summary>Opening an index already on disk, and clearing one that can never be read.</summary>
public sealed partial class IncidentIndex
{
    /// <summary>
    /// Opens an index already on disk (called under the build lock). An index of another schema is left
    /// for the next build to replace; a corrupt one is cleared, since <c>IndexWriter</c> reads the old
    /// commit even in CREATE mode and would fail on it too; any other I/O problem leaves the files alone.
    /// </summary>
    private void TryOpenExisting()
    {
        LuceneDirectory directory;
        try
        {
            directory = GetDirectory();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogIndexUnavailable(IndexPath, e.Message);
            return;
        }

        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return;
            }

            // Check the schema on the commit before opening a searcher: loading the sentence table of an
            // index written by another version would be wasted work, or fail on missing fields.
            var commits = DirectoryReader.ListCommits(directory);
            if (IndexCommitData.ReadSnapshot(commits[^1].UserData) is null)
            {
                LogOutdatedIndex(IndexPath);
                return;
            }

            lock (_openLock)
            {
                _manager ??= new SearcherManager(directory, new IncidentSearcher.Factory(_analyzer));
            }
        }
        catch (Exception e) when (e is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException)
        {
            LogUnreadableIndex(IndexPath, e.Message);
            DiscardCorruptIndex(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Possibly passing (another process committing, too many open files): never delete on a guess.
            LogIndexUnavailable(IndexPath, e.Message);
        }
    }

    /// <summary>
    /// Deletes the files of a corrupt index. Only Lucene's own file names are touched, in case the index
    /// path was pointed at a folder that holds anything else, and nothing is touched while another
    /// process holds the write lock.
    /// </summary>
    private void DiscardCorruptIndex(LuceneDirectory directory)
    {
        if (IndexWriter.IsLocked(directory))
        {
            LogIndexUnavailable(IndexPath, "another process is writing it");
            return;
        }

        foreach (var name in directory.ListAll())
        {
            if (name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal) || name.StartsWith('_'))
            {
                directory.DeleteFile(name);
            }
        }
    }

    private LuceneDirectory GetDirectory()
    {
        if (_directory is null)
        {
            System.IO.Directory.CreateDirectory(IndexPath);
            _directory = FSDirectory.Open(IndexPath);
        }

        return _directory;
    }
}
