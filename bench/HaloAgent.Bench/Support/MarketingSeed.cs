namespace HaloAgent.Bench;

/// <summary>
/// Contacts, orders and order items of the demo business written straight into PostgreSQL with <c>generate_series</c>
/// (the server's own tables and stored values: statuses as snake_case text, times as Unix ms). Every attribute comes
/// from <c>hashtext</c> of the row number, so a run is reproducible and the attributes are independent of each other.
/// </summary>
public static class MarketingSeed
{
    public const string SegmentPrefix = "bench-c";
    public const string BroadcastPrefix = "bench-b";
    public const string BroadcastTag = "bench";

    /// <summary>Statuses that count as bought (ContactRules.Bought), as stored.</summary>
    public const string BoughtStatuses = "('paid', 'preparing', 'ready_for_pickup', 'out_for_delivery', 'completed')";

    private const long Day = 86_400_000;

    /// <summary>A uniform bucket 0..99 of <c>hashtext(salt || g)</c>.</summary>
    private static string H(string salt) => $"(abs(hashtext('{salt}' || g)::bigint) % 100)::int";

    /// <summary>A uniform fraction [0, 1) of <c>hashtext(salt || g)</c>.</summary>
    private static string U(string salt) => $"((hashtext('{salt}' || g)::bigint + 2147483648) / 4294967296.0)";

    /// <summary>
    /// <paramref name="count"/> contacts for the segment counts: language en 35% / pcm 25% / yo 15% / ig 10% / ha 10% /
    /// unknown 5%; WhatsApp 88%, Twilio 6%, web chat 6%; tags vip 6%, lekki 12%, abuja 8%, wholesale 4%; marketing
    /// consent 45%, opted out 4%; last message uniform over the last 90 days for 92% (none for the rest).
    /// </summary>
    public static Task<int> ContactsAsync(string cs, string businessId, int count, long now) =>
        BenchPostgres.ExecuteAsync(cs, $"""
            INSERT INTO contacts (id, business_id, wa_id, phone_e164, channel, name, preferred_language, data_consent, data_consent_at,
                                  marketing_consent, marketing_consent_at, marketing_opt_out, marketing_opt_out_at, loyalty_points, order_count,
                                  tags, note, last_inbound_at, agent_paused, agent_paused_at, sandbox, created_at, updated_at)
            SELECT '{SegmentPrefix}' || lpad(g::text, 7, '0'), @business,
                   CASE WHEN {H("ch")} >= 94 THEN 'wc-' || md5(g::text) ELSE (2348000000000 + g)::text END,
                   CASE WHEN {H("ch")} >= 94 THEN NULL ELSE '+' || (2348000000000 + g)::text END,
                   CASE WHEN {H("ch")} < 88 THEN 'whatsapp' WHEN {H("ch")} < 94 THEN 'twilio' ELSE 'webchat' END,
                   (ARRAY['Adaeze','Bola','Chinedu','Danjuma','Efe','Funke','Garba','Halima','Ifeoma','Kunle','Ngozi','Tunde'])[1 + {H("nm")} % 12]
                       || ' ' || (ARRAY['Okafor','Adeyemi','Bello','Eze','Ibrahim','Ogunleye','Nwosu','Musa'])[1 + {H("sn")} % 8],
                   CASE WHEN {H("la")} < 35 THEN 'en' WHEN {H("la")} < 60 THEN 'pcm' WHEN {H("la")} < 75 THEN 'yo'
                        WHEN {H("la")} < 85 THEN 'ig' WHEN {H("la")} < 95 THEN 'ha' END,
                   true, @now - {365 * Day},
                   {H("mc")} < 45, CASE WHEN {H("mc")} < 45 THEN @now - {200 * Day} END,
                   {H("oo")} < 4, CASE WHEN {H("oo")} < 4 THEN @now - {20 * Day} END,
                   {H("lp")}, 0,
                   coalesce('|' || nullif(concat_ws('|', CASE WHEN {H("vip")} < 6 THEN 'vip' END, CASE WHEN {H("lk")} < 12 THEN 'lekki' END,
                                                        CASE WHEN {H("ab")} < 8 THEN 'abuja' END, CASE WHEN {H("ws")} < 4 THEN 'wholesale' END), '') || '|', ''),
                   '',
                   CASE WHEN {H("li")} < 92 THEN @now - (({U("lt")}) * {90 * Day})::bigint END,
                   false, NULL, false, @now - {365 * Day}, @now
            FROM generate_series(1, @count) g
            """, 0, ("business", businessId), ("count", count), ("now", now));

