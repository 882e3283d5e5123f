using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Counting;
using Verity.Core.Forces;
using Verity.Core.Notifications;
using Verity.Core.Treaties;

namespace Verity.Core.Loading;

/// <summary>
/// Reads a treaty definition from YAML text: checks it against the treaty JSON Schema, then checks its meaning
/// (references resolve, dates in order, rules name known kinds and statuses), then builds the <see cref="Treaty"/>.
/// </summary>
/// <remarks>Every problem found is reported, each with file, line, column and field.</remarks>
public static class TreatyReader
{
    private static readonly string[] CeilingForms = ["max", "freeze", "schedule"];

    private static readonly HashSet<string> BuiltInFilterAttributes = new(StringComparer.Ordinal) { "uid", "party", "kind", "type", "status", "location" };

    /// <summary>The JSON Schema treaty files are checked against.</summary>
    public static string SchemaText => TreatySchema.Text;

    /// <summary>Reads a treaty.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="source">The file name to put in diagnostics.</param>
    /// <exception cref="InputException">The text is not a valid treaty definition; every problem is listed.</exception>
    public static Treaty Parse(string text, string source)
    {
        var problems = new List<Diagnostic>();
        var treaty = TryParse(text, source, problems);
        return treaty ?? throw new InputException(problems);
    }

    /// <summary>Reads a treaty, collecting problems instead of throwing.</summary>
    /// <returns>The treaty, or <c>null</c> when <paramref name="problems"/> has any.</returns>
    public static Treaty? TryParse(string text, string source, List<Diagnostic> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var document = YamlDocument.Parse(text, source, problems);
        if (document is null || problems.Count > before)
        {
            return null;
        }

        if (document.Root is not JObject)
        {
            problems.Add(document.At(string.Empty, "expected a mapping with the treaty's fields"));
            return null;
        }

        TreatySchema.Validate(document, problems);
        if (problems.Count > before)
        {
            return null;
        }

        var found = new List<Diagnostic>();
        var treaty = new Builder(document, found).Build();
        problems.AddRange(found.OrderBy(d => d.Line).ThenBy(d => d.Column));
        return found.Count > 0 ? null : treaty;
    }

    private sealed class Builder(YamlDocument document, List<Diagnostic> problems)
    {
        private readonly JObject _root = (JObject)document.Root;
        private ImmutableHashSet<string> _kinds = [];
        private ImmutableHashSet<string> _statuses = [];
        private ImmutableHashSet<string> _parties = [];
        private ImmutableHashSet<string> _sources = [];
        private ImmutableDictionary<string, string?> _roles = ImmutableDictionary<string, string?>.Empty;
        private ImmutableDictionary<string, AttributeDefinition> _attributes = ImmutableDictionary<string, AttributeDefinition>.Empty;
        private readonly Dictionary<string, JToken> _named = new(StringComparer.Ordinal);

        public Treaty Build()
        {
            var sources = Array("sources").Select(s => new Source(Str(s, "id")!, Str(s, "title")!, Str(s, "url")!, OptDate(s, "date"))).ToImmutableArray();
            _sources = Unique(Array("sources"), "id");
            var parties = Array("parties").Select(p => new Party(PartyCode.Parse(Str(p, "code")!), Str(p, "name")!) { Names = Names(p) }).ToImmutableArray();
            _parties = Unique(Array("parties"), "code");
            var groups = Array("groups").Select(BuildGroup).ToImmutableArray();
            Unique(Array("groups"), "id");
            var kinds = Vocabulary("item_kinds");
            _kinds = [.. kinds.Select(k => k.Id)];
            var statuses = Vocabulary("statuses");
            statuses = [.. statuses.Zip(Array("statuses"), (entry, json) => entry with { Role = Str(json, "role") })];
            // A duplicate id is reported by Unique; the first definition stands, so the rest of the file is still checked.
            _roles = statuses.DistinctBy(s => s.Id, StringComparer.Ordinal).ToImmutableDictionary(
                s => s.Id,
                s => s.Role ?? (StatusRole.All.Contains(s.Id) ? s.Id : null),
                StringComparer.Ordinal);
            _statuses = [.. statuses.Select(s => s.Id)];
            var attributes = Array("attributes").Select(BuildAttribute).ToImmutableArray();
            Unique(Array("attributes"), "id");
            _attributes = attributes.DistinctBy(a => a.Id, StringComparer.Ordinal).ToImmutableDictionary(a => a.Id, StringComparer.Ordinal);

            var proposal = BuildProposal();
            var dates = BuildDates(proposal is not null);
            var lifecycle = Array("lifecycle").Select(a => BuildAct(a, dates)).ToImmutableArray();
            CheckOrder(Array("lifecycle"));

            var groupIds = groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
            var limits = Array("limits").Select(l => BuildLimit(l, groupIds, dates.EntryIntoForceDate)).ToImmutableArray();
            Unique(Array("limits"), "id");
            var limitIds = limits.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            var interpretations = Array("interpretations").Select(i => BuildInterpretation(i, limitIds)).ToImmutableArray();
            Unique(Array("interpretations"), "id");

            var notifications = BuildNotifications();
            var treatyNames = BuildTreatyNames();
            var translations = BuildTranslations();
            return new Treaty(
                Str(_root, "id")!,
                Str(_root, "name")!,
                Str(_root, "title"),
                sources,
                parties,
                groups,
                dates,
                lifecycle,
                kinds,
                statuses,
                attributes,
                limits,
                BuildInspections(),
                interpretations,
                notifications)
            {
                Names = treatyNames,
                Translations = translations,
                Proposal = proposal,
                Variants = BuildVariants(groups),
            };
        }

