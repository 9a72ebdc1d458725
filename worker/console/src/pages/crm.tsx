import { useState, type FormEvent } from "react";
import type { CrmBackfill, CrmConnection, CrmPreview } from "@sillage/shared/console-api";
import { api, errorText } from "../api";
import { formatDateTime } from "../format";
import { useI18n } from "../i18n";
import { useSession } from "../session";
import { Card, ErrorNote, FormError, Loading, PageHeader, StatusNote } from "../ui/kit";
import { useAsync, useInterval } from "../use-async";

type Crm = CrmConnection["crm"];
const CRM_NAMES: Record<Crm, string> = { hubspot: "HubSpot", pipedrive: "Pipedrive" };

/** CRM connections: connect with a token, test, preview what a sync would write, enable, and sync the existing MQLs. */
export function CrmPage() {
  const { t } = useI18n();
  const { isAdmin } = useSession();
  const connections = useAsync(() => api.crmConnections(), []);
  if (!isAdmin) return <p className="muted">{t("common.adminOnly")}</p>;
  const list = connections.data ?? [];
  return (
    <>
      <PageHeader title={t("crm.title")} />
      <p className="muted intro">{t("crm.intro")}</p>
      <ConnectForm onConnected={() => void connections.reload()} />
      {connections.status === "error" ? <ErrorNote error={connections.error} onRetry={() => void connections.reload()} /> : null}
      {connections.status === "loading" && !connections.data ? <Loading /> : null}
      {connections.data && list.length === 0 ? <p className="empty">{t("crm.empty")}</p> : null}
      {list.map((c) => (
        <Connection key={c.id} conn={c} onChanged={() => void connections.reload()} />
      ))}
    </>
  );
}

function ConnectForm({ onConnected }: { onConnected: () => void }) {
  const { t } = useI18n();
  const [crm, setCrm] = useState<Crm>("hubspot");
  const [token, setToken] = useState("");
  const [companyDomain, setCompanyDomain] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      const created = await api.connectCrm({ crm, token: token.trim(), ...(crm === "pipedrive" ? { companyDomain: companyDomain.trim() } : {}) });
      // Tested at once: the admin learns now whether the token works, not at the first MQL.
      const test = await api.testCrmConnection(created.id);
      setResult(test.ok ? t("crm.connected", { account: test.account ?? "" }) : t("crm.testFailed", { reason: test.reason ?? "" }));
      setToken("");
      onConnected();
    } catch (err) {
      setError(errorText(err, t("app.unreachable")));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t("crm.new")}>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="crm-kind">{t("crm.kind")}</label>
          <select id="crm-kind" value={crm} onChange={(e) => setCrm(e.target.value as Crm)}>
            <option value="hubspot">HubSpot</option>
            <option value="pipedrive">Pipedrive</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="crm-token">{crm === "hubspot" ? t("crm.tokenHubspot") : t("crm.tokenPipedrive")}</label>
          <input id="crm-token" type="password" autoComplete="off" required minLength={8} value={token} onChange={(e) => setToken(e.target.value)} />
        </div>
        {crm === "pipedrive" ? (
          <div className="field">
            <label htmlFor="crm-domain">{t("crm.companyDomain")}</label>
            <input id="crm-domain" required value={companyDomain} onChange={(e) => setCompanyDomain(e.target.value)} placeholder="acme" />
          </div>
        ) : null}
        <div className="field actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t("crm.connecting") : t("crm.connect")}
          </button>
        </div>
      </form>
      <p className="muted small">{t("crm.tokenNote")}</p>
      <StatusNote>{result}</StatusNote>
      <FormError message={error} />
    </Card>
  );
}

