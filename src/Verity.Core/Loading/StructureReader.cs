using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Forces;

namespace Verity.Core.Loading;

/// <summary>
/// Reads a state's force structure (<c>data/forces/structures/*.yaml</c>); every problem is reported with file, line,
/// column and field, and nothing is returned on any.
/// </summary>
/// <remarks>
/// A figure is a number (sourced by its step's <c>source</c>), a mapping <c>{ value: 24, illustrative: true }</c> or
/// <c>{ value: 64, source: URL }</c>, or <c>{ estimate: reserve }</c>: the figure the estimates give for that measure on the
/// date built. A number without a source must be marked illustrative. At most <see cref="MaxChars"/> characters;
/// numbers from 0 to <see cref="EstimatesReader.MaxFigure"/>.
/// </remarks>
public static class StructureReader
{
    /// <summary>The most characters a file may have.</summary>
    public const int MaxChars = 1024 * 1024;

    private static readonly string[] TopFields = ["state", "through", "systems", "storage"];
    private static readonly string[] SystemFields = ["type", "code", "kind", "launcher_kind", "bases", "steps", "note"];
    private static readonly string[] StepFields = ["from", "source", "launchers", "deployed", "warheads", "bases", "note"];
    private static readonly string[] StorageFields = ["from", "source", "location", "stored", "retired", "deployed_other", "note"];
    private static readonly string[] FigureFields = ["value", "source", "illustrative", "estimate", "note"];
    private static readonly Dictionary<string, string?> Kinds = new(StringComparer.Ordinal) { ["icbm"] = "icbm-launcher", ["slbm"] = "slbm-launcher", ["heavy-bomber"] = null };

    /// <summary>Reads a force structure.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="source">The file name for diagnostics.</param>
    /// <exception cref="InputException">The file has problems; every one is listed.</exception>
    public static ForceStructure Parse(string text, string source)
    {
        var (document, root) = YamlDocument.ParseMapping(text, source, MaxChars, "expected a mapping with state, through, systems and storage");
        var problems = new List<Diagnostic>();

        var reader = new Reader(document, problems);
        reader.Unknown(root, TopFields);
        var state = default(PartyCode);
        var stateText = root["state"]?.Type == JTokenType.String ? (string)root["state"]! : null;
        if (!PartyCode.TryParse(stateText, out state) || !CountryCodes.IsAssigned(state))
        {
            problems.Add(document.At(root["state"]?.Path ?? string.Empty, $"state: expected an assigned ISO 3166-1 alpha-2 code such as \"US\", found '{stateText}'"));
        }

        var through = reader.Date(root, "through", string.Empty);
        var systems = ImmutableArray.CreateBuilder<ForceSystem>();
        var types = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (token, path) in reader.List(root, "systems", string.Empty))
        {
            if (reader.System(token, path) is { } system)
            {
                if (!types.Add(system.Type))
                {
                    problems.Add(document.At($"{path}.type", $"type '{system.Type}' appears twice"));
                }

                if (!codes.Add(system.Code))
                {
                    problems.Add(document.At($"{path}.code", $"code '{system.Code}' appears twice"));
                }

                systems.Add(system);
            }
        }

        var storage = ImmutableArray.CreateBuilder<StorageStep>();
        foreach (var (token, path) in reader.List(root, "storage", string.Empty, required: false))
        {
            if (reader.Storage(token, path) is { } step)
            {
                if (storage.Count > 0 && step.From <= storage[^1].From)
                {
                    problems.Add(document.At($"{path}.from", $"{Format(step.From)} is not after the previous step's {Format(storage[^1].From)}: steps go in date order"));
                }

                storage.Add(step);
            }
        }

