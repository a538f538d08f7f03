using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Commerce.Persistence;

/// <summary>
/// The commerce tables. Names are snake_case on every provider (a property's name with a "Json" suffix dropped), so
/// the hand-written migrations and SQL read the same everywhere.
/// </summary>
public sealed class CommerceDbContext(DbContextOptions<CommerceDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__commerce_migrations";

    public DbSet<Business> Businesses => Set<Business>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<ConversationMemoryRecord> ConversationMemory => Set<ConversationMemoryRecord>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductPhoto> ProductPhotos => Set<ProductPhoto>();

    public DbSet<Cart> Carts => Set<Cart>();

    public DbSet<CartItem> CartItems => Set<CartItem>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderItem> OrderItems => Set<OrderItem>();

    public DbSet<OrderStatusChange> OrderStatusChanges => Set<OrderStatusChange>();

    public DbSet<OrderCounter> OrderCounters => Set<OrderCounter>();


    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<ReceiptSubmission> ReceiptSubmissions => Set<ReceiptSubmission>();

    public DbSet<PaystackEventRecord> PaystackEvents => Set<PaystackEventRecord>();

    public DbSet<PaymentSettings> PaymentSettings => Set<PaymentSettings>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var business = model.Entity<Business>();
        business.ToTable("businesses").HasKey(b => b.Id);
        business.HasIndex(b => b.Slug).IsUnique();
        business.HasIndex(b => b.WhatsAppPhoneNumberId).IsUnique();

        var contact = model.Entity<Contact>();
        contact.ToTable("contacts").HasKey(c => c.Id);
        contact.HasIndex(c => new { c.BusinessId, c.WaId }).IsUnique();
        contact.HasOne<Business>().WithMany().HasForeignKey(c => c.BusinessId);

        var memory = model.Entity<ConversationMemoryRecord>();
        memory.ToTable("conversation_memory").HasKey(m => m.ContactId);
        memory.Property(m => m.Version).IsConcurrencyToken();
        memory.HasOne<Contact>().WithOne().HasForeignKey<ConversationMemoryRecord>(m => m.ContactId);

        var product = model.Entity<Product>();
        product.ToTable("products", t => t.HasCheckConstraint("ck_products_stock", "stock >= 0")).HasKey(p => p.Id);
        product.HasIndex(p => new { p.BusinessId, p.Sku }).IsUnique();
        product.HasOne<Business>().WithMany().HasForeignKey(p => p.BusinessId);

        var photo = model.Entity<ProductPhoto>();
        photo.ToTable("product_photos").HasKey(p => p.ProductId);
        photo.HasOne<Product>().WithOne().HasForeignKey<ProductPhoto>(p => p.ProductId);

        var cart = model.Entity<Cart>();
        cart.ToTable("carts").HasKey(c => c.Id);
        cart.HasIndex(c => c.ContactId).IsUnique();
        cart.HasIndex(c => new { c.BusinessId, c.UpdatedAt });
        cart.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId);

        var cartItem = model.Entity<CartItem>();
        cartItem.ToTable("cart_items").HasKey(i => new { i.CartId, i.ProductId });
        cartItem.HasOne<Cart>().WithMany().HasForeignKey(i => i.CartId);
        cartItem.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId);

        var order = model.Entity<Order>();
        order.ToTable("orders").HasKey(o => o.Id);
        order.HasIndex(o => new { o.BusinessId, o.Number }).IsUnique();
        order.HasIndex(o => new { o.BusinessId, o.IdempotencyKey }).IsUnique();
        order.HasIndex(o => new { o.ContactId, o.CreatedAt });
        order.HasIndex(o => new { o.BusinessId, o.Status });
        order.HasOne<Contact>().WithMany().HasForeignKey(o => o.ContactId);

        var orderItem = model.Entity<OrderItem>();
        orderItem.ToTable("order_items").HasKey(i => new { i.OrderId, i.Line });
        orderItem.HasIndex(i => new { i.ProductId, i.OrderId });
        orderItem.HasOne<Order>().WithMany().HasForeignKey(i => i.OrderId);

        var statusChange = model.Entity<OrderStatusChange>();
        statusChange.ToTable("order_status_history").HasKey(h => new { h.OrderId, h.Sequence });
        statusChange.HasOne<Order>().WithMany().HasForeignKey(h => h.OrderId);

        model.Entity<OrderCounter>().ToTable("order_counters").HasKey(c => c.BusinessId);

        var escalation = model.Entity<Escalation>();
        escalation.ToTable("escalations").HasKey(e => e.Id);
        escalation.HasIndex(e => e.ContactId).IsUnique().HasFilter("status = 'open'").HasDatabaseName("ix_escalations_open_contact_id");
        escalation.HasIndex(e => new { e.BusinessId, e.Status, e.OpenedAt });
        escalation.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId);

        PaymentsModel.Configure(model);

        SnakeCaseModel.Apply(model, Naming);
    }

    /// <summary>
    /// The commerce tables were created with WhatsApp as one word, a "Json" suffix left out of column names and enums
    /// stored as their snake_case names; the stored names depend on it.
    /// </summary>
    private static readonly SnakeCaseColumns Naming = new() { OneWord = ["WhatsApp"], DropSuffix = "Json", EnumsAsText = true };

    internal static string ColumnName(string propertyName) => SnakeCaseModel.ColumnName(propertyName, Naming);
}
