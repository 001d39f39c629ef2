using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace FollowUp.Rules.Cli;

/// <summary>
/// Standard input or output, whose failures are I/O errors that name it (<c>cannot write standard output: Bad file
/// descriptor</c>, where .NET throws an <see cref="UnauthorizedAccessException"/>). A descriptor that was closed when the
/// process started (<c>&lt;&amp;-</c>, <c>&gt;&amp;-</c>) is never used: the runtime has given its number to a pipe of its
/// own, which reading would wait on forever and writing would corrupt, so it fails as closed instead.
/// </summary>
internal sealed class StandardStream : Stream
{
    private const int GetDescriptorFlags = 1; // F_GETFD, the same on Linux, macOS and the BSDs.
    private const int CloseOnExec = 1; // FD_CLOEXEC.
    private const int GetStatusFlags = 3; // F_GETFL, the same on Linux, macOS and the BSDs.
    private const int AccessMode = 3; // O_ACCMODE.
    private const int ReadOnly = 0; // O_RDONLY.

    private readonly Stream? _stream;
    private readonly string _failure;
    private readonly bool _reads;

    private StandardStream(Stream? stream, string failure, bool reads)
    {
        _stream = stream;
        _failure = failure;
        _reads = reads;
    }

    public static Stream OpenInput() => new StandardStream(IsInherited(0) ? Console.OpenStandardInput() : null, "cannot read standard input", reads: true);

    public static Stream OpenOutput() => new StandardStream(IsInherited(1) ? Writer(1) ?? Console.OpenStandardOutput() : null, "cannot write standard output", reads: false);

    public static Stream OpenError() => new StandardStream(IsInherited(2) ? Console.OpenStandardError() : null, "cannot write standard error", reads: false);

    /// <summary>
    /// Gets standard error for diagnostics, or nothing when it was closed or opened only for reading (<c>2&lt;/dev/null</c>):
    /// there is nowhere to tell it to, and failing to would crash the run.
    /// </summary>
    public static TextWriter Error => IsInherited(2) && IsWritable(2) ? Console.Error : TextWriter.Null;

    public override bool CanRead => _reads;

    public override bool CanWrite => !_reads;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var stream = Open();
        try
        {
            return stream.Read(buffer);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Named(exception);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var stream = Open();
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Named(exception);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var stream = Open();
        try
        {
            stream.Write(buffer);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Named(exception);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var stream = Open();
        try
        {
            await stream.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Named(exception);
        }
    }

    /// <summary>Does nothing on a closed descriptor: only what is written there is lost, and the writing fails.</summary>
    public override void Flush() => _stream?.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream?.Dispose();
        }

        base.Dispose(disposing);
    }

    private Stream Open() => _stream ?? throw new IOException($"{_failure}: it is closed.");

    /// <summary>The reason without .NET's wrapping: EBADF comes as "Access to the path is denied" around "Bad file descriptor".</summary>
    private IOException Named(Exception exception) =>
        new($"{_failure}: {(exception.InnerException is IOException inner ? inner : exception).Message.TrimEnd('.')}.", exception);

    /// <summary>
    /// A stream that writes a pipe or socket descriptor and reports its failures, or <see langword="null"/> for any other
    /// (a terminal, a file, Windows). .NET's console stream drops EPIPE without a word, so a run piped into <c>head -1</c>
    /// or a consumer that died went on to the end of its input and exited 0; this one throws "Broken pipe". A file is left
    /// to the console stream, which writes at the descriptor's shared offset (<c>{ followup …; echo done; } &gt; out</c>).
    /// </summary>
    private static FileStream? Writer(int descriptor)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var stream = new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!stream.CanSeek && !IsTerminal(descriptor))
            {
                return stream;
            }

            stream.Dispose();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Not a descriptor a file stream takes: the console stream writes it as before.
        }

        return null;
    }

    private static bool IsTerminal(int descriptor)
    {
        try
        {
            return IsATerminal(descriptor) == 1;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
    }

    /// <summary>
    /// Whether the process was started with the descriptor open: the runtime opens every descriptor of its own
    /// close-on-exec, which no descriptor that came through exec can be. Windows gives no handle a closed one's place.
    /// </summary>
    private static bool IsInherited(int descriptor) =>
        DescriptorFlags(descriptor, GetDescriptorFlags) is not { } flags || (flags >= 0 && (flags & CloseOnExec) == 0);

    /// <summary>Whether an inherited descriptor may be written: one opened only for reading fails every write.</summary>
    private static bool IsWritable(int descriptor) =>
        DescriptorFlags(descriptor, GetStatusFlags) is not { } flags || flags < 0 || (flags & AccessMode) != ReadOnly;

    /// <summary>The descriptor's flags, or <see langword="null"/> where they cannot be asked for (Windows, no C library by the name "libc"): trusted as before.</summary>
    private static int? DescriptorFlags(int descriptor, int command)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            return Fcntl(descriptor, command);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "isatty")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int IsATerminal(int descriptor);

    [DllImport("libc", EntryPoint = "fcntl")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fcntl(int descriptor, int command);
}
