namespace FollowUp.Rules.Cli.Output;

/// <summary>
/// Opens <c>--output</c>. A regular file is written to a temporary file beside it and moved into place once the command
/// has written everything (<see cref="Complete"/>): a failed or cancelled run leaves an existing file as it was, and an input
/// that is the same file under another name (a hard or symbolic link, standard input redirected from it) is read whole
/// from the old file instead of being truncated before it is read. Pipes and devices (<c>/dev/stdout</c>, a FIFO) are
/// written directly.
/// </summary>
internal static class OutputFile
{
    private const int BufferSize = 1 << 16;

    /// <exception cref="IOException">The file or its temporary file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its directory is not writable.</exception>
    public static Stream Open(string path)
    {
        var target = FinalTarget(path);
        if (IsSpecialPath(target))
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize);
        }

        if (File.Exists(target))
        {
            // Opening without truncating changes nothing; a stream that cannot seek is a FIFO, which takes output as it comes.
            var existing = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, BufferSize);
            if (!existing.CanSeek)
            {
                return existing;
            }

            existing.Dispose();
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        return new ReplacingFileStream(target, temporary);
    }

    /// <summary>Marks <paramref name="output"/> as written in full, so closing it puts the file in place.</summary>
    public static void Complete(Stream output)
    {
        if (output is ReplacingFileStream file)
        {
            file.Complete();
        }
    }

    /// <summary>Whether two paths name the same file, directly or through symbolic links.</summary>
    public static bool IsSameFile(string first, string second) =>
        string.Equals(Path.GetFullPath(FinalTarget(first)), Path.GetFullPath(FinalTarget(second)), StringComparison.Ordinal);

    private static string FinalTarget(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
    }

    /// <summary>Standard output, descriptors and devices (<c>/dev/stdout</c>, <c>/proc/self/fd/1</c>, <c>pipe:[…]</c>), where no temporary file can go.</summary>
    private static bool IsSpecialPath(string path) =>
        !OperatingSystem.IsWindows()
        && ((!Path.IsPathRooted(path) && path.Contains(':', StringComparison.Ordinal))
            || path.StartsWith("/dev/", StringComparison.Ordinal)
            || path.StartsWith("/proc/", StringComparison.Ordinal));

    /// <summary>A temporary file that replaces its target when closed after <see cref="Complete"/>, and is deleted otherwise.</summary>
    private sealed class ReplacingFileStream(string target, string temporary)
        : FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize)
    {
        private bool _completed;
        private int _finished;

        public void Complete() => _completed = true;

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync().ConfigureAwait(false);
            Finish();
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                Finish();
            }
        }

        private void Finish()
        {
            if (Interlocked.Exchange(ref _finished, 1) != 0)
            {
                return;
            }

            if (_completed)
            {
                File.Move(Name, target, overwrite: true);
            }
            else
            {
                File.Delete(Name);
            }
        }
    }
}
