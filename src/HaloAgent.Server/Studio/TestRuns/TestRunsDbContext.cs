using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>The Studio's test runs, in the shared database with their own migrations history.</summary>
public sealed class TestRunsDbContext(DbContextOptions<TestRunsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__studio_migrations";

    /// <summary>The runs not yet cleaned up (live, or ended with something left to delete): what the sweeper reads.</summary>
    internal const string UnfinishedIndex = "ix_studio_test_runs_unfinished";

    public DbSet<TestRunRecord> TestRuns => Set<TestRunRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var run = model.Entity<TestRunRecord>();
        run.ToTable("studio_test_runs").HasKey(r => r.Id);
        run.HasIndex(r => r.ContactId);
        run.HasIndex(r => r.LastActiveAt).HasFilter("cleaned_at IS NULL").HasDatabaseName(UnfinishedIndex);
        SnakeCaseModel.Apply(model);
    }
}