        /// <summary>A term's names in other languages: its <c>names</c>, and <c>ru</c>, the older form of <c>names.ru</c>.</summary>
        private ImmutableDictionary<string, string> Names(JObject owner)
        {
            var names = ImmutableDictionary<string, string>.Empty;
            if (owner["names"] is JObject given)
            {
                foreach (var property in given.Properties())
                {
                    Named(property.Name, property);
                    names = names.SetItem(property.Name, property.Value.Value<string>()!);
                }
            }

            if (Str(owner, "ru") is { } ru)
            {
                if (names.ContainsKey("ru"))
                {
                    problems.Add(document.At(owner["ru"]!, "both ru and names.ru: give one (names.ru; ru is its older form)"));
                }

                Named("ru", owner["ru"]!);
                names = names.SetItem("ru", ru);
            }

            return names;
        }

        /// <summary>Notes where a language's names are first given, so that a language without <c>translations</c> can be named there.</summary>
        private void Named(string language, JToken where) => _named.TryAdd(language, where);

        private ImmutableDictionary<string, TreatyName> BuildTreatyNames()
        {
            var names = ImmutableDictionary<string, TreatyName>.Empty;
            if (_root["names"] is JObject given)
            {
                foreach (var property in given.Properties())
                {
                    Named(property.Name, property);
                    names = names.Add(property.Name, new TreatyName(Str(property.Value, "name")!, Str(property.Value, "title")));
                }
            }

            return names;
        }

        /// <summary>The authority of each language's names; every language the file names things in must say its own.</summary>
        private ImmutableDictionary<string, Translation> BuildTranslations()
        {
            var translations = ImmutableDictionary<string, Translation>.Empty;
            if (_root["translations"] is JObject given)
            {
                foreach (var property in given.Properties())
                {
                    var entry = (JObject)property.Value;
                    CheckSource(entry);
                    var basis = Str(entry, "basis") == "authentic" ? TranslationBasis.Authentic : TranslationBasis.Verity;
                    if (basis == TranslationBasis.Authentic && Str(entry, "source") is null)
                    {
                        problems.Add(document.At(entry, $"translations.{property.Name} is the treaty's authentic text: cite it with source"));
                    }

                    translations = translations.Add(property.Name, new Translation(basis, Str(entry, "source"), Str(entry, "text")));
                }
            }

            foreach (var (language, where) in _named.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                if (!translations.ContainsKey(language))
                {
                    problems.Add(document.At(where, $"names in '{language}' but no translations.{language}: say whether they are the treaty's authentic text (basis: authentic, with its source) or translations made for Verity (basis: verity)"));
                }
            }

            return translations;
        }

