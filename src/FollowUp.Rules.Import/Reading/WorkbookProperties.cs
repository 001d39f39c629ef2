using System.IO.Compression;
using System.Xml;

namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// What xl/workbook.xml says about the whole workbook that MiniExcel does not act on: which sheets are hidden, and whether
/// dates count from 1904.
/// </summary>
internal sealed class WorkbookProperties
{
    /// <summary>The days from the 1900 date system's day 0 to the 1904 system's: a 1904 serial plus this is the 1900 serial of the same day.</summary>
    public const int Date1904Offset = 1462;

    private WorkbookProperties(IReadOnlySet<string> hiddenSheets, bool date1904)
    {
        HiddenSheets = hiddenSheets;
        Date1904 = date1904;
    }

    /// <summary>Gets the names of the sheets Excel does not show (<c>state="hidden"</c> or <c>"veryHidden"</c>).</summary>
    public IReadOnlySet<string> HiddenSheets { get; }

    /// <summary>
    /// Gets whether the workbook counts dates from 1904-01-01 (<c>workbookPr date1904</c>, as older Excel for Mac saved
    /// workbooks): its serial numbers are 1,462 days earlier than the same dates in the 1900 system MiniExcel assumes.
    /// </summary>
    public bool Date1904 { get; }

    /// <summary>Reads the workbook part, then puts the stream back where it was; a damaged or missing part gives the defaults.</summary>
    public static WorkbookProperties Read(Stream stream)
    {
        var start = stream.Position;
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        var date1904 = false;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if ((zip.GetEntry("xl/workbook.xml") ?? zip.GetEntry("/xl/workbook.xml")) is { } part)
            {
                // The sheet scan's settings close the part's stream with the reader; XmlReader leaves a stream open by default.
                using var reader = XmlReader.Create(part.Open(), SheetScan.Settings);
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (reader.LocalName == "workbookPr")
                    {
                        date1904 = reader.GetAttribute("date1904") is "1" or "true";
                    }
                    else if (reader.LocalName == "sheet" && reader.GetAttribute("name") is { } name
                        && reader.GetAttribute("state") is "hidden" or "veryHidden")
                    {
                        hidden.Add(name);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or XmlException)
        {
            // MiniExcel reports the damage when it reads the workbook; what was read so far stands.
        }

        stream.Position = start;
        return new WorkbookProperties(hidden, date1904);
    }
}
