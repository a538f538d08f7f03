namespace HaloAgent.Server.Audit;

/// <summary>The actions the audit log records. <c>GET /api/audit?action=payment</c> reads a whole family.</summary>
public static class AuditActions
{
    public const string OrderStatus = "order.status";
    public const string PaymentApprove = "payment.approve";
    public const string PaymentReject = "payment.reject";
    public const string PaymentSettings = "payment.settings";
    public const string ShopSettings = "shop.settings";
    public const string ConversationTakeOver = "conversation.takeover";
    public const string ConversationRelease = "conversation.release";
    public const string ConversationReply = "conversation.reply";
    public const string ContactExport = "contact.export";
    public const string ContactErase = "contact.erase";
    public const string ContactImport = "contact.import";
    public const string ContactEdit = "contact.edit";
    public const string ContactForgetFact = "contact.forget-fact";
    public const string CatalogAdd = "catalog.add";
    public const string CatalogEdit = "catalog.edit";
    public const string CatalogCategory = "catalog.category";
    public const string CatalogPhoto = "catalog.photo";
    public const string UserAdd = "user.add";
    public const string UserRole = "user.role";
    public const string UserRemove = "user.remove";
    public const string UserPassword = "user.password";
    public const string SignIn = "auth.signin";
    public const string SignOut = "auth.signout";
    public const string SignOutEverywhere = "auth.signout-everywhere";
}