        private Proposal? BuildProposal()
        {
            var isProposal = Str(_root, "status") == "proposal";
            var proposal = _root["proposal"] as JObject;
            if (isProposal && proposal is null)
            {
                problems.Add(document.At("proposal", "a proposal names who proposed it, when and where: add proposal: {by, date, source}"));
                return null;
            }

            if (!isProposal && proposal is not null)
            {
                problems.Add(document.At(proposal, "only a draft has a proposal: add status: proposal"));
                return null;
            }

            if (proposal is null)
            {
                return null;
            }

            CheckSource(proposal);
            return new Proposal(Str(proposal, "by")!, OptDate(proposal, "date") ?? default, Str(proposal, "source")!, Str(proposal, "text"));
        }

        private ImmutableArray<TreatyVariant> BuildVariants(ImmutableArray<PartyGroup> groups)
        {
            Unique(Array("variants"), "id");
            var ids = groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
            return [.. Array("variants").Select(v => new TreatyVariant(
                Str(v, "id")!,
                Str(v, "name") ?? Str(v, "id")!,
                Str(v, "text"),
                [.. Array("groups", v).Select(g =>
                {
                    if (Str(g, "id") is { } id && !ids.Contains(id))
                    {
                        problems.Add(document.At(g["id"]!, $"unknown group '{id}': a variant redefines groups defined under groups ({string.Join(", ", ids.Order(StringComparer.Ordinal))})"));
                    }

                    return BuildGroup(g);
                })]))];
        }

        private IEnumerable<JObject> Array(string name, JObject? parent = null) =>
            ((parent ?? _root)[name] as JArray)?.OfType<JObject>() ?? [];

        private static string? Str(JToken token, string name) => token[name]?.Type == JTokenType.Null ? null : token[name]?.Value<string>();

        private ImmutableHashSet<string> Unique(IEnumerable<JObject> items, string field)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var id = Str(item, field);
                if (id is not null && !seen.Add(id))
                {
                    problems.Add(document.At(item[field]!, $"'{id}' is defined twice"));
                }
            }

