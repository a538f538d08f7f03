import { useState } from 'react';
import { type ContactDetail, contactsApi } from '../../api/contacts';
import { errorMessage } from '../../api/http';
import { naira } from '../../api/money';
import { isOwner, useRole } from '../../api/permissions';
import { formatDate } from '../../components/util';
import { Link, navigate } from '../../router';
import { Guard, useLoad } from '../load';
import { ContactConversation } from './ContactConversation';
import { EraseContact } from './EraseContact';
import { ContactProfile } from './ContactProfile';
import { channelName, consentLabel, shortDate, statusLabel } from './labels';
import './contacts.css';

function Consent({ contact: c }: { contact: ContactDetail }) {
  return (
    <section className="card" aria-labelledby="consent-h">
      <h2 id="consent-h">Marketing consent</h2>
      <p>
        <span className={`consent consent-${c.consent}`} data-testid="contact-consent">{consentLabel(c.consent)}</span>
        {c.consentChangedAt && <span className="hint"> since {shortDate(c.consentChangedAt)}</span>}
      </p>
      {c.consentHistory.length === 0
        ? <p className="hint">Never asked, never said STOP: broadcasts skip them until they opt in.</p>
        : (
          <ol className="consent-history">
            {c.consentHistory.map((h) => (
              <li key={`${h.kind}-${h.at}`}>
                <b>{h.kind === 'data' ? 'Data for orders' : consentLabel(h.kind)}</b> <span className="hint">{formatDate(h.at)}</span>
                <div className="hint">{h.how}</div>
              </li>
            ))}
          </ol>
        )}
    </section>
  );
}

function Orders({ contact: c }: { contact: ContactDetail }) {
  return (
    <section className="card" aria-labelledby="orders-h">
      <h2 id="orders-h">Orders <span className="hint">({c.orderCount})</span></h2>
      {c.orders.length === 0 ? <p className="hint">No orders yet.</p> : (
        <ul className="contact-orders">
          {c.orders.map((o) => (
            <li key={o.id} data-testid="contact-order">
              <div className="contact-order-head"><b className="mono">{o.number}</b> <span className={`status status-${o.status}`}>{statusLabel(o.status)}</span> <b>{naira(o.totalKobo)}</b></div>
              <div>{o.items}</div>
              <div className="hint">{formatDate(o.createdAt)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Facts({ contact, canForget, onForgotten }: { contact: ContactDetail; canForget: boolean; onForgotten: (key: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const forget = async (key: string) => {
    setError(null);
    try {
      await contactsApi.forgetFact(contact.id, key);
      onForgotten(key);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section className="card" aria-labelledby="facts-h">
      <h2 id="facts-h">What the agent remembers</h2>
      {error && <div className="banner error">{error}</div>}
      {contact.facts.length === 0 ? <p className="hint">Nothing yet.</p> : (
        <dl className="contact-facts">
          {contact.facts.map((f) => (
            <div key={f.key} data-testid="contact-fact">
              <dt>{f.key.replace(/_/g, ' ')}</dt>
              <dd>
                <span>{f.value}</span>
                {canForget && <button type="button" className="link danger" onClick={() => forget(f.key)} aria-label={`Forget ${f.key}`}>Forget</button>}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** Route /contacts/:id: one customer's profile, consent, orders, recent chat and what the agent remembers. */
export function ContactPage({ contactId }: { contactId: string }) {
  const [contact, reload, update] = useLoad(() => contactsApi.get(contactId), [contactId]);
  const role = useRole();
  const owner = role === undefined || isOwner(role);
  return (
    <div className="page contact-page">
      <p><Link to="/contacts">← Contacts</Link></p>
      <Guard load={contact} endpoint={`GET /api/contacts/${contactId}`} reload={reload}>
        {(c) => (
          <>
            <div className="page-head">
              <h1>{c.name}</h1>
              <span className="hint">{c.phone && <a href={`tel:${c.phone}`} className="mono">{c.phone}</a>} · {channelName(c.channel)}</span>
            </div>
            <div className="contact-grid">
              <div className="contact-col">
                <ContactProfile contact={c} onChanged={(next) => update(() => next)} />
                <Consent contact={c} />
                <Facts contact={c} canForget={owner} onForgotten={(key) => update((d) => ({ ...d, facts: d.facts.filter((f) => f.key !== key) }))} />
              </div>
              <div className="contact-col">
                <Orders contact={c} />
                {c.conversation && <ContactConversation contactId={c.id} messages={c.conversation} />}
                {owner && <EraseContact contact={c} onErased={() => navigate('/contacts')} />}
              </div>
            </div>
          </>
        )}
      </Guard>
    </div>
  );
}
