namespace FollowUp.Rules.Import.Reading;

/// <summary>A text reader that gives text already read from another reader before the rest of it; it leaves that reader open.</summary>
internal sealed class PrefixedTextReader(string prefix, TextReader rest) : TextReader
{
    private int _position;

    public override int Peek() => _position < prefix.Length ? prefix[_position] : rest.Peek();

    public override int Read() => _position < prefix.Length ? prefix[_position++] : rest.Read();

    public override int Read(Span<char> buffer)
    {
        if (_position >= prefix.Length)
        {
            return rest.Read(buffer);
        }

        var count = Math.Min(buffer.Length, prefix.Length - _position);
        prefix.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
}
