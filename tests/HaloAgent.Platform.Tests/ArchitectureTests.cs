using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using HaloAgent.Platform.Money;
using HaloAgent.Platform.Workers;
using NetArchTest.Rules;

namespace HaloAgent.Platform.Tests;

/// <summary>
/// The dependency rules of docs/architecture.md. Rules that do not hold yet (issue 11's later stages) list today's
/// exceptions: a new violation fails, and so does a listed exception that no longer exists, so the lists only shrink.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Platform = typeof(Naira).Assembly;
    private static readonly Assembly Engine = typeof(global::HaloAgent.Engine.Definitions.FlowJson).Assembly;
    private static readonly Assembly EngineRuntime = typeof(global::HaloAgent.Engine.Runtime.Persistence.EngineDbContext).Assembly;
    private static readonly Assembly Commerce = typeof(global::HaloAgent.Commerce.Persistence.CommerceDbContext).Assembly;
    private static readonly Assembly Content = typeof(global::HaloAgent.Content.MessageTemplates).Assembly;
    private static readonly Assembly AI = typeof(global::HaloAgent.AI.RuleBasedUnderstanding).Assembly;
    private static readonly Assembly Payments = typeof(global::HaloAgent.Payments.Receipts.ReceiptMatcher).Assembly;
    private static readonly Assembly Channels = typeof(global::HaloAgent.Channels.Persistence.ChannelsDbContext).Assembly;
    private static readonly Assembly Agent = typeof(global::HaloAgent.Agent.Activities.Payments.PaymentTemplateData).Assembly;
    private static readonly Assembly Server = typeof(global::HaloAgent.Server.Auth.AuthDbContext).Assembly;

    private static readonly Assembly[] AllButPlatform = [Engine, EngineRuntime, Commerce, Content, AI, Payments, Channels, Agent, Server];

    [Fact]
    public void Only_the_kernel_formats_money_or_keeps_the_language_list_or_names_in_snake_case()
    {
        var copies = Types.InAssemblies(AllButPlatform)
            .That().HaveNameMatching(@"^(Naira|NairaFormat\w*|\w*MoneyFormat\w*|Languages|LanguageCodes|\w*SnakeCase\w*)$")
            .GetTypes().Select(t => t.FullName).ToList();

        copies.ShouldBeEmpty("money formatting, the five languages and snake_case live in HaloAgent.Platform");
    }

    [Fact]
    public void No_source_outside_the_kernel_keeps_its_own_copy()
    {
        // What a type-name rule cannot see: a hand-kept list of the language codes, or the framework's snake_case
        // policy (a second rule for stored and wire names).
        var offenders = SourceFilesOutsideThePlatform()
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("\"pcm\"", StringComparison.Ordinal) || text.Contains("JsonNamingPolicy.SnakeCase", StringComparison.Ordinal)))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_kernel_defines_a_wake_signal_or_a_worker_loop()
    {
        Types.InAssemblies(AllButPlatform)
            .That().HaveNameMatching(@"WorkerLoop|WorkPulse|WakeSignal|Semaphore")
            .GetTypes().Select(t => t.FullName).ShouldBeEmpty();

        // Nothing else has a wake signal's shape (Notify + WaitAsync); each worker kind has its own instance through
        // a subclass of the one type, which adds nothing to it.
        const BindingFlags declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var types = AllButPlatform.SelectMany(a => a.GetTypes()).ToList();
        types.Where(t => t.GetMethods(declared).Any(m => m.Name == "Notify") && t.GetMethods(declared).Any(m => m.Name == "WaitAsync"))
            .Select(t => t.FullName).ShouldBeEmpty();

        var subclasses = types.Where(t => t.IsSubclassOf(typeof(WakeSignal))).ToList();
        subclasses.Select(t => t.Name).ShouldBe(["WorkSignal", "InboxSignal", "OutboxSignal"], ignoreOrder: true);
        foreach (var signal in subclasses)
        {
            signal.GetMembers(declared).Where(m => m is not ConstructorInfo).Select(m => m.Name).ShouldBeEmpty(signal.FullName);
        }
    }

    [Fact]
    public void The_kernel_depends_on_no_HaloAgent_project()
    {
        Platform.GetReferencedAssemblies().Select(a => a.Name).Where(n => n!.StartsWith("HaloAgent.", StringComparison.Ordinal)).ShouldBeEmpty();
        Types.InAssembly(Platform).ShouldNot()
            .HaveDependencyOnAny(AllButPlatform.Select(a => a.GetName().Name!).ToArray())
            .GetResult().FailingTypeNames.ShouldBeNull();
    }

    [Fact]
    public void Channels_and_Payments_do_not_reach_into_commerce_persistence()
    {
        foreach (var assembly in new[] { Channels, Payments })
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn("HaloAgent.Commerce.Persistence").GetResult();
            result.FailingTypeNames.ShouldBeNull(assembly.GetName().Name);
        }
    }

    /// <summary>
    /// Modules do not reach into each other's persistence (their DbContext and records); the Server holds no domain
    /// code. Today's exceptions, to be moved into their modules by issue 11's later stages:
    /// </summary>
    private static readonly string[] PersistenceExceptions =
    [
        // Server/Dashboard is a second domain layer that opens CommerceDbContext directly (stages: Contacts,
        // Conversations, Orders and the dashboard endpoints moving to their modules).
        "HaloAgent.Server.Dashboard.ContactErasure -> HaloAgent.Commerce.Persistence",
        "HaloAgent.Server.Dashboard.ContactExporter -> HaloAgent.Commerce.Persistence",
        "HaloAgent.Server.Dashboard.ContactImporter -> HaloAgent.Commerce.Persistence",
        "HaloAgent.Server.Dashboard.ContactQueries -> HaloAgent.Commerce.Persistence",
        "HaloAgent.Server.Dashboard.ConversationQueries -> HaloAgent.Commerce.Persistence",
        "HaloAgent.Server.Dashboard.ConversationsApi -> HaloAgent.Commerce.Persistence",
        "HaloAgent.Server.Dashboard.DashboardChangeFeed -> HaloAgent.Commerce.Persistence",
        "HaloAgent.Server.Dashboard.OrderProjection -> HaloAgent.Commerce.Persistence",
        "HaloAgent.Server.Dashboard.SalesQueries -> HaloAgent.Commerce.Persistence",
        // The one wiring file registers and migrates every module's DbContext (until each module has its own
        // Add…/Map… and migrator helper from the kernel).
        "HaloAgent.Server.Extensions -> HaloAgent.Channels.Persistence",
        "HaloAgent.Server.Extensions -> HaloAgent.Commerce.Persistence",
    ];

    [Fact]
    public void Modules_do_not_reach_into_another_module_s_persistence()
    {
        var owners = new Dictionary<string, Assembly>
        {
            ["HaloAgent.Commerce.Persistence"] = Commerce,
            ["HaloAgent.Channels.Persistence"] = Channels,
        };

        var violations = new List<string>();
        foreach (var (persistence, owner) in owners)
        {
            foreach (var assembly in AllButPlatform.Where(a => a != owner))
            {
                var failing = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn(persistence).GetResult().FailingTypeNames ?? [];
                violations.AddRange(failing.Select(TopLevel).Distinct().Select(t => $"{t} -> {persistence}"));
            }
        }

        violations = violations.Distinct().Order(StringComparer.Ordinal).ToList();
        violations.Except(PersistenceExceptions).ShouldBeEmpty("a new reach into another module's persistence");
        PersistenceExceptions.Except(violations).ShouldBeEmpty("this exception is gone: remove it from the list");
    }

    /// <summary>Nested and compiler-generated types (lambdas, async state machines) count as the type that declares them.</summary>
    private static string TopLevel(string name) => Regex.Replace(name, @"[+/].*$", "");

    private static IEnumerable<string> SourceFilesOutsideThePlatform([CallerFilePath] string here = "")
    {
        var src = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "src"));
        return Directory.EnumerateDirectories(src, "HaloAgent.*")
            .Where(d => Path.GetFileName(d) is not ("HaloAgent.Platform" or "HaloAgent.Studio"))
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }
}
