import { useState, type FormEvent } from "react";
import type { Installation, Site, SiteInput } from "@sillage/shared/console-api";
import { api, errorText } from "../api";
import { formatDateTime, formatRelative } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { navigate, useRoute } from "../router";
import { useSession } from "../session";
import { parseHostnames, snippetFor } from "../snippet";
import { Card, CopyButton, ErrorNote, Loading, PageHeader, FormError } from "../ui/kit";
import { useAction, useAsync, useInterval } from "../use-async";

export function Sites() {
  const { t } = useI18n();
  const { isAdmin } = useSession();
  const route = useRoute();
  const sites = useAsync(() => api.listSites(), []);
  const [creating, setCreating] = useState(false);
  const list = sites.data ?? [];
  const selected = list.find((s) => s.id === route.search.get("site")) ?? list[0];

  return (
    <>
      <PageHeader title={t("sites.title")}>
        {isAdmin && !creating ? (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            + {t("sites.new")}
          </button>
        ) : null}
      </PageHeader>
      <p className="muted intro">{t("sites.intro")}</p>
      {creating ? (
        <Card title={t("sites.new")}>
          <SiteForm
            submitLabel={t("sites.create")}
            onCancel={() => setCreating(false)}
            onSubmit={async (input) => {
              const site = await api.createSite(input);
              setCreating(false);
              await sites.reload();
              navigate(`/sites?site=${site.id}`, { replace: true });
            }}
          />
        </Card>
      ) : null}
      {sites.status === "error" ? <ErrorNote error={sites.error} onRetry={() => void sites.reload()} /> : null}
      {sites.status === "loading" && !sites.data ? <Loading /> : null}
      {sites.data && list.length === 0 && !creating ? <p className="empty">{t("sites.empty")}</p> : null}
      {list.length > 0 ? (
        <div className="split">
          <ul className="site-list" aria-label={t("sites.title")}>
            {list.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="site-tab"
                  aria-pressed={s.id === selected?.id}
                  onClick={() => navigate(`/sites?site=${s.id}`, { replace: true })}
                >
                  <strong>{s.name}</strong>
                  <span className="muted small">{s.allowedHostnames.join(", ") || t("sites.anyHostname")}</span>
                </button>
              </li>
            ))}
          </ul>
          {selected ? <SiteDetail key={selected.id} site={selected} onChanged={() => void sites.reload()} /> : null}
        </div>
      ) : null}
    </>
  );
}

function SiteDetail({ site, onChanged }: { site: Site; onChanged: () => void }) {
  const { t } = useI18n();
  const { isAdmin } = useSession();
  const [editing, setEditing] = useState(false);
  const snippet = snippetFor(location.origin, site.publicKey);
  return (
    <div className="stack">
      <Card
        title={site.name}
        actions={
          isAdmin && !editing ? (
            <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
              {t("common.edit")}
            </button>
          ) : null
        }
      >
        {editing ? (
          <SiteForm
            initial={site}
            submitLabel={t("common.save")}
            onCancel={() => setEditing(false)}
            onSubmit={async (input) => {
              await api.updateSite(site.id, input);
              setEditing(false);
              onChanged();
            }}
          />
        ) : (
          <dl className="facts">
            <dt>{t("sites.key")}</dt>
            <dd>
              <code>{site.publicKey}</code>
            </dd>
            <dt>{t("sites.hostnames")}</dt>
            <dd>{site.allowedHostnames.join(", ") || t("sites.anyHostname")}</dd>
            <dt>{t("sites.respectDnt")}</dt>
            <dd>{site.respectDnt ? t("common.yes") : t("common.no")}</dd>
            <dt>{t("sites.respectGpc")}</dt>
            <dd>{site.respectGpc ? t("common.yes") : t("common.no")}</dd>
          </dl>
        )}
      </Card>
      <Card title={t("sites.snippet")} actions={<CopyButton text={snippet} label={t("sites.snippetCopy")} />}>
        <pre className="snippet">
          <code>{snippet}</code>
        </pre>
      </Card>
      <InstallationCheck site={site} onChanged={onChanged} />
    </div>
  );
}

