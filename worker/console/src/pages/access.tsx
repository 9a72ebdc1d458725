import { useState, type FormEvent } from "react";
import { api, errorText } from "../api";
import { formatDateTime } from "../format";
import { useI18n } from "../i18n";
import { useSession } from "../session";
import { Card, CopyButton, ErrorNote, Loading, PageHeader, FormError } from "../ui/kit";
import { useAsync } from "../use-async";

export function Access() {
  const { t, lang } = useI18n();
  const { isAdmin, session } = useSession();
  const members = useAsync(() => api.members(), []);
  const keys = useAsync(() => api.keys(), []);
  const [member, setMember] = useState({ email: "", name: "", role: "member" as "admin" | "member" });
  const [keyFor, setKeyFor] = useState("");
  const [keyName, setKeyName] = useState("");
  const [newKey, setNewKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const attempt = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await Promise.all([members.reload(), keys.reload()]);
    } catch (err) {
      setError(errorText(err, t("app.unreachable")));
    }
  };
  const addMember = (e: FormEvent) => {
    e.preventDefault();
    void attempt(async () => {
      await api.addMember(member);
      setMember({ email: "", name: "", role: "member" });
    });
  };
  const createKey = (e: FormEvent) => {
    e.preventDefault();
    void attempt(async () => {
      const created = await api.createKey({ memberId: keyFor, name: keyName.trim() });
      setNewKey(created.key);
      setKeyName("");
    });
  };
  if (!isAdmin) return <p className="muted">{t("common.adminOnly")}</p>;
  return (
    <>
      <PageHeader title={t("access.title")} />
      <FormError message={error} />
      <Card title={t("access.members")}>
        {members.status === "error" ? <ErrorNote error={members.error} /> : null}
        {!members.data ? <Loading /> : null}
        <ul className="plain-list">
          {members.data?.map((m) => (
            <li key={m.id} className="row between">
              <span>
                <strong>{m.name}</strong> <span className="muted">{m.email}</span>{" "}
                <span className="tag">{t(m.role === "admin" ? "role.admin" : "role.member")}</span>
              </span>
              {m.id !== session.member?.id ? (
                <button type="button" className="btn btn-small btn-ghost" onClick={() => void attempt(() => api.removeMember(m.id))}>
                  {t("access.remove")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        <form className="filters" onSubmit={addMember}>
          <div className="field grow">
            <label htmlFor="m-email">{t("access.email")}</label>
            <input id="m-email" type="email" required value={member.email} onChange={(e) => setMember({ ...member, email: e.target.value })} />
          </div>
          <div className="field grow">
            <label htmlFor="m-name">{t("access.name")}</label>
            <input id="m-name" required value={member.name} onChange={(e) => setMember({ ...member, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="m-role">{t("access.role")}</label>
            <select id="m-role" value={member.role} onChange={(e) => setMember({ ...member, role: e.target.value as "admin" | "member" })}>
              <option value="member">{t("role.member")}</option>
              <option value="admin">{t("role.admin")}</option>
            </select>
          </div>
          <div className="field actions">
            <button type="submit" className="btn">
              {t("access.addMember")}
            </button>
          </div>
        </form>
      </Card>
      <Card title={t("access.keys")}>
        {newKey ? (
          <p className="note note-info" role="status">
            {t("access.keyShown", { key: newKey })} <CopyButton text={newKey} />
          </p>
        ) : null}
        {!keys.data ? <Loading /> : null}
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("access.keyName")}</th>
                <th scope="col">{t("access.keyFor")}</th>
                <th scope="col">{t("access.role")}</th>
                <th scope="col">{t("access.lastUsed")}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {keys.data?.map((k) => (
                <tr key={k.id} className={k.revokedAt ? "disabled" : undefined}>
                  <td>
                    {k.name} <code className="muted">{k.prefix}…</code>
                  </td>
                  <td>{k.member?.name ?? "—"}</td>
                  <td>{t(k.role === "admin" ? "role.admin" : "role.member")}</td>
                  <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, lang) : t("access.never")}</td>
                  <td>
                    {k.revokedAt ? (
                      <span className="tag">{t("access.revoked")}</span>
                    ) : k.id !== session.key.id ? (
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => void attempt(() => api.revokeKey(k.id))}>
                        {t("access.revoke")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <form className="filters" onSubmit={createKey}>
          <div className="field">
            <label htmlFor="k-member">{t("access.keyFor")}</label>
            <select id="k-member" required value={keyFor} onChange={(e) => setKeyFor(e.target.value)}>
              <option value="" />
              {members.data
                ?.filter((m) => !m.removedAt)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor="k-name">{t("access.keyName")}</label>
            <input id="k-name" required value={keyName} onChange={(e) => setKeyName(e.target.value)} />
          </div>
          <div className="field actions">
            <button type="submit" className="btn">
              {t("access.newKey")}
            </button>
          </div>
        </form>
      </Card>
    </>
  );
}
