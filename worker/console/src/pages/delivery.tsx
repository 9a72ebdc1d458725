import { useState, type FormEvent } from "react";
import type { Webhook } from "@sillage/shared/console-api";
import { api, errorText } from "../api";
import { formatDateTime } from "../format";
import { useI18n } from "../i18n";
import { useSession } from "../session";
import { Card, ErrorNote, Loading, PageHeader, FormError, StatusNote } from "../ui/kit";
import { useAsync } from "../use-async";

export function Delivery() {
  const { t } = useI18n();
  const { isAdmin } = useSession();
  const hooks = useAsync(() => api.webhooks(), []);
  const [url, setUrl] = useState("");
  const [format, setFormat] = useState<"json" | "slack">("json");
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await api.createWebhook({ url: url.trim(), format });
      setSecret(created.secret ?? null);
      setUrl("");
      await hooks.reload();
    } catch (err) {
      setError(errorText(err, t("app.unreachable")));
    }
  };
  if (!isAdmin) return <p className="muted">{t("common.adminOnly")}</p>;
  return (
    <>
      <PageHeader title={t("delivery.title")} />
      <Card>
        <form className="filters" onSubmit={add}>
          <div className="field grow">
            <label htmlFor="hook-url">{t("delivery.url")}</label>
            <input id="hook-url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.slack.com/services/…" />
          </div>
          <div className="field">
            <label htmlFor="hook-format">{t("delivery.format")}</label>
            <select id="hook-format" value={format} onChange={(e) => setFormat(e.target.value as "json" | "slack")}>
              <option value="json">Webhook JSON (HMAC)</option>
              <option value="slack">Slack</option>
            </select>
          </div>
          <div className="field actions">
            <button type="submit" className="btn btn-primary">
              + {t("delivery.add")}
            </button>
          </div>
        </form>
        {secret ? (
          <p className="note note-info" role="status">
            {t("delivery.secret", { secret })}
          </p>
        ) : null}
        <FormError message={error} />
      </Card>
      {hooks.status === "error" ? <ErrorNote error={hooks.error} /> : null}
      {!hooks.data && hooks.status === "loading" ? <Loading /> : null}
      {hooks.data && hooks.data.length === 0 ? <p className="empty">{t("delivery.empty")}</p> : null}
      {hooks.data?.map((h) => (
        <Endpoint key={h.id} hook={h} onChanged={() => void hooks.reload()} />
      ))}
    </>
  );
}

function Endpoint({ hook, onChanged }: { hook: Webhook; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const log = useAsync(() => api.deliveries(hook.id), [hook.id]);
  const [message, setMessage] = useState<string | null>(null);
  const test = async () => {
    try {
      await api.testWebhook(hook.id);
      setMessage(t("delivery.tested"));
      setTimeout(() => void log.reload(), 1500);
    } catch (err) {
      setMessage(errorText(err, t("app.unreachable")));
    }
  };
  return (
    <Card
      title={
        <>
          <span className="tag">{hook.format}</span> <code className="break">{hook.url}</code>
        </>
      }
      actions={
        <div className="row">
          <button type="button" className="btn btn-small" onClick={() => void test()} disabled={!hook.enabled}>
            {t("delivery.test")}
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => void log.reload()}>
            {t("common.refresh")}
          </button>
        </div>
      }
    >
      <p className="small">
        {hook.enabled ? `✓ ${t("delivery.enabled")}` : `⚠ ${t("delivery.disabled", { reason: hook.disabledReason ?? "" })}`} · {hook.events.join(", ")}
        {!hook.enabled ? (
          <button type="button" className="btn btn-small" onClick={() => void api.updateWebhook(hook.id, { enabled: true }).then(onChanged)}>
            {t("delivery.enable")}
          </button>
        ) : null}
      </p>
      <StatusNote>{message}</StatusNote>
      <h3>{t("delivery.log")}</h3>
      {log.data && log.data.length === 0 ? <p className="muted">{t("delivery.noLog")}</p> : null}
      {log.data && log.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("delivery.col.event")}</th>
                <th scope="col">{t("delivery.col.status")}</th>
                <th scope="col">{t("delivery.col.attempts")}</th>
                <th scope="col">{t("delivery.col.at")}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.event}
                    {d.test ? <span className="tag">test</span> : null}
                  </td>
                  <td>
                    {d.status}
                    {d.lastStatusCode ? ` (HTTP ${d.lastStatusCode})` : ""}
                    {d.lastError ? <div className="muted small">{d.lastError}</div> : null}
                  </td>
                  <td>{d.attempts}</td>
                  <td>{formatDateTime(d.createdAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
