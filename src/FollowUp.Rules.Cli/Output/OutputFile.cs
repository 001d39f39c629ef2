using System.Text.RegularExpressions;

namespace FollowUp.Rules.Cli.Output;

/// <summary>
/// Opens <c>--output</c>. A file with content, or one that does not exist yet, is written to a temporary file beside it
/// (beside the file a symbolic link leads to) and moved into place, with the old file's permissions, once the command has
/// written everything (<see cref="Complete"/>): a failed or cancelled run leaves an existing file as it was, and an input
/// that is the same file under another name (a hard or symbolic link, standard input redirected from it) is read whole
/// from the old file instead of being truncated before it is read. What has nothing to keep is written directly: a pipe,
/// a FIFO, a terminal, a device, an empty file. Standard output and standard error (<c>/dev/stdout</c>, <c>/dev/fd/1</c>,
/// <c>/proc/self/fd/2</c>) are written through the streams already open, so <c>--output /dev/stdout &gt;&gt; log</c> appends
/// as standard output would; another descriptor (<c>/dev/fd/3</c>) is appended to.
/// </summary>
internal static partial class OutputFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>Symbolic links followed before giving up, as Linux does (<c>ELOOP</c>).</summary>
    private const int MaxLinks = 40;

    /// <param name="path">The path given to <c>--output</c>.</param>
    /// <param name="standardOutput">Standard output, for a path that names it.</param>
    /// <exception cref="IOException">The path is a directory, or the file or its temporary file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its directory is not writable.</exception>
    public static Stream Open(string path, Stream standardOutput)
    {
        var (descriptor, target) = Resolve(path);
        switch (descriptor)
        {
            case 1:
                return new BufferedStream(standardOutput, BufferSize);
            case 2:
                // Written with write(2) at the shared offset, so diagnostics on standard error do not overwrite the output.
                return new BufferedStream(StandardStream.OpenError(), BufferSize);
            case not null:
                // Another descriptor (3>>file, a pipe from >(command)) is opened again, so it starts at offset 0: appending
                // keeps what is in it, and it is never replaced.
                return OutputFileStream.Direct(path, new FileStream(target, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, BufferSize));
        }

        if (Directory.Exists(target))
        {
            throw new IOException("it is a directory; name a file to write.");
        }

        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw new IOException($"its directory '{directory}' does not exist.");
        }

        FileStream? existing = null;
        if (File.Exists(target))
        {
            // Opening without truncating changes nothing, and proves the file writable.
            existing = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, BufferSize);

            // A pipe, FIFO or terminal cannot seek; a device has no length; an empty file has nothing to lose.
            if (!existing.CanSeek || existing.Length == 0 || HoldsNoTemporaryFiles(directory))
            {
                return OutputFileStream.Direct(path, existing);
            }
        }
        else if (HoldsNoTemporaryFiles(directory))
        {
            return OutputFileStream.Direct(path, new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.Read, BufferSize));
        }

        existing?.Dispose();
        try
        {
            // A short name of its own, so a file name near the file system's limit still has room for it.
            return OutputFileStream.Replacing(path, target, Path.Combine(directory, $".followup-{Guid.NewGuid():N}.tmp"));
        }
        catch (UnauthorizedAccessException exception)
        {
            // Writing an existing file in place would truncate it before an input that is the same file (a hard link,
            // standard input redirected from it) is read: refused, with the way out.
            throw new IOException($"its directory '{directory}' is not writable, so the file cannot be written safely; write --output into a directory you may write to.", exception);
        }
    }

    /// <summary>Marks <paramref name="output"/> as written in full, so closing it puts the file in place.</summary>
    public static void Complete(Stream output)
    {
        if (output is OutputFileStream file)
        {
            file.Complete();
        }
    }

    /// <summary>Whether two paths name the same file, directly or through symbolic links.</summary>
    public static bool IsSameFile(string first, string second) =>
        string.Equals(Resolve(first).Target, Resolve(second).Target, StringComparison.Ordinal);

    /// <summary>
    /// Follows symbolic links one at a time, stopping at a descriptor of this process: <c>/dev/stdout</c> leads to
    /// <c>/proc/self/fd/1</c>, whose link names whatever standard output was redirected to, which must not be replaced.
    /// </summary>
    private static (int? Descriptor, string Target) Resolve(string path)
    {
        var current = Path.GetFullPath(path);
        for (var links = 0; links <= MaxLinks; links++)
        {
            if (Descriptor(current) is { } descriptor)
            {
                return (descriptor, current);
            }

            if (new FileInfo(current).LinkTarget is not { } link)
            {
                return (null, current);
            }

            current = Path.GetFullPath(link, Path.GetDirectoryName(current)!);
        }

        throw new IOException("too many levels of symbolic links.");
    }

    private static int? Descriptor(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // /proc/<pid>/fd/N of another process is a link like any other.
        var match = DescriptorPath().Match(path);
        if (!match.Success || (match.Groups["pid"].Success && match.Groups["pid"].Value != $"{Environment.ProcessId}"))
        {
            return null;
        }

        return match.Groups["std"].Value switch
        {
            "stdin" => 0,
            "stdout" => 1,
            "stderr" => 2,
            _ => int.TryParse(match.Groups["fd"].ValueSpan, out var descriptor) ? descriptor : null,
        };
    }

    [GeneratedRegex(@"^/(?:dev/(?<std>stdin|stdout|stderr)|dev/fd/(?<fd>\d+)|proc/(?:self|thread-self|(?<pid>\d+))/fd/(?<fd>\d+))$", RegexOptions.CultureInvariant)]
    private static partial Regex DescriptorPath();

    /// <summary>Device and kernel directories, where a temporary file must not go (<c>/dev/shm</c> is ordinary memory).</summary>
    private static bool HoldsNoTemporaryFiles(string directory) =>
        !OperatingSystem.IsWindows()
        && ((IsUnder(directory, "/dev") && !IsUnder(directory, "/dev/shm")) || IsUnder(directory, "/proc") || IsUnder(directory, "/sys"));

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root + "/", StringComparison.Ordinal);

    /// <summary>
    /// The file <c>--output</c> is written to, whose errors name the path the user gave (<c>cannot write --output
    /// '/dev/full': No space left on device.</c>), not the file written. Through a temporary file (<see cref="Replacing"/>),
    /// it replaces its target when closed after <see cref="Complete"/>, and is deleted otherwise, even when closing fails.
    /// </summary>
    private sealed class OutputFileStream : Stream
    {
        /// <summary>
        /// Temporary files not yet moved or deleted. A process ended before its command unwinds (Ctrl+C while a read waits
        /// on a pipe that the 2-second grace does not see end) deletes them on its way out.
        /// </summary>
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Unfinished = CreateUnfinished();

        private readonly string _path;

        /// <summary>The file a temporary file replaces; <see langword="null"/> when the file is written directly.</summary>
        private readonly string? _target;
        private readonly FileStream _file;
        private bool _completed;
        private int _finished;

        private OutputFileStream(string path, string? target, FileStream file)
        {
            _path = path;
            _target = target;
            _file = file;
        }

        /// <summary>Writes the file itself: a device, a pipe, a FIFO, an empty file, another descriptor.</summary>
        public static OutputFileStream Direct(string path, FileStream file) => new(path, target: null, file);

        /// <summary>Writes a new temporary file, which replaces <paramref name="target"/> once written in full.</summary>
        public static OutputFileStream Replacing(string path, string target, string temporary)
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
            Unfinished.TryAdd(temporary, 0);
            try
            {
                // A private file stays private. The owner cannot be kept without chown(2): the file becomes the user's.
                if (!OperatingSystem.IsWindows() && File.Exists(target))
                {
                    File.SetUnixFileMode(file.SafeFileHandle, File.GetUnixFileMode(target));
                }
            }
            catch
            {
                file.Dispose();
                File.Delete(temporary);
                throw;
            }

            return new OutputFileStream(path, target, file);
        }

        public override bool CanRead => false;

        public override bool CanSeek => _file.CanSeek;

        public override bool CanWrite => true;

        public override long Length => _file.Length;

        public override long Position
        {
            get => _file.Position;
            set => _file.Position = value;
        }

        public void Complete() => _completed = true;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                _file.Write(buffer);
            }
            catch (Exception exception) when (exception is IOException or ArgumentOutOfRangeException)
            {
                throw Named(exception);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                await _file.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or ArgumentOutOfRangeException)
            {
                throw Named(exception);
            }
        }

        public override void Flush()
        {
            try
            {
                _file.Flush();
            }
            catch (Exception exception) when (exception is IOException or ArgumentOutOfRangeException)
            {
                throw Named(exception);
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

        public override void SetLength(long value) => _file.SetLength(value);

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _finished, 1) == 0)
            {
                var closed = false;
                try
                {
                    _file.Dispose();
                    closed = true;
                }
                catch (Exception exception) when (exception is IOException or ArgumentOutOfRangeException)
                {
                    throw Named(exception);
                }
                finally
                {
                    if (_target is not null)
                    {
                        Finish(_target, closed);
                    }
                }
            }

            base.Dispose(disposing);
        }

        /// <summary>Moves the temporary file into place when everything was written and closed, else deletes it.</summary>
        private void Finish(string target, bool closed)
        {
            Unfinished.TryRemove(_file.Name, out _);
            if (!closed || !_completed)
            {
                File.Delete(_file.Name);
                return;
            }

            try
            {
                File.Move(_file.Name, target, overwrite: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                File.Delete(_file.Name);
                throw new IOException($"cannot write --output '{_path}': {exception.Message}", exception);
            }
        }

        private static System.Collections.Concurrent.ConcurrentDictionary<string, byte> CreateUnfinished()
        {
            var unfinished = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var temporary in unfinished.Keys)
                {
                    File.Delete(temporary);
                }
            };
            return unfinished;
        }

        /// <summary>
        /// The error of the file written, told about the file the user named, in one sentence: a full disk or device, or a
        /// file larger than the file system or the process's limit allows (EFBIG, which .NET reports as an
        /// <see cref="ArgumentOutOfRangeException"/>). .NET ends the reason with the file's name (<c>No space left on device :
        /// '/dev/full'</c>), which the message already gives.
        /// </summary>
        private IOException Named(Exception exception) =>
            new($"cannot write --output '{_path}': " + (exception is ArgumentOutOfRangeException
                ? "the file is too large for the file system."
                : exception.Message.Replace($" : '{_file.Name}'", "", StringComparison.Ordinal).TrimEnd('.') + "."), exception);
    }
}
