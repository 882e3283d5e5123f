using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Verity.Core.Analysis.Projections;
using Verity.Core.Forces;

namespace Verity.Core.Loading;

/// <summary>
/// Reads named projection variants (<c>data/forces/projections.yaml</c>): a mapping with a <c>projections</c> list, each
/// entry a model with its name, kind, sources, parameters and parameter ranges.
/// </summary>
/// <remarks>
/// Every problem is reported with file, line, column and field: unknown fields, a kind or unit outside the vocabulary,
/// numbers out of range, a range that does not hold its value, anchor years out of order, duplicate names, a cap's base
/// that names nothing or loops back.
/// </remarks>
public static partial class ProjectionsReader
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "name", "model", "title", "source", "sources", "states", "measures", "window_years", "anchors", "rate", "unit", "rate_range", "ceiling", "from", "base", "spread",
    };

    private static readonly HashSet<string> AnchorFields = new(StringComparer.Ordinal) { "year", "value", "low", "high", "source" };

    /// <summary>The largest file read, in characters.</summary>
    public const int MaxChars = 1024 * 1024;

    /// <summary>Reads the variants.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="source">The file name to put in diagnostics.</param>
    /// <exception cref="InputException">The text is not a valid projections file; every problem is listed.</exception>
    public static ProjectionCatalog Parse(string text, string source)
    {
        const string Expected = "expected a mapping with a 'projections' list";
        var (document, root) = YamlDocument.ParseMapping(text, source, MaxChars, Expected);
        var problems = new List<Diagnostic>();
        if (root["projections"] is not JArray list)
        {
            throw new InputException(document.At(string.Empty, Expected));
        }

        foreach (var property in root.Properties().Where(p => p.Name != "projections"))
        {
            problems.Add(document.AtKey(property.Path, $"unknown field '{property.Name}': expected only 'projections'"));
        }

        var entries = new List<(ProjectionModel Model, string? Base, JToken Token)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item is not JObject entry)
            {
                problems.Add(document.At(item, "expected a mapping with name, model and parameters"));
                continue;
            }

            var read = new EntryReader(document, entry, problems).Read();
            if (read is { } r)
            {
                if (!names.Add(r.Model.Name))
                {
                    problems.Add(document.At(entry["name"]!, $"'{r.Model.Name}' is defined twice"));
                }

                entries.Add((r.Model, r.Base, entry));
            }
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems.OrderBy(d => d.Line).ThenBy(d => d.Column));
        }

        var resolved = new Dictionary<string, ProjectionModel>(StringComparer.Ordinal);
        ProjectionModel? Resolve(string name, HashSet<string> seen)
        {
            if (resolved.TryGetValue(name, out var done))
            {
                return done;
            }

            var index = entries.FindIndex(e => e.Model.Name == name);
            if (index < 0)
            {
                return ProjectionModel.TryParseKind(name, out var kind) ? ProjectionModel.BuiltIn(kind) : null;
            }

            var (model, baseName, token) = entries[index];
            if (baseName is not null)
            {
                if (!seen.Add(name))
                {
                    problems.Add(document.At(token["base"]!, $"the base of '{name}' leads back to itself ({string.Join(" → ", seen)} → {name})"));
                    return null;
                }

                var baseModel = Resolve(baseName, seen);
                if (baseModel is null)
                {
                    if (!problems.Any(p => p.Path == token["base"]!.Path))
                    {
                        problems.Add(document.At(token["base"]!, $"unknown base '{baseName}': expected a projection of this file or one of {string.Join(", ", ProjectionModel.BuiltIns.Select(b => b.Name))}"));
                    }

                    return null;
                }

                model = model with { Base = baseModel };
            }

            resolved[name] = model;
            return model;
        }

        var variants = entries.Select(e => Resolve(e.Model.Name, new HashSet<string>(StringComparer.Ordinal))).ToList();
        return problems.Count > 0
            ? throw new InputException(problems.DistinctBy(p => (p.Line, p.Column, p.Path)).OrderBy(d => d.Line).ThenBy(d => d.Column))
            : new ProjectionCatalog(source, [.. variants!]);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,63}$")]
    private static partial Regex NamePattern();

    private sealed class EntryReader(YamlDocument document, JObject entry, List<Diagnostic> problems)
    {
        private readonly int _before = problems.Count;

        public (ProjectionModel Model, string? Base)? Read()
        {
            foreach (var property in entry.Properties().Where(p => !Fields.Contains(p.Name)))
            {
                problems.Add(document.AtKey(property.Path, $"unknown field '{property.Name}': expected one of {string.Join(", ", Fields)}"));
            }

            var name = RequiredString("name");
            if (name is not null && !NamePattern().IsMatch(name))
            {
                Problem("name", $"'{name}' is not a name: expected lower-case letters, digits, '-' or '.', such as dod-2024-china");
            }

            var kindText = RequiredString("model");
            var kind = ProjectionKind.Hold;
            if (kindText is not null && !ProjectionModel.TryParseKind(kindText, out kind))
            {
                Problem("model", $"unknown model '{kindText}': expected one of {string.Join(", ", ProjectionModel.BuiltIns.Select(b => b.Name))}");
            }

            var sources = ImmutableArray.CreateBuilder<string>();
            if (OptionalString("source") is { } one)
            {
                sources.Add(one);
            }

            if (entry["sources"] is { } many)
            {
                if (many is JArray array && array.All(s => s.Type == JTokenType.String))
                {
                    sources.AddRange(array.Select(s => s.Value<string>()!));
                }
                else
                {
                    Problem("sources", "expected a list of URLs");
                }
            }

            var states = List("states", text => PartyCode.TryParse(text, out var code) ? code : (PartyCode?)null, "a state code such as \"CN\"");
            var measures = List("measures", text => ForceMeasure.TryParse(text, out var m) ? m : (ForceMeasure?)null, ForceMeasure.Expected);
            var window = Integer("window_years", 1, 100);
            var spread = Number("spread", 0, 1);
            var rate = Number("rate", -1e6, 1e6);
            var unitText = OptionalString("unit");
            var unit = unitText switch
            {
                null or "per-year" => RateUnit.PerYear,
                "percent" => RateUnit.Percent,
                _ => Invalid("unit", $"unknown unit '{unitText}': expected per-year or percent", RateUnit.PerYear),
            };
            var (rateLow, rateHigh) = Range("rate_range", rate);
            var ceiling = Number("ceiling", 0, 1e9);
            var from = Integer("from", 1945, ProjectionOptions.MaxHorizon);
            var baseName = OptionalString("base");
            var anchors = Anchors();

            if (kindText is not null && problems.Count == _before)
            {
                Check(kind != ProjectionKind.Rate && (rate is not null || unitText is not null || entry["rate_range"] is not null), "rate", "rate, unit and rate_range belong to the rate model");
                Check(kind != ProjectionKind.Anchored && entry["anchors"] is not null, "anchors", "anchors belong to the anchored model");
                Check(kind != ProjectionKind.Cap && (ceiling is not null || from is not null || baseName is not null), "ceiling", "ceiling, from and base belong to the cap model");
                Check(kind == ProjectionKind.Rate && rate is null && entry["rate_range"] is not null, "rate_range", "a rate range needs a rate");
                Check(kind is ProjectionKind.Anchored or ProjectionKind.Hold && entry["window_years"] is not null, "window_years", $"window_years belongs to the trend and rate models");
            }

            if (problems.Count > _before || name is null || kindText is null)
            {
                return null;
            }

            var (line, _) = document.PositionOf(entry.Path);
            return (new ProjectionModel
            {
                Name = name,
                Kind = kind,
                Title = OptionalString("title"),
                Sources = sources.ToImmutable(),
                States = states,
                Measures = measures,
                WindowYears = window ?? ProjectionModel.DefaultWindowYears,
                Anchors = anchors,
                Rate = rate,
                RateUnit = unit,
                RateLow = rateLow,
                RateHigh = rateHigh,
                Ceiling = ceiling,
                FromYear = from,
                RelativeSpread = spread ?? ProjectionModel.DefaultRelativeSpread,
                Origin = $"{document.Source}:{line}",
            }, baseName);
        }

        private void Check(bool wrong, string field, string message)
        {
            if (wrong)
            {
                var key = entry.Properties().FirstOrDefault(p => p.Name == field)?.Path ?? entry.Path;
                problems.Add(document.AtKey(key, message));
            }
        }

        private void Problem(string field, string message) => problems.Add(document.At(entry[field] ?? entry, message));

        private T Invalid<T>(string field, string message, T fallback)
        {
            Problem(field, message);
            return fallback;
        }

        private string? RequiredString(string field)
        {
            if (entry[field] is null || entry[field]!.Type == JTokenType.Null)
            {
                problems.Add(document.At(entry, $"{field}: required"));
                return null;
            }

            return OptionalString(field);
        }

        private string? OptionalString(string field)
        {
            var token = entry[field];
            if (token is null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token.Type != JTokenType.String || string.IsNullOrWhiteSpace(token.Value<string>()))
            {
                Problem(field, $"expected text, found {Show(token)}");
                return null;
            }

            return token.Value<string>();
        }

        private double? Number(string field, double min, double max) => NumberAt(entry[field], min, max);

        private double? NumberAt(JToken? token, double min, double max)
        {
            if (token is null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token.Type is not (JTokenType.Integer or JTokenType.Float))
            {
                problems.Add(document.At(token, $"expected a number, found {Show(token)}"));
                return null;
            }

            var value = token.Value<double>();
            if (!double.IsFinite(value) || value < min || value > max)
            {
                problems.Add(document.At(token, $"{value.ToString(CultureInfo.InvariantCulture)} is out of range: expected {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}"));
                return null;
            }

            return value;
        }

        private int? Integer(string field, int min, int max) => IntegerAt(entry[field], min, max);

        private int? IntegerAt(JToken? token, int min, int max)
        {
            if (token is null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token.Type != JTokenType.Integer || token.Value<long>() is var v && (v < min || v > max))
            {
                problems.Add(document.At(token, $"expected a whole number from {min} to {max}, found {Show(token)}"));
                return null;
            }

            return (int)token.Value<long>();
        }

        private (double? Low, double? High) Range(string field, double? value)
        {
            var token = entry[field];
            if (token is null || token.Type == JTokenType.Null)
            {
                return (null, null);
            }

            if (token is not JArray { Count: 2 } pair)
            {
                problems.Add(document.At(token, $"expected [low, high], found {Show(token)}"));
                return (null, null);
            }

            var low = NumberAt(pair[0], -1e6, 1e6);
            var high = NumberAt(pair[1], -1e6, 1e6);
            if (low is not null && high is not null && value is not null && !(low <= value && value <= high))
            {
                problems.Add(document.At(token, $"the range [{low.Value.ToString(CultureInfo.InvariantCulture)}, {high.Value.ToString(CultureInfo.InvariantCulture)}] does not hold the value {value.Value.ToString(CultureInfo.InvariantCulture)}: expected low ≤ value ≤ high"));
            }

            return (low, high);
        }

        private ImmutableArray<T> List<T>(string field, Func<string, T?> parse, string expected)
            where T : struct
        {
            var token = entry[field];
            if (token is null || token.Type == JTokenType.Null)
            {
                return [];
            }

            if (token is not JArray array)
            {
                problems.Add(document.At(token, $"expected a list, found {Show(token)}"));
                return [];
            }

            var values = ImmutableArray.CreateBuilder<T>();
            foreach (var item in array)
            {
                if (item.Type == JTokenType.String && parse(item.Value<string>()!) is { } value)
                {
                    values.Add(value);
                }
                else
                {
                    problems.Add(document.At(item, $"{Show(item)} is not valid: expected {expected}"));
                }
            }

            return values.ToImmutable();
        }

        private ImmutableArray<ProjectionAnchor> Anchors()
        {
            var token = entry["anchors"];
            if (token is null || token.Type == JTokenType.Null)
            {
                return [];
            }

            if (token is not JArray { Count: > 0 } array)
            {
                problems.Add(document.At(token, "expected a list of anchors, each with year, value, low, high and source"));
                return [];
            }

            var anchors = ImmutableArray.CreateBuilder<ProjectionAnchor>();
            int? previous = null;
            foreach (var item in array)
            {
                if (item is not JObject anchor)
                {
                    problems.Add(document.At(item, "expected a mapping with year, value, low, high and source"));
                    continue;
                }

                foreach (var property in anchor.Properties().Where(p => !AnchorFields.Contains(p.Name)))
                {
                    problems.Add(document.AtKey(property.Path, $"unknown field '{property.Name}': expected one of {string.Join(", ", AnchorFields)}"));
                }

                var before = problems.Count;
                var year = IntegerAt(anchor["year"], 1945, ProjectionOptions.MaxHorizon);
                var value = NumberAt(anchor["value"], 0, 1e9);
                var low = NumberAt(anchor["low"], 0, 1e9);
                var high = NumberAt(anchor["high"], 0, 1e9);
                var source = anchor["source"] is { Type: JTokenType.String } s && !string.IsNullOrWhiteSpace(s.Value<string>()) ? s.Value<string>() : null;
                foreach (var (required, present) in new[] { ("year", anchor["year"]), ("value", anchor["value"]), ("source", anchor["source"]) })
                {
                    if (present is null || present.Type == JTokenType.Null)
                    {
                        problems.Add(document.At(anchor, $"{required}: required"));
                    }
                }

                if (anchor["source"] is { } given && source is null && given.Type != JTokenType.Null)
                {
                    problems.Add(document.At(given, $"expected the URL of the source, found {Show(given)}"));
                }

                if (value is not null && ((low is not null && low > value) || (high is not null && high < value)))
                {
                    problems.Add(document.At(anchor["value"]!, $"the range [{Show(anchor["low"])}, {Show(anchor["high"])}] does not hold the value {Show(anchor["value"])}: expected low ≤ value ≤ high"));
                }

                if (year is not null && previous is not null && year <= previous)
                {
                    problems.Add(document.At(anchor["year"]!, $"year {year} does not follow {previous}: anchors go in increasing years"));
                }

                previous = year ?? previous;
                if (problems.Count == before)
                {
                    anchors.Add(new ProjectionAnchor(year!.Value, value!.Value, low, high, source!));
                }
            }

            return anchors.ToImmutable();
        }

        private static string Show(JToken? token) => token switch
        {
            null => "nothing",
            { Type: JTokenType.Null } => "nothing",
            { Type: JTokenType.String } => $"\"{token.Value<string>()}\"",
            JArray => "a list",
            JObject => "a mapping",
            _ => Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }
}