            return [.. seen];
        }

        private ImmutableArray<VocabularyEntry> Vocabulary(string name)
        {
            Unique(Array(name), "id");
            return [.. Array(name).Select(e => new VocabularyEntry(
                Str(e, "id")!,
                Str(e, "name") ?? Str(e, "id")!,
                Str(e, "text"),
                Names(e)))];
        }

        private PartyGroup BuildGroup(JObject group)
        {
            var members = ((JArray)group["members"]!).Select(m =>
            {
                var code = m.Value<string>()!;
                if (!_parties.Contains(code))
                {
                    problems.Add(document.At(m, $"unknown party '{code}': the treaty's parties are {string.Join(", ", _parties.Order(StringComparer.Ordinal))}"));
                }

                return PartyCode.Parse(code);
            }).ToImmutableArray();
            return new PartyGroup(Str(group, "id")!, Str(group, "name") ?? Str(group, "id")!, members);
        }

        private AttributeDefinition BuildAttribute(JObject attribute)
        {
            var id = Str(attribute, "id")!;
            var values = (attribute["values"] as JArray)?.Select(v => v.Value<string>()!).ToImmutableArray() ?? [];
            var fallback = Str(attribute, "default");
            if (BuiltInFilterAttributes.Contains(id) || id is "warheads" or "role")
            {
                problems.Add(document.At(attribute["id"]!, $"'{id}' is a built-in item attribute and cannot be redefined"));
            }

            if (fallback is not null && !values.IsEmpty && !values.Contains(fallback))
            {
                problems.Add(document.At(attribute["default"]!, $"default '{fallback}' is not one of the values {string.Join(", ", values)}"));
            }

            return new AttributeDefinition(id, values, fallback, Str(attribute, "text"));
        }

        private TreatyDates BuildDates(bool isProposal)
        {
            var dates = (JObject)_root["dates"]!;
            var signature = OptDate(dates, "signature");
            var entryOrNull = OptDate(dates, "entry_into_force");
            var entry = entryOrNull ?? default;
            if (dates["entry_into_force"] is null && !isProposal)
            {
                // Only a draft may leave it out (its comparison assumes one).
                problems.Add(document.At("dates.entry_into_force", "missing required field 'entry_into_force'"));
            }

            var expiry = OptDate(dates, "expiry");
            if (signature is { } s && entryOrNull is not null && s > entry)
            {
                problems.Add(document.At(dates["entry_into_force"]!, $"dates out of order: entry into force {entry:yyyy-MM-dd} is before signature {s:yyyy-MM-dd}"));
            }

            if (expiry is { } e && entryOrNull is not null && e <= entry)
            {
                problems.Add(document.At(dates["expiry"]!, $"dates out of order: expiry {e:yyyy-MM-dd} is not after entry into force {entry:yyyy-MM-dd}"));
            }

            if (expiry is not null && dates["duration"] is not null)
            {
                problems.Add(document.At(dates["expiry"]!, "give either a duration or an expiry date, not both"));
            }

            return new TreatyDates(signature, entryOrNull, OptPeriod(dates, "duration"), expiry, OptPeriod(dates["extension"], "max"), OptPeriod(dates, "withdrawal_notice"));
        }

        private LifecycleAct BuildAct(JObject act, TreatyDates dates)
        {
            var kind = Str(act, "act") switch
            {
                "entry-into-force" => LifecycleActKind.EntryIntoForce,
                "extension" => LifecycleActKind.Extension,
                "suspension" => LifecycleActKind.Suspension,
                "resumption" => LifecycleActKind.Resumption,
                "withdrawal-notice" => LifecycleActKind.WithdrawalNotice,
                "withdrawal" => LifecycleActKind.Withdrawal,
                "termination" => LifecycleActKind.Termination,
                "inspections-paused" => LifecycleActKind.InspectionsPaused,
                "inspections-resumed" => LifecycleActKind.InspectionsResumed,
                "inspections-exempted" => LifecycleActKind.InspectionsExempted,
                _ => LifecycleActKind.Note,
            };
            var party = Str(act, "party");
            if (party is not null && !_parties.Contains(party))
            {
                problems.Add(document.At(act["party"]!, $"unknown party '{party}': the treaty's parties are {string.Join(", ", _parties.Order(StringComparer.Ordinal))}"));
            }

            if (party is null && kind is LifecycleActKind.Suspension or LifecycleActKind.Resumption or LifecycleActKind.WithdrawalNotice or LifecycleActKind.Withdrawal or LifecycleActKind.InspectionsExempted)
            {
                var name = Str(act, "act")!;
                problems.Add(document.At(act, $"{(name.StartsWith('i') ? "an" : "a")} {name} act names the party acting: add 'party'"));
            }

            if (party is not null && kind == LifecycleActKind.InspectionsPaused)
            {
                // A pause is agreed by all; one party's refusal is an exemption of its facilities or a suspension.
                problems.Add(document.At(act["party"]!, "an inspections-paused act is agreed by all parties and names none: remove 'party', or use inspections-exempted or suspension for one party's act"));
            }

            var period = OptPeriod(act, "period");
            var date = OptDate(act, "date") ?? default;
            if (kind == LifecycleActKind.Extension)
            {
                if (period is null)
                {
                    problems.Add(document.At(act, "an extension act gives its length: add 'period', such as P5Y"));
                }
                else if (dates.MaxExtension is null)
                {
                    problems.Add(document.At(act["period"]!, "the treaty allows no extension: add dates.extension.max"));
                }
                else if (dates.EntryIntoForceDate is { } entry && entry.Plus(period) > entry.Plus(dates.MaxExtension))
                {
                    problems.Add(document.At(act["period"]!, $"extension of {period} is longer than the {dates.MaxExtension} the treaty allows"));
                }
            }

            if (kind == LifecycleActKind.WithdrawalNotice && dates.WithdrawalNotice is null)
            {
                problems.Add(document.At(act, "a withdrawal notice needs the treaty's notice period: add dates.withdrawal_notice"));
            }

            CheckSource(act);
            return new LifecycleAct(date, kind, party is null ? null : PartyCode.Parse(party), period, Str(act, "text"), Str(act, "source"));
        }

        private void CheckOrder(IEnumerable<JObject> acts)
        {
            LocalDate? previous = null;
            foreach (var act in acts)
            {
                var date = OptDate(act, "date");
                if (date is { } d && previous is { } p && d < p)
                {
                    problems.Add(document.At(act["date"]!, $"dates out of order: {d:yyyy-MM-dd} comes after {p:yyyy-MM-dd} in the lifecycle"));
                }

                previous = date ?? previous;
            }
        }

        private Limit BuildLimit(JObject limit, HashSet<string> groupIds, LocalDate? entryIntoForce)
        {
            var scopeToken = limit["scope"]!;
            LimitScope scope = LimitScope.EachParty;
            if (scopeToken is JObject scopeObject)
            {
                if (Str(scopeObject, "party") is { } party)
                {
                    if (!_parties.Contains(party))
                    {
                        problems.Add(document.At(scopeObject["party"]!, $"unknown party '{party}': the treaty's parties are {string.Join(", ", _parties.Order(StringComparer.Ordinal))}"));
                    }

                    scope = LimitScope.ForParty(PartyCode.Parse(party));
                }
                else if (Str(scopeObject, "group") is { } group)
                {
                    if (!groupIds.Contains(group))
                    {
                        problems.Add(document.At(scopeObject["group"]!, $"unknown group '{group}': define it under groups"));
                    }

                    scope = LimitScope.ForGroup(group);
                }
            }

            CheckSource(limit);
            ForceMeasure? measure = null;
            if (Str(limit, "measure") is { } measureText)
            {
                if (ForceMeasure.TryParse(measureText, out var parsed))
                {
                    measure = parsed;
                }
                else
                {
                    problems.Add(document.At(limit["measure"]!, $"unknown measure '{measureText}': {ForceMeasure.Expected}"));
                }
            }

            var schedule = BuildSchedule(limit, entryIntoForce);
            if (schedule.Any(s => s.Freeze is not null) && limit["measure"] is null)
            {
                problems.Add(document.At(limit, "a freeze sets the ceiling at the party's own level of a measure: add 'measure', such as stockpile"));
            }

            return new Limit(
                Str(limit, "id")!,
                Str(limit, "article"),
                Str(limit, "name")!,
                schedule,
                scope,
                BuildRule((JArray)limit["rule"]!),
                Str(limit, "source"))
            {
                Names = Names(limit),
                Measure = measure,
            };
        }

        /// <summary>One step from <c>max</c> (or <c>freeze</c>) and <c>from</c>, or the steps of <c>schedule</c>, dates resolved where entry into force is known.</summary>
        private ImmutableArray<CeilingStep> BuildSchedule(JObject limit, LocalDate? entryIntoForce)
        {
            var forms = CeilingForms.Where(f => limit[f] is not null).ToList();
            if (forms.Count != 1)
            {
                problems.Add(document.At(limit, forms.Count == 0
                    ? "a limit gives its ceiling: add 'max', 'freeze' or 'schedule'"
                    : $"give one of 'max', 'freeze' or 'schedule', not {string.Join(" and ", forms)}"));
                return [new CeilingStep(TreatyDate.On(default), 0, null)];
            }

            if (limit["schedule"] is JArray steps)
            {
                if (limit["from"] is { } from)
                {
                    problems.Add(document.At(from, "a schedule gives each step's date: move 'from' into the steps"));
                }

                var built = steps.OfType<JObject>().Select(step => Step(step, entryIntoForce)).ToImmutableArray();
                CheckStepOrder(steps.OfType<JObject>().ToList(), built);
                return built;
            }

            if (limit["from"] is null)
            {
                problems.Add(document.At(limit, "a limit says when it takes effect: add 'from', a date or {after_entry_into_force: P7Y}"));
                return [new CeilingStep(TreatyDate.On(default), 0, null)];
            }

            return [Step(limit, entryIntoForce)];
        }

        private CeilingStep Step(JObject step, LocalDate? entryIntoForce)
        {
            var from = TreatyDateOf(step["from"], entryIntoForce);
            if (step["freeze"] is JObject freeze)
            {
                var asOf = freeze["as_of"] is { } token ? TreatyDateOf(token, entryIntoForce) : from;
                return new CeilingStep(from, null, new Freeze(asOf));
            }

            return new CeilingStep(from, step["max"]?.Value<long>() ?? 0, null);
        }

        /// <summary>A date, or <c>{after_entry_into_force: PERIOD}</c>, resolved when entry into force is known.</summary>
        private TreatyDate TreatyDateOf(JToken? token, LocalDate? entryIntoForce)
        {
            if (token is JObject relative)
            {
                var period = OptPeriod(relative, "after_entry_into_force") ?? Period.Zero;
                var date = TreatyDate.After(period);
                return entryIntoForce is { } entry ? date.Resolve(entry) : date;
            }

            var result = token is null ? null : LocalDatePattern.Iso.Parse(token.Value<string>()!);
            if (result is not { Success: true })
            {
                if (token is not null)
                {
                    problems.Add(document.At(token, $"'{token}' is not a calendar date"));
                }

                return TreatyDate.On(default);
            }

            if (!SupportedDates.Contains(result.Value))
            {
                problems.Add(document.At(token!, SupportedDates.OutOfRange(result.Value)));
                return TreatyDate.On(default);
            }

            return TreatyDate.On(result.Value);
        }

        private void CheckStepOrder(List<JObject> json, ImmutableArray<CeilingStep> steps)
        {
            // Relative steps of a draft without entry into force are ordered by their periods from any one date.
            var reference = new LocalDate(2000, 1, 1);
            var relative = steps.Any(s => s.From is { IsResolved: false });
            if (relative && steps.Any(s => s.From is { IsRelative: false }))
            {
                problems.Add(document.At(json[0]["from"]!, "the steps mix calendar dates and dates after entry into force: their order is unknown until entry into force; give them all in one form"));
                return;
            }

            for (var i = 1; i < steps.Length; i++)
            {
                var previous = steps[i - 1].From.Date ?? reference.Plus(steps[i - 1].From.AfterEntryIntoForce!);
                var current = steps[i].From.Date ?? reference.Plus(steps[i].From.AfterEntryIntoForce!);
                if (current <= previous)
                {
                    problems.Add(document.At(json[i]["from"]!, $"steps out of order: step {i + 1} from {steps[i].From} does not come after step {i} from {steps[i - 1].From}"));
                }
            }
        }

        private CountingRule BuildRule(JArray terms) => new([.. terms.OfType<JObject>().Select(BuildTerm)]);

        private CountingTerm BuildTerm(JObject term)
        {
            var conditions = ((JObject)term["where"]!).Properties().Select(property =>
            {
                var negated = property.Value is JObject;
                var valuesToken = (JArray)(negated ? property.Value["not"]! : property.Value);
                var values = valuesToken.Select(v => v.Value<string>()!).ToImmutableArray();
                if (property.Name == "role")
                {
                    // A condition on roles is one on the statuses that play them, so a draft's own words count.
                    return new Condition("status", RoleStatuses(valuesToken), negated);
                }

                CheckCondition(property.Name, valuesToken, property.Value);
                return new Condition(property.Name, values, negated);
            }).ToImmutableArray();

            var weightToken = term["weight"]!;
            Weight weight;
            if (weightToken.Type == JTokenType.Integer)
            {
                weight = Weight.Constant(weightToken.Value<long>());
            }
            else if (Str(weightToken, "attribute") is { } attribute)
            {
                if (attribute != "warheads" && !_attributes.ContainsKey(attribute))
                {
                    problems.Add(document.At(weightToken["attribute"]!, $"unknown attribute '{attribute}': weigh by 'warheads' or an attribute defined under attributes"));
                }

                weight = Weight.FromAttribute(attribute);
            }
            else
            {
                var by = Str(weightToken, "by")!;
                if (!BuiltInFilterAttributes.Contains(by) && !_attributes.ContainsKey(by))
                {
                    problems.Add(document.At(weightToken["by"]!, $"unknown attribute '{by}'"));
                }

                var table = ((JObject)weightToken["values"]!).Properties().ToImmutableDictionary(p => p.Name, p => p.Value.Value<long>(), StringComparer.Ordinal);
                weight = Weight.Lookup(by, table, weightToken["default"]?.Value<long>() ?? 0);
            }

            var maxItems = term["max_items"]?.Value<int>();
            return new CountingTerm(conditions, weight, maxItems, Str(term, "text"));
        }

        private ImmutableArray<string> RoleStatuses(JArray roles)
        {
            var statuses = ImmutableArray.CreateBuilder<string>();
            foreach (var token in roles)
            {
                var role = token.Value<string>()!;
                if (!StatusRole.All.Contains(role))
                {
                    problems.Add(document.At(token, $"unknown role '{role}': expected one of {string.Join(", ", StatusRole.All)}"));
                    continue;
                }

                var playing = _roles.Where(r => r.Value == role).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
                if (playing.Count == 0)
                {
                    problems.Add(document.At(token, $"no status plays the role '{role}': give one under statuses 'role: {role}'"));
                }

                statuses.AddRange(playing);
            }

            return statuses.ToImmutable();
        }

        private void CheckCondition(string attribute, JArray values, JToken at)
        {
            ImmutableHashSet<string>? allowed = attribute switch
            {
                "kind" => _kinds,
                "status" => _statuses,
                "party" => _parties,
                _ => null,
            };
            if (allowed is null && !BuiltInFilterAttributes.Contains(attribute))
            {
                if (!_attributes.TryGetValue(attribute, out var definition))
                {
                    problems.Add(document.At(at, $"unknown attribute '{attribute}': filter on kind, type, status, party, location or an attribute defined under attributes"));
                    return;
                }

                allowed = definition.Values.IsEmpty ? null : [.. definition.Values];
            }

            if (allowed is null)
            {
                return;
            }

            foreach (var value in values)
            {
                var text = value.Value<string>()!;
                if (!allowed.Contains(text))
                {
                    problems.Add(document.At(value, $"unknown {attribute} '{text}': expected one of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}"));
                }
            }
        }

        private InspectionRegime BuildInspections()
        {
            if (_root["inspections"] is not JObject inspections)
            {
                return InspectionRegime.None;
            }

            var quotas = Array("quotas", inspections).Select(q =>
            {
                var from = q["from_year"]?.Value<int>();
                var until = q["until_year"]?.Value<int>();
                if (from is { } f && until is { } u && u < f)
                {
                    problems.Add(document.At(q["until_year"]!, $"until_year {u} is before from_year {f}"));
                }

                CheckSource(q);
                return new InspectionQuota(Str(q, "type")!, Str(q, "name") ?? Str(q, "type")!, q["per_year"]!.Value<int>(), from, until, Str(q, "source")) { Names = Names(q) };
            }).ToImmutableArray();
            return new InspectionRegime(OptDate(inspections, "from"), quotas);
        }

        private Interpretation BuildInterpretation(JObject interpretation, HashSet<string> limitIds)
        {
            var id = Str(interpretation, "id")!;
            if (id == Interpretation.AgreedId)
            {
                problems.Add(document.At(interpretation["id"]!, "'agreed' names the treaty's own rules and cannot be redefined"));
            }

            var overlays = Array("overlays", interpretation).Select(o =>
            {
                var limit = Str(o, "limit")!;
                if (!limitIds.Contains(limit))
                {
                    problems.Add(document.At(o["limit"]!, $"unknown limit '{limit}': the treaty's limits are {string.Join(", ", limitIds.Order(StringComparer.Ordinal))}"));
                }

                if (o["add"] is null && o["replace"] is null)
                {
                    problems.Add(document.At(o, "an overlay needs 'add' or 'replace' terms"));
                }

                return new RuleOverlay(limit, o["add"] is JArray add ? BuildRule(add) : null, o["replace"] is JArray replace ? BuildRule(replace) : null);
            }).ToImmutableArray();
            CheckSource(interpretation);
            return new Interpretation(id, Str(interpretation, "name")!, Str(interpretation, "text"), Str(interpretation, "source"), overlays);
        }

        private ImmutableArray<NotificationType> BuildNotifications()
        {
            var items = Array("notifications").ToList();
            Unique(items, "id");
            var ids = items.Select(n => Str(n, "id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return [.. items.Select(n => BuildNotification(n, ids))];
        }

        private NotificationType BuildNotification(JObject n, HashSet<string> ids)
        {
            var trigger = (JObject)n["trigger"]!;
            NotificationTrigger built;
            if (trigger["at"] is not null)
            {
                built = new AtEntryIntoForce();
            }
            else if (trigger["every"] is not null)
            {
                var first = Str(trigger, "first") == "calendar-year-after-entry-into-force"
                    ? PeriodStart.CalendarYearAfterEntryIntoForce
                    : PeriodStart.MonthAfterEntryIntoForce;
                var every = OptPeriod(trigger, "every") ?? Period.FromMonths(6);
                if (every.HasTimeComponent || SupportedDates.Min.Plus(every) <= SupportedDates.Min)
                {
                    // A period that does not advance the date would make the periods of the trigger endless.
                    problems.Add(document.At(trigger["every"]!, $"'{trigger["every"]}' does not advance the date: expected a period of a day or more, such as P6M"));
                    every = Period.FromMonths(6);
                }

                built = new EveryPeriod(every, first);
            }
            else if (trigger["item_events"] is JArray events)
            {
                built = new OnItemEvents([.. events.Select(e => e.Value<string>()!)]);
            }
            else if (Str(trigger, "activity") is { } activity)
            {
                built = new OnActivity(activity);
            }
            else
            {
                var received = Str(trigger, "received")!;
                if (!ids.Contains(received))
                {
                    problems.Add(document.At(trigger["received"]!, $"unknown notification '{received}': define it under notifications"));
                }

                built = new OnReceipt(received);
            }

            var deadline = (JObject)n["deadline"]!;
            var inAdvance = deadline["before"] is not null;
            var offset = OptDuration(deadline, inAdvance ? "before" : "after") ?? Period.Zero;
            var fields = Array("fields", n).Select(f => new NotificationField(
                Str(f, "name")!,
                Str(f, "type") switch
                {
                    "integer" => FieldType.WholeNumber,
                    "date" => FieldType.Date,
                    "date-time" => FieldType.DateTime,
                    "uid" => FieldType.Uid,
                    "party" => FieldType.Party,
                    "kind" => FieldType.Kind,
                    "status" => FieldType.Status,
                    "location" => FieldType.Location,
                    _ => FieldType.Text,
                },
                f["required"]?.Value<bool>() ?? false,
                Str(f, "text"))).ToImmutableArray();
            Unique(Array("fields", n), "name");

            var templates = ImmutableDictionary<string, string>.Empty;
            if (n["render"] is JObject render)
            {
                foreach (var property in render.Properties())
                {
                    var template = property.Value.Value<string>()!;
                    foreach (var placeholder in TemplatePlaceholders(template))
                    {
                        if (!fields.Any(f => f.Name == placeholder))
                        {
                            problems.Add(document.At(property.Value, $"placeholder {{{placeholder}}} names no field of '{Str(n, "id")}'"));
                        }
                    }

                    templates = templates.Add(property.Name, template);
                    if (property.Name != "en")
                    {
                        Named(property.Name, property);
                    }
                }
            }

            CheckSource(n);
            return new NotificationType(
                Str(n, "id")!,
                Str(n, "reference")!,
                Str(n, "name")!,
                Str(n, "text"),
                Str(n, "source"),
                n["confirmed"]?.Value<bool>() ?? true,
                built,
                new NotificationDeadline(offset, inAdvance),
                fields,
                templates)
            {
                Names = Names(n),
            };
        }

        private static IEnumerable<string> TemplatePlaceholders(string template)
        {
            for (var start = template.IndexOf('{', StringComparison.Ordinal); start >= 0; start = template.IndexOf('{', start + 1))
            {
                var end = template.IndexOf('}', start);
                if (end > start)
                {
                    yield return template[(start + 1)..end];
                }
            }
        }

        private Period? OptDuration(JToken? owner, string name) =>
            Optional(owner, name, PeriodPattern.NormalizingIso, "a period such as P5D or PT24H") is (true, var period) ? period : null;

        private void CheckSource(JObject owner)
        {
            if (Str(owner, "source") is { } source && !_sources.Contains(source))
            {
                problems.Add(document.At(owner["source"]!, $"unknown source '{source}': list it under sources"));
            }
        }

        private LocalDate? OptDate(JToken? owner, string name) =>
            Optional(owner, name, LocalDatePattern.Iso, "a calendar date") is (true, var date) ? date : null;

        private Period? OptPeriod(JToken? owner, string name) =>
            Optional(owner, name, PeriodPattern.Roundtrip, "a period such as P10Y") is (true, var period) ? period : null;

        private (bool Found, T Value) Optional<T>(JToken? owner, string name, IPattern<T> pattern, string expected)
        {
            if (owner?[name] is not { } token || token.Type == JTokenType.Null)
            {
                return (false, default!);
            }

            var result = pattern.Parse(token.Value<string>()!);
            if (!result.Success)
            {
                problems.Add(document.At(token, $"'{token}' is not {expected}"));
                return (false, default!);
            }

            var outside = result.Value switch
            {
                LocalDate date when !SupportedDates.Contains(date) => SupportedDates.OutOfRange(date),
                Period period when !SupportedDates.Spans(period) => SupportedDates.TooLong(period),
                _ => null,
            };
            if (outside is not null)
            {
                problems.Add(document.At(token, outside));
                return (false, default!);
            }

            return (true, result.Value);
        }
    }
}