        return problems.Count > 0 ? throw new InputException(problems) : new ForceStructure(source, state, through, systems.ToImmutable(), storage.ToImmutable());
    }

    private static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private sealed class Reader(YamlDocument document, List<Diagnostic> problems)
    {
        public void Unknown(JObject mapping, string[] known)
        {
            foreach (var property in mapping.Properties().Where(p => !known.Contains(p.Name)))
            {
                problems.Add(document.AtKey(property.Value.Path, $"unknown field '{property.Name}': expected one of {string.Join(", ", known)}"));
            }
        }

        public List<(JToken Token, string Path)> List(JObject parent, string field, string parentPath, bool required = true)
        {
            var path = Join(parentPath, field);
            if (parent[field] is not JArray array)
            {
                if (parent[field] is not null || required)
                {
                    problems.Add(document.At(parent[field] is null ? parentPath : path, $"{field}: expected a list"));
                }

                return [];
            }

            return [.. array.Select((t, i) => (t, $"{path}[{i}]"))];
        }

        public LocalDate Date(JObject parent, string field, string parentPath)
        {
            var path = Join(parentPath, field);
            var text = parent[field]?.Type == JTokenType.String ? (string)parent[field]! : parent[field]?.ToString();
            var result = LocalDatePattern.Iso.Parse(text ?? string.Empty);
            if (!result.Success || result.Value.Year < 1945 || result.Value.Year > 2200)
            {
                problems.Add(document.At(parent[field] is null ? parentPath : path, $"{field}: expected a date YYYY-MM-DD from 1945 to 2200, found '{text}'"));
                return default;
            }

            return result.Value;
        }

        public string? Text(JObject parent, string field, string parentPath, bool required = true)
        {
            var token = parent[field];
            if (token is { Type: JTokenType.String } && ((string)token!).Trim().Length > 0)
            {
                return (string)token!;
            }

            if (token is not null || required)
            {
                problems.Add(document.At(token is null ? parentPath : Join(parentPath, field), $"{field}: expected text, found {token?.ToString() ?? "nothing"}"));
            }

            return null;
        }

        public ImmutableArray<string> Strings(JObject parent, string field, string parentPath)
        {
            if (parent[field] is null)
            {
                return [];
            }

            if (parent[field] is not JArray array || array.Any(t => t.Type != JTokenType.String))
            {
                problems.Add(document.At(Join(parentPath, field), $"{field}: expected a list of names"));
                return [];
            }

            return [.. array.Select(t => (string)t!)];
        }

        public string? Url(JObject parent, string field, string parentPath)
        {
            if (Text(parent, field, parentPath, required: false) is not { } url)
            {
                return null;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add(document.At(Join(parentPath, field), $"'{url}' is not an absolute http or https URL"));
                return null;
            }

            return url;
        }

        public ForceSystem? System(JToken token, string path)
        {
            if (token is not JObject system)
            {
                problems.Add(document.At(path, "expected a system: a mapping with type, code, kind and steps"));
                return null;
            }

            var before = problems.Count;
            Unknown(system, SystemFields);
            var type = Text(system, "type", path);
            var code = Text(system, "code", path);
            if (code is not null && !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                problems.Add(document.At($"{path}.code", $"code '{code}': expected letters, digits and '-', such as MM3"));
            }

            var kind = Text(system, "kind", path);
            string? launcherKind = null;
            if (kind is not null && !Kinds.TryGetValue(kind, out launcherKind))
            {
                problems.Add(document.At($"{path}.kind", $"unknown kind '{kind}': expected one of {string.Join(", ", Kinds.Keys)}"));
            }

            var givenLauncher = Text(system, "launcher_kind", path, required: false);
            if (kind is not null && Kinds.ContainsKey(kind) && givenLauncher != launcherKind)
            {
                problems.Add(document.At(system["launcher_kind"] is null ? path : $"{path}.launcher_kind", launcherKind is null
                    ? $"launcher_kind: a {kind} is its own launcher; leave launcher_kind out"
                    : $"launcher_kind: a {kind}'s launchers are {launcherKind}, found '{givenLauncher}'"));
            }

            var bases = Strings(system, "bases", path);
            var steps = ImmutableArray.CreateBuilder<SystemStep>();
            foreach (var (stepToken, stepPath) in List(system, "steps", path))
            {
                if (Step(stepToken, stepPath) is { } step)
                {
                    if (steps.Count > 0 && step.From <= steps[^1].From)
                    {
                        problems.Add(document.At($"{stepPath}.from", $"{Format(step.From)} is not after the previous step's {Format(steps[^1].From)}: steps go in date order"));
                    }

                    steps.Add(step);
                }
            }

            return problems.Count > before ? null : new ForceSystem(type!, code!, kind!, launcherKind, bases, steps.ToImmutable());
        }

        private SystemStep? Step(JToken token, string path)
        {
            if (token is not JObject step)
            {
                problems.Add(document.At(path, "expected a step: a mapping with from, launchers and deployed"));
                return null;
            }

            var before = problems.Count;
            Unknown(step, StepFields);
            var from = Date(step, "from", path);
            // A source given but malformed is reported once, not again as missing from every figure.
            var source = Url(step, "source", path) ?? (step["source"] is null ? null : string.Empty);
            var launchers = Figure(step, "launchers", path, source, required: true);
            var deployed = Figure(step, "deployed", path, source, required: true);
            var warheads = Figure(step, "warheads", path, source, required: false);
            if (launchers?.Value is { } l && deployed?.Value is { } d && d > l)
            {
                problems.Add(document.At($"{path}.deployed", $"{d} deployed is more than the {l} launchers"));
            }

            var bases = Strings(step, "bases", path);
            return problems.Count > before ? null : new SystemStep(from, launchers!, deployed!, warheads, bases);
        }

        public StorageStep? Storage(JToken token, string path)
        {
            if (token is not JObject step)
            {
                problems.Add(document.At(path, "expected a storage step: a mapping with from, location and stored"));
                return null;
            }

            var before = problems.Count;
            Unknown(step, StorageFields);
            var from = Date(step, "from", path);
            var source = Url(step, "source", path) ?? (step["source"] is null ? null : string.Empty);
            var location = Text(step, "location", path);
            var stored = Figure(step, "stored", path, source, required: false);
            var retired = Figure(step, "retired", path, source, required: false);
            var other = Figure(step, "deployed_other", path, source, required: false);
            return problems.Count > before ? null : new StorageStep(from, stored, retired, other, location!);
        }

        private StructureFigure? Figure(JObject parent, string field, string parentPath, string? stepSource, bool required)
        {
            var path = Join(parentPath, field);
            var token = parent[field];
            if (token is null)
            {
                if (required)
                {
                    problems.Add(document.At(parentPath, $"{field}: missing: give a number with its source, or mark it illustrative"));
                }

                return null;
            }

            if (token.Type == JTokenType.Integer)
            {
                if (Number(token, path) is not { } number)
                {
                    return null;
                }

                if (stepSource is null)
                {
                    problems.Add(document.At(path, $"{number} has no source: give the step a source, write {{ value: {number}, source: URL }}, or mark it {{ value: {number}, illustrative: true }}"));
                    return null;
                }

                return new StructureFigure(number, stepSource, false);
            }

            if (token is not JObject figure)
            {
                problems.Add(document.At(path, $"expected a whole number, {{ value, source }}, {{ value, illustrative: true }} or {{ estimate: MEASURE }}, found {token}"));
                return null;
            }

            Unknown(figure, FigureFields);
            if (figure["estimate"] is { } estimate)
            {
                if (!ForceMeasure.TryParse(estimate.Type == JTokenType.String ? (string)estimate! : null, out var measure))
                {
                    problems.Add(document.At($"{path}.estimate", $"unknown measure '{estimate}': {ForceMeasure.Expected}"));
                    return null;
                }

                if (figure["value"] is not null)
                {
                    problems.Add(document.At($"{path}.value", "give either value or estimate, not both"));
                    return null;
                }

                return new StructureFigure(null, null, false, measure);
            }

            if (figure["value"] is not { Type: JTokenType.Integer } valueToken)
            {
                problems.Add(document.At(figure["value"] is null ? path : $"{path}.value", "value: expected a whole number"));
                return null;
            }

            var value = Number(valueToken, $"{path}.value");
            var illustrative = figure["illustrative"] is { } flag && (flag.Type != JTokenType.Boolean ? Fail($"{path}.illustrative", "expected true or false") : (bool)flag);
            var url = Url(figure, "source", path);
            if (value is null)
            {
                return null;
            }

            if (!illustrative && url is null && stepSource is null)
            {
                problems.Add(document.At(path, $"{value} has no source: give source: URL, or mark it illustrative: true"));
                return null;
            }

            return new StructureFigure(value, illustrative ? url : url ?? stepSource, illustrative);
        }

        private bool Fail(string path, string message)
        {
            problems.Add(document.At(path, message));
            return false;
        }

        private long? Number(JToken token, string path)
        {
            var number = (long)token;
            if (number < 0 || number > EstimatesReader.MaxFigure)
            {
                problems.Add(document.At(path, $"{number} is out of range: expected 0 to {EstimatesReader.MaxFigure:N0}"));
                return null;
            }

            return number;
        }

        private static string Join(string parent, string field) => parent.Length == 0 ? field : $"{parent}.{field}";
    }
}
