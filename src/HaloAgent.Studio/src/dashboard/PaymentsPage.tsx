import { useState } from 'react';
import { canManagePayments, useRole } from '../api/permissions';
import { naira, type PaymentReview, paymentsApi } from '../api/dashboard';
import { errorMessage } from '../api/http';
import { ErrorBox, formatDate } from '../components/util';
import { Guard, useLoad } from './load';

/** Route /payments */
export function PaymentsPage() {
  const role = useRole();
  if (!canManagePayments(role)) {
    return (
      <div className="page">
        <div className="page-head"><h1>Payment review</h1></div>
        <div className="banner info" data-testid="payments-denied">Payments are approved or rejected by the owner or an agent; your role ({role}) cannot decide them.</div>
      </div>
    );
  }
  return <PaymentsQueue />;
}

function PaymentsQueue() {
  const [queue, reload, update] = useLoad(() => paymentsApi.reviewQueue(), []);
  const [error, setError] = useState<string | null>(null);
  const decide = async (p: PaymentReview, approve: boolean) => {
    const reason = approve ? '' : window.prompt('Why is this payment rejected? (the customer is told)') ?? null;
    if (reason === null) return;
    try {
      if (approve) await paymentsApi.approve(p.id);
      else await paymentsApi.reject(p.id, reason);
      update((list) => list.filter((x) => x.id !== p.id));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="page">
      <div className="page-head"><h1>Payment review</h1></div>
      {error && <ErrorBox message={error} />}
      <Guard load={queue} endpoint="GET /api/payments/review" reload={reload}>
        {(list) => (
          <table className="table stack">
            <thead><tr><th>Order</th><th>Customer</th><th>Paid</th><th>Expected</th><th>Reference</th><th>Match</th><th>Submitted</th><th /></tr></thead>
            <tbody>
              {list.length === 0 && <tr><td colSpan={8} className="hint">Nothing to review.</td></tr>}
              {list.map((p) => (
                <tr key={p.id}>
                  <td data-label="Order"><b>{p.orderNumber}</b></td>
                  <td data-label="Customer">{p.contactName}<div className="hint mono">{p.phone}</div></td>
                  <td data-label="Paid" className={p.amountKobo < p.expectedKobo ? 'error' : ''}>{naira(p.amountKobo)}</td>
                  <td data-label="Expected">{naira(p.expectedKobo)}</td>
                  <td data-label="Reference">{p.reference}{p.receiptUrl && <> · <a href={p.receiptUrl} target="_blank" rel="noreferrer">receipt</a></>}</td>
                  <td data-label="Match" data-testid="payment-match">
                    {p.score != null ? <b>{Math.round(p.score * 100)}%</b> : <span className="hint">no receipt</span>}
                    {p.verdict && <div className="hint">{p.verdict.replace(/_/g, ' ')}</div>}
                    {(p.reasons ?? []).map((r) => <div key={r} className="hint">{r}</div>)}
                  </td>
                  <td data-label="Submitted">{formatDate(p.submittedAt)}</td>
                  <td className="actions">
                    <button type="button" className="primary" onClick={() => decide(p, true)}>Approve</button>
                    <button type="button" className="danger" onClick={() => decide(p, false)}>Reject</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Guard>
    </div>
  );
}
