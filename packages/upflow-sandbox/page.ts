/**
 * The read-only HTML pages of the sandbox (server-rendered, no script). Every value goes through
 * `esc`, so data such as a customer named `<img src=x onerror=alert(1)>` shows as text.
 * The API secret is never shown.
 */
import type { CustomerOut, DunningPlanOut, MemberOut, SourceSystem } from './schemas';
import type { RequestLogEntry } from './stats';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (value: unknown): string => (value === null || value === undefined ? '' : String(value)).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

export interface PageData {
  organization: { name: string; sourceSystem: SourceSystem; apiKey: string };
  apiBase: string;
  members: MemberOut[];
  plans: DunningPlanOut[];
  customers: CustomerOut[];
  total: number;
  offset: number;
  limit: number;
  requests: RequestLogEntry[];
}

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#1d2433}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.8rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dde;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f4f8}code,.id{font-family:ui-monospace,monospace;font-size:12px;color:#556}
.main{font-weight:600}.muted{color:#889}.s2{color:#17803d}.s4{color:#b45309}.s5,.drop{color:#b91c1c}
ul{margin:0;padding-left:1.1rem}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>${body}</body></html>`;
}

const fullName = (m: { firstName: string | null; lastName: string | null }) => [m.firstName, m.lastName].filter(Boolean).join(' ');

function memberLabel(id: string, members: Map<string, MemberOut>): string {
  const m = members.get(id);
  return m ? `${esc(fullName(m) || m.email)} <span class="muted">${esc(m.email)}</span>` : `<code>${esc(id)}</code>`;
}

function contactsList(c: CustomerOut): string {
  if ((c.contacts ?? []).length === 0) return '<span class="muted">none</span>';
  return `<ul>${(c.contacts ?? [])
    .map(
      (k) =>
        `<li class="${k.isMain ? 'main' : ''}">${k.isMain ? '★ ' : ''}${esc(fullName(k))} &lt;${esc(k.email)}&gt;` +
        `${k.position ? ` · ${esc(k.position)}` : ''}${k.phone ? ` · ${esc(k.phone)}` : ''}${k.externalId ? ` · <code>${esc(k.externalId)}</code>` : ''}` +
        `${k.isMain ? ' <span class="muted">(main)</span>' : ''}</li>`,
    )
    .join('')}</ul>`;
}

function customerRows(customers: CustomerOut[], members: Map<string, MemberOut>, plans: Map<string, DunningPlanOut>): string {
  return customers
    .map(
      (c) => `<tr>
<td><a href="/app/customers/${encodeURIComponent(c.id)}">${esc(c.name)}</a><div class="id">${esc(c.id)}</div></td>
<td><code>${esc(c.externalId)}</code></td>
<td>${c.parent ? `${esc(c.parent.name)} <code>${esc(c.parent.externalId)}</code>` : '<span class="muted">—</span>'}</td>
<td>${c.accountManagerIds.length ? c.accountManagerIds.map((id) => memberLabel(id, members)).join('<br>') : '<span class="muted">—</span>'}</td>
<td>${c.dunningPlanId ? esc(plans.get(c.dunningPlanId)?.name ?? c.dunningPlanId) : '<span class="muted">—</span>'}</td>
<td>${contactsList(c)}</td>
<td class="muted">${esc(c.updatedAt)}</td>
</tr>`,
    )
    .join('\n');
}

function statusClass(status: number | null): string {
  return status === null ? 'drop' : `s${Math.floor(status / 100)}`;
}

export function renderHomePage(d: PageData): string {
  const members = new Map(d.members.map((m) => [m.id, m]));
  const plans = new Map(d.plans.map((p) => [p.id, p]));
  const next = d.offset + d.limit < d.total ? ` · <a href="/?offset=${d.offset + d.limit}">next ${d.limit}</a>` : '';
  const prev = d.offset > 0 ? ` · <a href="/?offset=${Math.max(0, d.offset - d.limit)}">previous</a>` : '';
  return layout(
    `Upflow sandbox · ${d.organization.name}`,
    `<h1>Upflow sandbox · ${esc(d.organization.name)}</h1>
<p>Source system: <strong>${esc(d.organization.sourceSystem)}</strong> · API base: <code>${esc(d.apiBase)}</code> ·
API key: <code>${esc(d.organization.apiKey)}</code> · API secret: <span class="muted">hidden</span> ·
<a href="/">refresh</a> · <a href="/_admin/stats">stats</a></p>

<h2>Members (${d.members.length})</h2>
<table><tr><th>Name</th><th>Email</th><th>Position</th><th>Id</th></tr>
${d.members.map((m) => `<tr><td>${esc(fullName(m))}</td><td>${esc(m.email)}</td><td>${esc(m.position)}</td><td class="id">${esc(m.id)}</td></tr>`).join('\n')}
</table>

<h2>Workflows (${d.plans.length})</h2>
<table><tr><th>Name</th><th>Mode</th><th>Entity</th><th>Id</th></tr>
${d.plans.map((p) => `<tr><td>${esc(p.name)}</td><td>${esc(p.mode)}</td><td>${esc(p.entity)}</td><td class="id">${esc(p.id)}</td></tr>`).join('\n')}
</table>

<h2>Customers (${d.total}${d.total > d.customers.length ? `, showing ${d.offset + 1}–${d.offset + d.customers.length}` : ''})${prev}${next}</h2>
<table><tr><th>Name</th><th>External ID</th><th>Parent</th><th>Account manager(s)</th><th>Workflow</th><th>Contacts (★ main)</th><th>Updated</th></tr>
${customerRows(d.customers, members, plans)}
</table>

<h2>Last ${d.requests.length} requests</h2>
<table><tr><th>Time</th><th>Method</th><th>Path</th><th>Status</th><th>ms</th></tr>
${d.requests
  .map(
    (r) =>
      `<tr><td class="muted">${esc(r.at)}</td><td>${esc(r.method)}</td><td><code>${esc(r.path)}</code></td>` +
      `<td class="${statusClass(r.status)}">${r.status === null ? 'dropped' : esc(r.status)}</td><td>${esc(r.ms)}</td></tr>`,
  )
  .join('\n')}
</table>`,
  );
}

export interface CustomerPageData {
  customer: CustomerOut;
  subsidiaries: Array<{ id: string; name: string; externalId: string | null }>;
  members: MemberOut[];
  plans: DunningPlanOut[];
}

export function renderCustomerPage(d: CustomerPageData): string {
  const c = d.customer;
  const members = new Map(d.members.map((m) => [m.id, m]));
  const plan = c.dunningPlanId ? d.plans.find((p) => p.id === c.dunningPlanId) : undefined;
  const a = c.address;
  const row = (label: string, html: string) => `<tr><th>${esc(label)}</th><td>${html}</td></tr>`;
  return layout(
    `${c.name} · Upflow sandbox`,
    `<p><a href="/">← all customers</a></p>
<h1>${esc(c.name)}</h1>
<table>
${row('Id', `<code>${esc(c.id)}</code>`)}
${row('External ID', `<code>${esc(c.externalId)}</code>`)}
${row('Accounting code', esc(c.accountingRef))}
${row('VAT number', esc(c.vatNumber))}
${row('Address', [a.address, a.zipcode, a.city, a.state, a.country].filter(Boolean).map(esc).join(', '))}
${row('Parent', c.parent ? `<a href="/app/customers/${encodeURIComponent(c.parent.id)}">${esc(c.parent.name)}</a>` : '—')}
${row('Subsidiaries', d.subsidiaries.length ? d.subsidiaries.map((s) => `<a href="/app/customers/${encodeURIComponent(s.id)}">${esc(s.name)}</a>`).join(', ') : '—')}
${row('Account manager(s)', c.accountManagerIds.length ? c.accountManagerIds.map((id) => memberLabel(id, members)).join('<br>') : '—')}
${row('Workflow', plan ? esc(plan.name) : c.dunningPlanId ? `<code>${esc(c.dunningPlanId)}</code>` : '—')}
${row('Custom fields', c.customFields.length ? c.customFields.map((f) => `${esc(f.id)}: ${esc(f.value)}`).join('<br>') : '—')}
${row('Created', esc(c.createdAt))}
${row('Updated', esc(c.updatedAt))}
</table>
<h2>Contacts (${(c.contacts ?? []).length})</h2>
<table><tr><th>Main</th><th>Name</th><th>Email</th><th>Phone</th><th>Position</th><th>External ID</th></tr>
${(c.contacts ?? [])
  .map(
    (k) =>
      `<tr class="${k.isMain ? 'main' : ''}"><td>${k.isMain ? '★ main' : ''}</td><td>${esc(fullName(k))}</td><td>${esc(k.email)}</td>` +
      `<td>${esc(k.phone)}</td><td>${esc(k.position)}</td><td><code>${esc(k.externalId)}</code></td></tr>`,
  )
  .join('\n')}
</table>`,
  );
}

export function renderNotFoundPage(): string {
  return layout('Not found · Upflow sandbox', `<p><a href="/">← all customers</a></p><h1>The customer was not found</h1>`);
}