function InstallationCheck({ site, onChanged }: { site: Site; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { isAdmin } = useSession();
  const [allowError, setAllowError] = useState<string | null>(null);
  // One click fixes the commonest installation mistake: the pages' hostname missing from the allowed list.
  const allow = async (hostname: string) => {
    setAllowError(null);
    try {
      await api.updateSite(site.id, { allowedHostnames: [...site.allowedHostnames, hostname] });
      onChanged();
    } catch (err) {
      setAllowError(errorText(err, t("app.unreachable")));
    }
  };
  const check = useAsync(() => api.installation(site.id), [site.id]);
  useInterval(() => void check.reload(), 3000);
  const data: Installation | undefined = check.data;
  const now = new Date();
  return (
    <Card title={t("sites.check")} className="check" actions={<span className="muted small">{t("sites.live")}</span>}>
      {check.status === "error" ? <ErrorNote error={check.error} /> : null}
      {!data ? <Loading /> : null}
      {data ? (
        <>
          <p className={`check-state ${data.installed ? "ok" : "waiting"}`} role="status" data-testid="installation-state">
            <span aria-hidden="true">{data.installed ? "✓" : "…"}</span> {data.installed ? t("sites.checkOk") : t("sites.checkWaiting")}
          </p>
          {data.installed ? (
            <dl className="facts">
              <dt>{t("sites.firstHit")}</dt>
              <dd>{formatDateTime(data.firstHitAt!, lang)}</dd>
              <dt>{t("sites.lastHit")}</dt>
              <dd>
                {formatDateTime(data.lastHitAt!, lang)} ({formatRelative(data.lastHitAt!, now, lang)})
              </dd>
              <dt>{t("sites.hitsLastDay")}</dt>
              <dd>{data.hitsLastDay}</dd>
            </dl>
          ) : null}
          {data.recentHits.length > 0 ? (
            <>
              <h3>{t("sites.recent")}</h3>
              <ul className="plain-list">
                {data.recentHits.map((h, i) => (
                  <li key={i}>
                    <span className="tag">{h.type}</span> <code>{(h.hostname ?? "") + (h.path ?? "")}</code>{" "}
                    <span className="muted small">{formatRelative(h.at, now, lang)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>{t("sites.drops")}</h3>
          {data.drops.length === 0 ? (
            <p className="muted">{t("sites.noDrops")}</p>
          ) : (
            <ul className="plain-list drops">
              {data.drops.map((d) => (
                <li key={d.reason}>
                  <strong>{t(`drop.${d.reason}` as MessageKey)}</strong>{" "}
                  <span className="muted small">{t("drop.count", { count: d.count, day: d.lastDay })}</span>
                  <DropFix reason={d.reason} hosts={data.allowedHostnames} />
                  {d.reason === "hostname_not_allowed" ? (
                    <ul className="plain-list hosts">
                      {data.rejectedHostnames
                        .filter((h) => !site.allowedHostnames.includes(h.hostname))
                        .map((h) => (
                          <li key={h.hostname} className="row">
                            <span>
                              {t("drop.rejectedHost")} <code>{h.hostname}</code> <span className="muted small">({h.count} ×)</span>
                            </span>
                            {isAdmin ? (
                              <button type="button" className="btn btn-small" onClick={() => void allow(h.hostname)}>
                                {t("drop.allowHost", { hostname: h.hostname })}
                              </button>
                            ) : null}
                          </li>
                        ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <FormError message={allowError} />
        </>
      ) : null}
    </Card>
  );
}

const FIXES = new Set(["hostname_not_allowed", "unknown_site", "headless"]);

function DropFix({ reason, hosts }: { reason: string; hosts: string[] }) {
  const { t } = useI18n();
  if (!FIXES.has(reason)) return null;
  return <div className="small">{t(`drop.fix.${reason}` as MessageKey, { hosts: hosts.join(", ") || "—" })}</div>;
}

function SiteForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: Site;
  submitLabel: string;
  onSubmit: (i: SiteInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(initial?.name ?? "");
  const [hosts, setHosts] = useState(initial?.allowedHostnames.join("\n") ?? "");
  const [dnt, setDnt] = useState(initial?.respectDnt ?? false);
  const [gpc, setGpc] = useState(initial?.respectGpc ?? true);
  const { pending, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => onSubmit({ name: name.trim(), allowedHostnames: parseHostnames(hosts), respectDnt: dnt, respectGpc: gpc }));
  };
  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor="site-name">{t("sites.name")}</label>
      <input id="site-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="site-hosts">{t("sites.hostnames")}</label>
      <textarea id="site-hosts" rows={3} value={hosts} onChange={(e) => setHosts(e.target.value)} aria-describedby="site-hosts-hint" spellCheck={false} />
      <p id="site-hosts-hint" className="muted small">
        {t("sites.hostnamesHint")}
      </p>
      <label className="check-label">
        <input type="checkbox" checked={dnt} onChange={(e) => setDnt(e.target.checked)} /> {t("sites.respectDnt")}
      </label>
      <label className="check-label">
        <input type="checkbox" checked={gpc} onChange={(e) => setGpc(e.target.checked)} /> {t("sites.respectGpc")}
      </label>
      <FormError message={error} />
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t("common.saving") : submitLabel}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