    /// <summary>
    /// Orders for 35% of the <paramref name="count"/> contacts (1–4 each; 3% of contacts are regulars with 5–14), over the
    /// last year: completed 62%, paid 10%, preparing 4%, out for delivery 3%, ready for pickup 1%, awaiting payment 11%,
    /// cancelled 9%; 1–3 lines each of the business's products (popular ones more often), totals from the lines.
    /// </summary>
    public static async Task<(int Orders, int Items)> OrdersAsync(string cs, string businessId, int count, long now)
    {
        var orders = await BenchPostgres.ExecuteAsync(cs, $"""
            INSERT INTO orders (id, business_id, contact_id, number, status, fulfilment, delivery_zone, delivery_address, subtotal_kobo,
                                delivery_fee_kobo, total_kobo, note, idempotency_key, version, created_at, updated_at)
            SELECT 'bench-o' || g || '-' || n, @business, '{SegmentPrefix}' || lpad(g::text, 7, '0'), 'BN-' || g || '-' || n,
                   CASE WHEN s < 62 THEN 'completed' WHEN s < 72 THEN 'paid' WHEN s < 76 THEN 'preparing' WHEN s < 79 THEN 'out_for_delivery'
                        WHEN s < 80 THEN 'ready_for_pickup' WHEN s < 91 THEN 'pending_payment' ELSE 'cancelled' END,
                   CASE WHEN s % 5 < 3 THEN 'delivery' ELSE 'pickup' END,
                   CASE WHEN s % 5 < 3 THEN 'Lekki' END, CASE WHEN s % 5 < 3 THEN 'Admiralty Way' END,
                   0, CASE WHEN s % 5 < 3 THEN 150000 ELSE 0 END, 0, NULL, NULL, 1, created, created
            FROM (SELECT g, n, abs(hashtext('os' || g || '-' || n)::bigint) % 100 AS s,
                         @now - ((hashtext('ot' || g || '-' || n)::bigint + 2147483648) / 4294967296.0 * {365 * Day})::bigint AS created
                  FROM generate_series(1, @count) g
                  CROSS JOIN LATERAL generate_series(1, CASE WHEN {H("by")} < 3 THEN 5 + {H("bn")} % 10
                                                             WHEN {H("by")} < 35 THEN 1 + {H("bn")} % 4 ELSE 0 END) n) o
            """, 0, ("business", businessId), ("count", count), ("now", now));
        var items = await BenchPostgres.ExecuteAsync(cs, """
            WITH p AS (SELECT row_number() OVER (ORDER BY position, id) AS k, id, sku, names, price_kobo
                       FROM products WHERE business_id = @business),
                 pc AS (SELECT count(*) AS n FROM p)
            INSERT INTO order_items (order_id, line, product_id, sku, names, unit_price_kobo, quantity, line_total_kobo)
            SELECT o.id, l, p.id, p.sku, p.names, p.price_kobo, q, p.price_kobo * q
            FROM orders o
            CROSS JOIN LATERAL generate_series(1, 1 + abs(hashtext('ol' || o.id)::bigint) % 3) l
            CROSS JOIN LATERAL (SELECT 1 + abs(hashtext('oq' || o.id || l)::bigint) % 3 AS q,
                                       1 + floor((SELECT n FROM pc) * power((hashtext('op' || o.id || l)::bigint + 2147483648) / 4294967296.0, 2))::bigint AS k) pick
            JOIN p ON p.k = pick.k
            WHERE o.id LIKE 'bench-o%'
            """, 0, ("business", businessId));
        await BenchPostgres.ExecuteAsync(cs, $"""
            UPDATE orders o SET subtotal_kobo = s.total, total_kobo = s.total + o.delivery_fee_kobo
            FROM (SELECT order_id, sum(line_total_kobo) AS total FROM order_items WHERE order_id LIKE 'bench-o%' GROUP BY order_id) s
            WHERE o.id = s.order_id;
            UPDATE contacts c SET order_count = b.n
            FROM (SELECT contact_id, count(*) AS n FROM orders WHERE id LIKE 'bench-o%' AND status IN {BoughtStatuses} GROUP BY contact_id) b
            WHERE c.id = b.contact_id;
            """);
        return (orders, items);
    }

    /// <summary>
    /// <paramref name="count"/> WhatsApp customers who agreed to marketing, tagged <see cref="BroadcastTag"/>, in the five
    /// languages (the template is English only: the fallback covers the rest), last message 2–60 days ago (window closed).
    /// </summary>
    public static Task<int> BroadcastContactsAsync(string cs, string businessId, int count, long now) =>
        BenchPostgres.ExecuteAsync(cs, $"""
            INSERT INTO contacts (id, business_id, wa_id, phone_e164, channel, name, preferred_language, data_consent, data_consent_at,
                                  marketing_consent, marketing_consent_at, marketing_opt_out, loyalty_points, order_count,
                                  tags, note, last_inbound_at, agent_paused, sandbox, created_at, updated_at)
            SELECT '{BroadcastPrefix}' || lpad(g::text, 7, '0'), @business, (2347700000000 + g)::text, '+' || (2347700000000 + g)::text,
                   'whatsapp', (ARRAY['Amaka','Bayo','Chioma','Dayo','Emeka','Fatima','Gbenga','Hauwa'])[1 + {H("bnm")} % 8],
                   (ARRAY['en','pcm','yo','ig','ha'])[1 + {H("bla")} % 5], true, @now - {100 * Day},
                   true, @now - {100 * Day}, false, 0, 0, '|{BroadcastTag}|', '',
                   @now - {2 * Day} - (({U("blt")}) * {58 * Day})::bigint, false, false, @now - {100 * Day}, @now
            FROM generate_series(1, @count) g
            """, 0, ("business", businessId), ("count", count), ("now", now));
}
