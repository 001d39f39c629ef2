using System.Text.Json;
using Xunit.Abstractions;

namespace FollowUp.Rules.Tests.Language;

/// <summary>
/// Runs the labelled corpora through the shipped detectors and reports, per category and code, recall (labelled
/// positives found) and false-alarm rate (labelled negatives found), so a lexicon change shows its effect in numbers.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private const double MinimumRecall = 0.90;
    private const double MaximumFalseAlarms = 0.05;

    [Fact]
    public void DevCorpus_EveryLabelHolds()
    {
        var score = Score("notes.dev.jsonl");
        Assert.True(score.Failures.Count == 0, string.Join(Environment.NewLine, score.Failures));
    }

    [Theory]
    [InlineData("Vague")]
    [InlineData("Risk")]
    public void ProjectCorpus_MeetsRecallAndFalseAlarmTargets(string kind)
    {
        var score = Score("notes.project.jsonl");
        var below = score.Categories
            .Where(c => c.Key.Kind == kind && (c.Value.Recall < MinimumRecall || c.Value.FalseAlarmRate > MaximumFalseAlarms))
            .Select(c => $"{c.Key.Name}: recall {c.Value.Recall:P0}, false alarms {c.Value.FalseAlarmRate:P1}")
            .ToList();
        Assert.True(below.Count == 0, string.Join(Environment.NewLine, below));
    }

    [Theory]
    [InlineData("Vague")]
    [InlineData("Risk")]
    public void HoldoutCorpus_OverallRecallAndFalseAlarmsMeetTargets(string kind)
    {
        var score = Score("notes.holdout.jsonl");
        var tallies = score.Categories.Where(c => c.Key.Kind == kind).Select(c => c.Value).ToList();
        var recall = (double)tallies.Sum(t => t.Found) / tallies.Sum(t => t.Positives);
        var falseAlarms = (double)tallies.Sum(t => t.FalseAlarms) / tallies.Sum(t => t.Negatives);
        Assert.True(recall >= MinimumRecall && falseAlarms <= MaximumFalseAlarms, $"{kind}: recall {recall:P1}, false alarms {falseAlarms:P1}");
    }

    /// <summary>
    /// The final corpus was measured once, after all tuning, and is not tuned on: its first-sight tallies (Corpus/README.md)
    /// are the floor, so a later change that loses ground on unseen notes fails here instead of passing unnoticed.
    /// </summary>
    [Theory]
    [InlineData("Vague", 128, 0)]
    [InlineData("Risk", 61, 5)]
    public void FinalCorpus_KeepsItsFirstSightNumbers(string kind, int found, int falseAlarms)
    {
        var tallies = Score("notes.final.jsonl").Categories.Where(c => c.Key.Kind == kind).Select(c => c.Value).ToList();

        Assert.True(tallies.Sum(t => t.Found) >= found, $"{kind}: recall {tallies.Sum(t => t.Found)}/{tallies.Sum(t => t.Positives)}, first sight {found}");
        Assert.True(tallies.Sum(t => t.FalseAlarms) <= falseAlarms, $"{kind}: false alarms {tallies.Sum(t => t.FalseAlarms)}/{tallies.Sum(t => t.Negatives)}, first sight {falseAlarms}");
    }

    [Fact]
    public void ProjectCorpus_ClarityLevelsAreAcceptable()
    {
        var score = Score("notes.project.jsonl");
        Assert.True(score.ClarityHits >= 0.95 * score.ClarityLabelled, $"clarity {score.ClarityHits}/{score.ClarityLabelled}");
    }

    private CorpusScore Score(string file)
    {
        var score = new CorpusScore();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Corpus", file)))
        {
            using var document = JsonDocument.Parse(line);
            var note = document.RootElement;
            var id = note.GetProperty("id").GetString();
            var text = note.GetProperty("text").GetString()!;
            var probe = TextProbe.Of(text);
            score.Add("Vague", id, text, probe.Vague, note.GetProperty("vague"), note.GetProperty("notVague"));
            score.Add("Risk", id, text, probe.Risk, note.GetProperty("risk"), note.GetProperty("notRisk"));
            var clarity = note.GetProperty("clarity").EnumerateArray().Select(e => e.GetString()).ToList();
            if (clarity.Count > 0)
            {
                score.ClarityLabelled++;
                if (clarity.Contains(probe.Clarity.ToString()))
                {
                    score.ClarityHits++;
                }
                else
                {
                    score.Failures.Add($"{id}: clarity {probe.Clarity}, expected {string.Join("/", clarity)}: {text}");
                }
            }
        }

        output.WriteLine($"{file}: clarity acceptable {score.ClarityHits}/{score.ClarityLabelled}");
        output.WriteLine($"{"kind",-6} {"category",-20} {"recall",12} {"false alarms",14}");
        foreach (var ((kind, name), tally) in score.Categories.OrderBy(c => c.Key.Kind).ThenBy(c => c.Key.Name, StringComparer.Ordinal))
        {
            output.WriteLine($"{kind,-6} {name,-20} {tally.Found,4}/{tally.Positives,-4} {tally.Recall,4:P0} {tally.FalseAlarms,4}/{tally.Negatives,-4} {tally.FalseAlarmRate,5:P1}");
        }

        foreach (var failure in score.Failures)
        {
            output.WriteLine(failure);
        }

        return score;
    }

    private sealed class CorpusScore
    {
        public Dictionary<(string Kind, string Name), Tally> Categories { get; } = [];

        public List<string> Failures { get; } = [];

        public int ClarityLabelled { get; set; }

        public int ClarityHits { get; set; }

        public void Add(string kind, string? id, string text, IReadOnlySet<string> found, JsonElement must, JsonElement mustNot)
        {
            foreach (var label in must.EnumerateArray().Select(e => e.GetString()!))
            {
                var tally = TallyOf(kind, label);
                tally.Positives++;
                if (found.Contains(label))
                {
                    tally.Found++;
                }
                else
                {
                    Failures.Add($"{id}: {label} missed: {text}");
                }
            }

            foreach (var label in mustNot.EnumerateArray().Select(e => e.GetString()!))
            {
                var tally = TallyOf(kind, label);
                tally.Negatives++;
                if (found.Contains(label))
                {
                    tally.FalseAlarms++;
                    Failures.Add($"{id}: {label} false alarm: {text}");
                }
            }
        }

        private Tally TallyOf(string kind, string name)
        {
            if (!Categories.TryGetValue((kind, name), out var tally))
            {
                tally = new Tally();
                Categories[(kind, name)] = tally;
            }

            return tally;
        }
    }

    private sealed class Tally
    {
        public int Positives { get; set; }

        public int Found { get; set; }

        public int Negatives { get; set; }

        public int FalseAlarms { get; set; }

        public double Recall => Positives == 0 ? 1 : (double)Found / Positives;

        public double FalseAlarmRate => Negatives == 0 ? 0 : (double)FalseAlarms / Negatives;
    }
}
