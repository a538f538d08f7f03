import { useState } from 'react';
import { errorMessage, problemFields } from '../../api/http';
import { koboFromNaira, naira } from '../../api/money';
import { shopApi, type PaymentSettings, type ShopSettings } from '../../api/shop';
import { FieldErrors } from '../../components/FieldErrors';
import { OwnerOnly } from '../admin';
import { Guard, useLoad } from '../load';
import { HoursEditor, ZonesEditor, zoneDrafts, type ZoneDraft } from './editors';
import './settings.css';

type Errors = Record<string, string[]>;

/** Route /settings: the shop as customers meet it, and how they may pay. The owner's alone (bank account, auto-confirm). */
export function SettingsPage() {
  return <OwnerOnly title="Shop settings"><Settings /></OwnerOnly>;
}

function Settings() {
  const [shop, reloadShop] = useLoad(() => shopApi.get(), []);
  const [payments, reloadPayments] = useLoad(() => shopApi.payments(), []);
  return (
    <div className="page settings-page">
      <div className="page-head"><h1>Shop settings</h1></div>
      <Guard load={shop} endpoint="GET /api/shop" reload={reloadShop}>{(initial) => <ShopForm initial={initial} />}</Guard>
      <Guard load={payments} endpoint="GET /api/payments/settings" reload={reloadPayments}>{(initial) => <PaymentsForm initial={initial} />}</Guard>
    </div>
  );
}

function ShopForm({ initial }: { initial: ShopSettings }) {
  const [shop, setShop] = useState(initial);
  const [zones, setZones] = useState<ZoneDraft[]>(() => zoneDrafts(initial.deliveryZones));
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const bank = shop.bank ?? { bankName: '', accountNumber: '', accountName: '' };
  const edit = (next: Partial<ShopSettings>) => { setSaved(false); setShop({ ...shop, ...next }); };

  const save = async () => {
    // Fees are typed in naira and stored in kobo; one the browser cannot read is named here, before the server.
    const local: Errors = {};
    const deliveryZones = zones.map((z, i) => {
      const kobo = koboFromNaira(z.fee);
      if (kobo === null) local[`deliveryZones[${i}].feeKobo`] = ['Write the fee in naira, e.g. 1500.'];
      return { name: z.name, feeKobo: kobo ?? -1 };
    });
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const bankOrNull = bank.bankName || bank.accountNumber || bank.accountName ? bank : null;
      const result = await shopApi.save({ ...shop, bank: bankOrNull, deliveryZones });
      setShop(result);
      setZones(zoneDrafts(result.deliveryZones));
      setSaved(true);
    } catch (e) {
      setErrors(problemFields(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card settings-form" aria-label="Shop" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2>Your shop</h2>
      <label>Shop name<input value={shop.name} maxLength={80} onChange={(e) => edit({ name: e.target.value })} /></label>
      <FieldErrors errors={errors} field="name" />
      <label>Pickup address
        <textarea rows={2} maxLength={300} value={shop.pickupAddress ?? ''} placeholder="Where pickup customers collect their order"
          onChange={(e) => edit({ pickupAddress: e.target.value })} />
      </label>
      <FieldErrors errors={errors} field="pickupAddress" />

      <h3>Opening hours</h3>
      <p className="hint">Orders outside these hours are taken for the next opening. Lagos time.</p>
      <HoursEditor hours={shop.openingHours} onChange={(openingHours) => edit({ openingHours })} errors={errors} />

      <h3>Delivery zones</h3>
      <p className="hint">Customers pick one of these areas; its fee is added to the order. An area not listed is refused politely.</p>
      <ZonesEditor zones={zones} onChange={(z) => { setSaved(false); setZones(z); }} errors={errors} />

      <h3>Bank account for transfers</h3>
      <div className="settings-row">
        <label>Bank<input value={bank.bankName} onChange={(e) => edit({ bank: { ...bank, bankName: e.target.value } })} /></label>
        <label>Account number<input inputMode="numeric" value={bank.accountNumber} onChange={(e) => edit({ bank: { ...bank, accountNumber: e.target.value } })} /></label>
        <label>Account name<input value={bank.accountName} onChange={(e) => edit({ bank: { ...bank, accountName: e.target.value } })} /></label>
      </div>
      <FieldErrors errors={errors} field="bank.bankName" />
      <FieldErrors errors={errors} field="bank.accountNumber" />
      <FieldErrors errors={errors} field="bank.accountName" />

      <h3>Template language</h3>
      <label>Approved templates for Pidgin, Yoruba and Igbo customers
        <select value={shop.templateLanguageFallback} onChange={(e) => edit({ templateLanguageFallback: e.target.value })}>
          <option value="en">English</option>
          <option value="ha">Hausa</option>
        </select>
      </label>
      <FieldErrors errors={errors} field="templateLanguageFallback" />

      {errors[''] && <div role="alert" className="banner error">{errors[''].join(' ')}</div>}
      {Object.keys(errors).length > 0 && !errors[''] && <div role="alert" className="banner error">Nothing was saved: fix the fields marked above.</div>}
      {saved && <div role="status" className="banner success">Saved. Customers get the new details from their next message.</div>}
      <div className="settings-actions"><button type="submit" className="primary" disabled={busy}>Save shop settings</button></div>
    </form>
  );
}

function PaymentsForm({ initial }: { initial: PaymentSettings }) {
  const [settings, setSettings] = useState(initial);
  const [limit, setLimit] = useState(String(initial.autoConfirmMaxKobo / 100));
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const edit = (next: Partial<PaymentSettings>) => { setMessage(null); setSettings({ ...settings, ...next }); };
  const save = async () => {
    const kobo = koboFromNaira(limit);
    if (kobo === null) { setMessage({ kind: 'error', text: 'Write the auto-confirm limit in naira, e.g. 20000.' }); return; }
    try {
      const saved = await shopApi.savePayments({ ...settings, autoConfirmMaxKobo: kobo });
      setSettings(saved);
      setMessage({ kind: 'success', text: `Saved. Receipts up to ${naira(saved.autoConfirmMaxKobo)} ${saved.autoConfirmReceipts ? 'that match well are confirmed without you' : 'all wait for you'}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };
  return (
    <form className="card settings-form" aria-label="Payments" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2>Payments</h2>
      <fieldset className="settings-checks">
        <legend>Customers may pay by</legend>
        <label className="check"><input type="checkbox" checked={settings.bankTransfer} onChange={(e) => edit({ bankTransfer: e.target.checked })} />Bank transfer</label>
        <label className="check"><input type="checkbox" checked={settings.payOnDelivery} onChange={(e) => edit({ payOnDelivery: e.target.checked })} />Pay on delivery</label>
        <label className="check"><input type="checkbox" checked={settings.paystack} onChange={(e) => edit({ paystack: e.target.checked })} />Card (Paystack)</label>
      </fieldset>
      <label className="check"><input type="checkbox" checked={settings.autoConfirmReceipts} onChange={(e) => edit({ autoConfirmReceipts: e.target.checked })} />
        Confirm transfer receipts that clearly match without me</label>
      <label>Only up to (₦)<input inputMode="decimal" value={limit} disabled={!settings.autoConfirmReceipts} onChange={(e) => { setMessage(null); setLimit(e.target.value); }} /></label>
      {message && <div role={message.kind === 'error' ? 'alert' : 'status'} className={`banner ${message.kind}`}>{message.text}</div>}
      <div className="settings-actions"><button type="submit" className="primary">Save payment settings</button></div>
    </form>
  );
}