function Connection({ conn, onChanged }: { conn: CrmConnection; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<CrmPreview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [newToken, setNewToken] = useState("");
  const act = async (what: () => Promise<string | null>) => {
    setError(null);
    setMessage(null);
    try {
      setMessage(await what());
      onChanged();
    } catch (err) {
      setError(errorText(err, t("app.unreachable")));
    }
  };
  const test = () =>
    act(async () => {
      const r = await api.testCrmConnection(conn.id);
      return r.ok ? t("crm.connected", { account: r.account ?? "" }) : t("crm.testFailed", { reason: r.reason ?? "" });
    });
  const toggle = () =>
    act(async () => {
      await api.updateCrmConnection(conn.id, { enabled: !conn.enabled });
      return conn.enabled ? t("crm.disabledNow") : t("crm.enabledNow");
    });
  const replaceToken = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const r = await api.updateCrmConnection(conn.id, { token: newToken.trim() });
      setNewToken("");
      return r.test?.ok ? t("crm.connected", { account: r.test.account ?? "" }) : t("crm.testFailed", { reason: r.test?.reason ?? "" });
    });
  };
  const showPreview = () =>
    act(async () => {
      setPreview(await api.previewCrmSync(conn.id));
      return null;
    });
  const backfill = () =>
    act(async () => {
      setJobId((await api.startCrmBackfill(conn.id)).jobId);
      return null;
    });
  const remove = () => {
    if (!window.confirm(t("crm.confirmDelete", { crm: CRM_NAMES[conn.crm] }))) return;
    void act(async () => {
      await api.deleteCrmConnection(conn.id);
      return null;
    });
  };
  const stateText =
    conn.state === "ok"
      ? `✓ ${t("crm.state.ok")}`
      : conn.state === "broken"
        ? `⚠ ${t("crm.state.broken", { reason: conn.brokenReason ?? "" })}`
        : t("crm.state.untested");
  return (
    <Card
      title={
        <>
          <span className="tag">{CRM_NAMES[conn.crm]}</span> {conn.account ? t("crm.account", { account: conn.account }) : (conn.companyDomain ?? "")}
        </>
      }
      actions={
        <div className="row">
          <button type="button" className="btn btn-small" onClick={() => void test()}>
            {t("crm.test")}
          </button>
          <button type="button" className="btn btn-small" onClick={() => void toggle()} disabled={!conn.enabled && conn.state !== "ok"}>
            {conn.enabled ? t("crm.disable") : t("crm.enable")}
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={remove}>
            {t("crm.delete")}
          </button>
        </div>
      }
    >
      <p className="small" data-testid="crm-state">
        {stateText} · {conn.enabled ? t("crm.on") : t("crm.off")} · {t("crm.events", { events: conn.events.join(", ") })} ·{" "}
        {t("crm.pending", { n: String(conn.pendingEvents) })} · {t("crm.tokenHint", { hint: conn.tokenHint })}
        {conn.checkedAt ? ` · ${t("crm.checkedAt", { at: formatDateTime(conn.checkedAt, lang) })}` : ""}
      </p>
      {conn.state === "broken" ? (
        <form className="filters" onSubmit={replaceToken}>
          <div className="field grow">
            <label htmlFor={`token-${conn.id}`}>{t("crm.newToken")}</label>
            <input
              id={`token-${conn.id}`}
              type="password"
              autoComplete="off"
              required
              minLength={8}
              value={newToken}
              onChange={(e) => setNewToken(e.target.value)}
            />
          </div>
          <div className="field actions">
            <button type="submit" className="btn">
              {t("crm.replaceToken")}
            </button>
          </div>
        </form>
      ) : null}
      <div className="row">
        <button type="button" className="btn btn-small" onClick={() => void showPreview()} disabled={conn.state !== "ok"}>
          {t("crm.preview")}
        </button>
        <button type="button" className="btn btn-small" onClick={() => void backfill()} disabled={!conn.enabled || conn.state !== "ok"}>
          {t("crm.backfill")}
        </button>
      </div>
      <StatusNote>{message}</StatusNote>
      <FormError message={error} />
      {preview ? <PreviewTable preview={preview} /> : null}
      {jobId ? <BackfillProgress jobId={jobId} onDone={onChanged} /> : null}
    </Card>
  );
}

function PreviewTable({ preview }: { preview: CrmPreview }) {
  const { t } = useI18n();
  if (preview.items.length === 0) return <p className="muted">{t("crm.previewEmpty")}</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label={t("crm.preview")}>
        <thead>
          <tr>
            <th scope="col">{t("crm.col.lead")}</th>
            <th scope="col">{t("crm.col.action")}</th>
            <th scope="col">{t("crm.col.match")}</th>
            <th scope="col">{t("crm.col.fields")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.items.map((item) => {
            const written = item.fields.filter((f) => f.action === "write");
            const kept = item.fields.filter((f) => f.action === "kept");
            return (
              <tr key={item.leadId}>
                <td>{item.name}</td>
                <td>{t(`crm.action.${item.action}`)}</td>
                <td>{item.matchedBy ? t("crm.matchedBy", { by: item.matchedBy }) : t("crm.noMatch")}</td>
                <td>
                  {written.map((f) => f.field).join(", ") || "—"}
                  {kept.length ? <div className="muted small">{t("crm.kept", { fields: kept.map((f) => f.field).join(", ") })}</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function BackfillProgress({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const { t } = useI18n();
  const job = useAsync(() => api.crmBackfill(jobId), [jobId]);
  const data: CrmBackfill | undefined = job.data;
  useInterval(
    () => {
      void job.reload().then(() => {
        if (job.data?.finished) onDone();
      });
    },
    data?.finished ? null : 1500,
  );
  if (!data) return job.status === "error" ? <ErrorNote error={job.error} /> : <Loading />;
  const done = data.synced + data.failed;
  const percent = data.total ? Math.round((100 * done) / data.total) : 100;
  return (
    <div className="progress-wrap" data-testid="crm-backfill">
      <progress max={100} value={percent} aria-label={t("crm.backfill")} aria-valuetext={`${percent} %`} />
      <p className="small" role="status">
        {data.finished ? t("crm.backfillDone", { synced: String(data.synced), failed: String(data.failed), total: String(data.total) }) : null}
        {!data.finished ? t("crm.backfillRunning", { done: String(done), total: String(data.total) }) : null}
      </p>
    </div>
  );
}
